"""Packaging for scrapyd: the project egg, with its data files.

Without this file scrapyd-deploy writes a bare ``setup.py`` whose egg lacks
``interfax/schemas/article.json`` (every item is validated against it). ``scrapyd-deploy`` uses
this one; ``deploy/scrapyd-deploy.sh`` builds the egg in a scratch folder (``deploy/build_egg.py``,
nothing written into the working tree) and uploads it with ``scrapyd-deploy --egg``.
"""

from setuptools import find_packages, setup

setup(
    name="interfax",
    version=__import__("interfax").__version__,
    packages=find_packages(include=["interfax", "interfax.*"]),
    package_data={"interfax": ["schemas/*.json"]},
    entry_points={"scrapy": ["settings = interfax.settings"]},
    zip_safe=True,
)
