"""Build the project egg for scrapyd: ``python deploy/build_egg.py OUT.egg``.

The sources are copied to a scratch folder first (without the offline mirror's pages, caches and
tests), so the build writes nothing into the working tree. Prints the path of the egg.
"""

from __future__ import annotations

import glob
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", "site")  # site: the mirror's pages, tests only


def build_egg(out: Path) -> Path:
    with tempfile.TemporaryDirectory(prefix="interfax-egg-") as tmp:
        work = Path(tmp)
        shutil.copytree(REPO / "interfax", work / "interfax", ignore=IGNORE)
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
