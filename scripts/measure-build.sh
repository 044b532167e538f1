#!/usr/bin/env bash
# Measures what a user pays to compile the generated v1.0 package: docgen
# writes it into a throwaway module that uses this checkout, then a cold
# `go build` (fresh GOCACHE, so the standard library is rebuilt too) and a
# warm one (standard library cached, package changed) run under
# /usr/bin/time -v. Prints wall time and peak memory for each, and the
# package's size.
#
#   scripts/measure-build.sh [CORPUS_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-$root/../shared/corpus/en/v1.0}
[ -d "$corpus" ] || { echo "corpus not found: $corpus" >&2; exit 2; }
if [ ! -x /usr/bin/time ]; then
  apt-get update -qq && apt-get install -y -qq time >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mod=$work/mod
mkdir -p "$mod/graph"
(cd "$root" && go run ./cmd/docgen -out "$mod/graph" -pkg graph "$corpus" 2>/dev/null)
cat > "$mod/go.mod" <<MOD
module measure
go 1.26
require github.com/graphdocgen/docgen v0.0.0
replace github.com/graphdocgen/docgen => $root
MOD
cp "$root/go.sum" "$mod/"

files=$(ls "$mod/graph" | wc -l)
bytes=$(cat "$mod/graph"/*.go | wc -c)
echo "generated package: $files files, $bytes bytes of Go source"

measure() { # label, then the command
  local label=$1; shift
  /usr/bin/time -v "$@" 2>"$work/time" >/dev/null
  local wall rss
  wall=$(grep 'Elapsed (wall clock)' "$work/time" | awk '{print $NF}')
  rss=$(grep 'Maximum resident' "$work/time" | awk '{print $NF}')
  echo "$label: wall $wall, peak RSS $((rss / 1024)) MiB"
}

cd "$mod"
export GOFLAGS=-mod=mod
export GOCACHE=$work/cache
measure "cold go build (empty GOCACHE)" go build ./graph
echo "// $(date +%s%N)" >> graph/doc_touch.go && sed -i '1i package graph' graph/doc_touch.go
measure "warm go build (package changed, std cached)" go build ./graph
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {print int($2/1024/1024)" GiB"}' /proc/meminfo), $(go version)"
