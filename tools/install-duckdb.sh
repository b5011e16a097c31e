#!/usr/bin/env bash
# Installs DuckDB's Node.js client into .duckdb-node/ (gitignored) for DuckDbReadsCatalogTest, which checks that
# another engine reads the catalog's Parquet. Without npm it does nothing: the test then skips and says so.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
VERSION=1.5.6-r.1
DIR=.duckdb-node
if ! command -v npm >/dev/null 2>&1; then
  echo "tools/install-duckdb.sh: npm not found, DuckDbReadsCatalogTest will skip" >&2
  exit 0
fi
if [ -f "$DIR/node_modules/@duckdb/node-api/package.json" ] \
    && grep -q "\"version\": \"$VERSION\"" "$DIR/node_modules/@duckdb/node-api/package.json"; then
  exit 0
fi
mkdir -p "$DIR"
npm install --prefix "$DIR" --no-save --no-audit --no-fund --loglevel=error "@duckdb/node-api@$VERSION"
