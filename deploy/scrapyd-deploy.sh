#!/usr/bin/env bash
# Deploy the project to scrapyd: build the egg (with interfax/schemas/article.json, which the
# monitors need; scrapyd-deploy's own bare setup.py leaves it out), then upload it with
# scrapyd-deploy --egg to a target of scrapy.cfg ([deploy] is "default").
#
#   SCRAPYD_USERNAME=interfax SCRAPYD_PASSWORD=... deploy/scrapyd-deploy.sh [TARGET] [VERSION]
#
# Both steps run with the project's Python ($INTERFAX_PYTHON, else the checkout's .venv, else
# python3): scrapyd-deploy and setuptools are installed in the venv by requirements.txt, and
# neither is on PATH (nor in Debian's python3) unless the venv is activated.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${INTERFAX_PYTHON:-}" ]; then
    if [ -x .venv/bin/python ]; then INTERFAX_PYTHON=.venv/bin/python; else INTERFAX_PYTHON=python3; fi
fi
target="${1:-default}"
version="${2:-$(date -u +%Y%m%dT%H%M%S)}"
workdir="$(mktemp -d)"
trap 'rm -rf "$workdir"' EXIT
"$INTERFAX_PYTHON" deploy/build_egg.py "$workdir/interfax.egg" >/dev/null
"$INTERFAX_PYTHON" -m scrapyd_client.deploy "$target" --egg "$workdir/interfax.egg" --version "$version"
