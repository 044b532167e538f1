#!/usr/bin/env bash
# The cost of one huge page as whole processes: docgen against the floor
# (scripts/floor, goldmark alone on the same page), run in alternation so
# that load from other work on the machine falls on both alike. The page is
# BenchmarkWidePage's: a resource whose Properties table has ROWS rows, each
# a collection of an undocumented type. For each it prints the median wall
# time, the largest peak RSS of its runs, and the multiples of the floor's.
# docgen runs as a user runs it: into a fresh -out, with its caches (in a
# directory of their own). With BASE=/path/to/another/docgen, that binary
# is alternated with the others too (row "base").
#
#   scripts/widespeed.sh [ROWS] [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rows=${1:-100000}
runs=${2:-5}
if [ ! -x /usr/bin/time ]; then
  apt-get update -qq && apt-get install -y -qq time >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DOCGEN_CACHE=$work/cache
(cd "$root" && go build -o "$work/docgen" ./cmd/docgen && go build -o "$work/floor" ./scripts/floor)

mkdir "$work/page"
awk -v rows="$rows" 'BEGIN {
  print "# wide resource type\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|"
  for (i = 0; i < rows; i++) printf "| **p%d** | [part](part.md) collection | Part %d. |\n", i, i
  print "\n## JSON representation\n\n<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.wide\" } -->\n\n```json\n{}\n```"
}' >"$work/page/wide.md"

declare -A walls rss
timed() { # label, command...
  local label=$1; shift
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null 2>"$work/log" ||
    { echo "$label failed:" >&2; cat "$work/log" >&2; exit 1; }
  t1=$(date +%s.%N)
  walls[$label]+="$(echo "$t1 - $t0" | bc) "
  rss[$label]+="$(cat "$work/rss") "
}
median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
largest() { tr ' ' '\n' | grep . | sort -g | tail -1; }

for i in $(seq "$runs"); do
  timed floor "$work/floor" "$work/page"
  if [ -n "${BASE:-}" ]; then
    timed base "$BASE" -q -out "$work/base$i" -pkg graph "$work/page"
  fi
  timed docgen "$work/docgen" -q -out "$work/out$i" -pkg graph "$work/page"
done
fw=$(echo "${walls[floor]}" | median)
fr=$(echo "${rss[floor]}" | largest)
printf '%-7s %9s %12s %8s %8s\n' run wall "peak RSS" floors "RSS/floor"
for label in floor ${BASE:+base} docgen; do
  w=$(echo "${walls[$label]}" | median)
  r=$(echo "${rss[$label]}" | largest)
  printf '%-7s %8.2fs %8.0f MiB %7.2fx %7.2fx\n' "$label" "$w" "$(echo "$r / 1024" | bc -l)" \
    "$(echo "$w / $fw" | bc -l)" "$(echo "$r / $fr" | bc -l)"
done
echo "($rows rows, $(wc -c <"$work/page/wide.md") bytes; $runs runs each, alternated; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg))"
