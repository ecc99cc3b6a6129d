"""Packaging for scrapyd: the project egg, with its data files.

scrapyd-deploy writes a bare ``setup.py`` when the project has none, and its egg then lacks
``interfax/schemas/article.json`` (the monitors validate every item against it). Build the egg
with this file instead - ``deploy/build_egg.py`` does it in a scratch folder, never in the
working tree - and hand it to ``scrapyd-deploy --egg`` (``deploy/scrapyd-deploy.sh`` does both).
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
