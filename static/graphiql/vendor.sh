#!/usr/bin/env bash
# Re-fetch the GraphiQL page's assets from the npm registry (run by hand when upgrading; the server
# serves the copies in this folder, so GraphiQL works with no network and no Node.js).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent react@18.2.0 react-dom@18.2.0 graphiql@3.8.3 @graphiql/plugin-explorer@1.0.2 >/dev/null
for tgz in *.tgz; do mkdir -p "${tgz%.tgz}" && tar xzf "$tgz" -C "${tgz%.tgz}"; done
cp react-18.2.0/package/umd/react.production.min.js "$here/"
cp react-dom-18.2.0/package/umd/react-dom.production.min.js "$here/"
cp graphiql-3.8.3/package/graphiql.min.js graphiql-3.8.3/package/graphiql.min.css "$here/"
cp graphiql-plugin-explorer-1.0.2/package/dist/index.umd.js "$here/plugin-explorer.umd.js"
cp graphiql-plugin-explorer-1.0.2/package/dist/style.css "$here/plugin-explorer.css"
echo "assets copied into $here"
