#!/usr/bin/env bash
# Issue 6's budgets, measured: what a user pays to build against the
# generated v1.0 package. It generates the package into a throwaway module
# that uses this checkout, then builds, each from an empty GOCACHE (so the
# standard library is compiled too) under /usr/bin/time -v:
#   - plain:    a program decoding one driveItem with a hand-written
#               encoding/json struct (the baseline);
#   - full:     the same program on the whole generated v1.0 package;
#   - subset:   the same program on `docgen -types driveItem` output.
# It prints wall time, peak RSS and binary size for each, the ratios against
# the baseline, and the package's size. Run it on a quiet machine.
#
#   scripts/measure.sh [CORPUS_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-$root/../shared/corpus/en/v1.0}
[ -d "$corpus" ] || { echo "corpus not found: $corpus" >&2; exit 2; }
if [ ! -x /usr/bin/time ]; then
  apt-get update -qq && apt-get install -y -qq time >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$root" && go build -o "$work/docgen" ./cmd/docgen)

setup() { # dir, main file, then "generate" and docgen args, if any
  local dir=$1 main=$2; shift 2
  mkdir -p "$dir"
  cat > "$dir/go.mod" <<MOD
module measure
go 1.26
require github.com/graphdocgen/docgen/graphrt v0.0.0
replace github.com/graphdocgen/docgen/graphrt => $root/graphrt
MOD
  cp "$root/scripts/measure/drive_item.json" "$dir/"
  cp "$root/scripts/measure/$main" "$dir/main.go"
  if [ "${1:-}" = generate ]; then
    shift
    "$work/docgen" -out "$dir/graph" -pkg graph "$@" "$corpus" 2>"$work/docgen.log" ||
      { cat "$work/docgen.log" >&2; exit 1; }
  fi
}

declare -A wall rss size
build() { # label, dir
  local label=$1 dir=$2
  ( cd "$dir" && GOCACHE="$work/cache-$label" GOFLAGS=-mod=mod /usr/bin/time -v go build -o "$work/bin-$label" . ) 2>"$work/time-$label" >/dev/null ||
    { echo "$label: go build failed:" >&2; cat "$work/time-$label" >&2; exit 1; }
  wall[$label]=$(grep 'Elapsed (wall clock)' "$work/time-$label" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss[$label]=$(( $(grep 'Maximum resident' "$work/time-$label" | awk '{print $NF}') / 1024 ))
  size[$label]=$(stat -c %s "$work/bin-$label")
  awk -v l="$label" -v w="${wall[$label]}" -v r="${rss[$label]}" -v s="${size[$label]}" \
    'BEGIN { printf "%-7s cold build %6.1f s, peak RSS %5d MiB, binary %6.2f MB (%d bytes)\n", l, w, r, s / 1e6, s }'
}

setup "$work/plain" plain_main.go.txt
setup "$work/full" generated_main.go.txt generate
setup "$work/subset" generated_main.go.txt generate -types microsoft.graph.driveItem
echo "generated v1.0 package: $(ls "$work/full/graph" | wc -l) files, $(cat "$work/full/graph"/*.go | wc -c) bytes of Go source"
echo "driveItem subset:       $(ls "$work/subset/graph" | wc -l) files, $(cat "$work/subset/graph"/*.go | wc -c) bytes of Go source"
build plain "$work/plain"
build full "$work/full"
build subset "$work/subset"
for l in full subset; do
  awk -v l="$l" -v w="${wall[$l]}" -v p="${wall[plain]}" -v r="${rss[$l]}" -v s="${size[$l]}" \
    'BEGIN { printf "%-7s vs plain: build time %.2fx (budget 2x), peak RSS %d MiB (budget 1024), binary %.2f MB (budget 5, as 10^6 bytes)\n", l, w / p, r, s / 1e6 }'
done
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {print int($2/1024/1024)" GiB"}' /proc/meminfo), $(go version)"
