#!/usr/bin/env bash
# Re-fetch the explorer's one third-party file, Cytoscape.js, from the npm registry (run by hand when
# upgrading; the server serves the copy in this folder, so the explorer works with no network and no
# Node.js). Cytoscape.js is MIT-licensed; its licence is copied beside it.
set -euo pipefail
version=3.35.0
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "cytoscape@$version" >/dev/null
tar xzf "cytoscape-$version.tgz"
cp package/dist/cytoscape.min.js "$here/cytoscape.min.js"
cp package/LICENSE "$here/cytoscape.LICENSE"
echo "cytoscape $version (MIT) copied into $here"
