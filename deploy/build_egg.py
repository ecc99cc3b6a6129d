"""Build the project egg for scrapyd: ``python deploy/build_egg.py OUT.egg``.

The sources are copied to a scratch folder first, so the build writes nothing into the working tree.
Left out: caches and the offline mirror (``interfax/mirror/``: its pages, its generator and the faulty
test server) with ``interfax/offline.py`` that serves it - a scrapyd crawl never imports them.
Prints the path of the egg.
"""

from __future__ import annotations

import glob
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# the mirror and the offline command are test and demo tooling; no crawl imports them
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc")
LEFT_OUT = {"interfax/mirror", "interfax/offline.py"}


def ignore(folder: str, names: list[str]) -> set[str]:
    """shutil.copytree's ignore: caches, and the paths of LEFT_OUT."""
    rel = Path(folder).relative_to(REPO).as_posix()
    return set(IGNORE(folder, names)) | {n for n in names if f"{rel}/{n}" in LEFT_OUT}


def build_egg(out: Path) -> Path:
    with tempfile.TemporaryDirectory(prefix="interfax-egg-") as tmp:
        work = Path(tmp)
        shutil.copytree(REPO / "interfax", work / "interfax", ignore=ignore)
        shutil.copy(REPO / "setup.py", work / "setup.py")
        shutil.copy(REPO / "scrapy.cfg", work / "scrapy.cfg")
        done = subprocess.run(
            [sys.executable, "setup.py", "-q", "bdist_egg", "--dist-dir", str(work / "dist")],
            cwd=work, capture_output=True, text=True,
        )
        if done.returncode:
            sys.stderr.write(done.stdout + done.stderr)
            raise SystemExit(f"building the egg failed (exit {done.returncode})")
        (egg,) = glob.glob(str(work / "dist" / "*.egg"))
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(egg, out)
    return out


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python deploy/build_egg.py OUT.egg")
    print(build_egg(Path(sys.argv[1]).resolve()))
