#!/usr/bin/env bash
# Deploy the project to scrapyd: build the egg (with interfax/schemas/article.json, which the
# monitors need; scrapyd-deploy's own bare setup.py leaves it out), then upload it with
# scrapyd-deploy --egg to a target of scrapy.cfg ([deploy] is "default").
#
#   SCRAPYD_USERNAME=interfax SCRAPYD_PASSWORD=... deploy/scrapyd-deploy.sh [TARGET] [VERSION]
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:-default}"
version="${2:-$(date -u +%Y%m%dT%H%M%S)}"
workdir="$(mktemp -d)"
trap 'rm -rf "$workdir"' EXIT
python3 deploy/build_egg.py "$workdir/interfax.egg" >/dev/null
scrapyd-deploy "$target" --egg "$workdir/interfax.egg" --version "$version"
