#!/usr/bin/env bash
# Generation speed as whole processes: docgen against the floor (a
# goldmark-only parse of the same pages on the same number of workers,
# scripts/floor), run in alternation so that load from other work on the
# machine falls on all of them alike. For each it prints the median wall
# time, the median CPU time (user+sys) and the multiple of the floor's
# median wall time:
#   floor  goldmark-only parse
#   floortun  the same with its heap tuned as docgen tunes a large run's
#          (huge pages, the collector paced by a heap budget:
#          gcpace.TuneLargeRun); shown, not the measure
#   cold   docgen into a fresh -out
#   warm   docgen into an -out that is up to date (its run record and
#          cache in place: the run is replayed)
#   one    docgen into an up-to-date -out after one page changed
#
# With BASE=/path/to/another/docgen, that binary's cold run is alternated
# with the others too (row "base"), to compare with an older build.
#
#   scripts/genspeed.sh [CORPUS_DIR] [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-$root/../shared/corpus/en/v1.0}
runs=${2:-7}
[ -d "$corpus" ] || { echo "corpus not found: $corpus" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DOCGEN_CACHE=$work/cache # not the user's; cold runs go to a fresh -out
(cd "$root" && go build -o "$work/docgen" ./cmd/docgen && go build -o "$work/floor" ./scripts/floor)

# A copy of the corpus, so that "one" can change a page.
mkdir "$work/pages"
cp "$corpus"/*.md "$work/pages/"
page=$(grep -l '^## Properties' "$work/pages"/*.md | head -1 || true)

declare -A walls cpus
timed() { # label, command...
  local label=$1; shift
  local t0 t1 r
  t0=$(date +%s.%N)
  /usr/bin/env time -f '%U %S' -o "$work/cpu" "$@" >/dev/null 2>"$work/log" ||
    { echo "$label failed:" >&2; cat "$work/log" >&2; exit 1; }
  t1=$(date +%s.%N)
  walls[$label]+="$(echo "$t1 - $t0" | bc) "
  cpus[$label]+="$(awk '{print $1+$2}' "$work/cpu") "
}
median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

"$work/docgen" -out "$work/warm" -pkg graph "$work/pages" 2>/dev/null
for i in $(seq "$runs"); do
  timed floor "$work/floor" "$work/pages"
  timed floortun "$work/floor" -tuned "$work/pages"
  if [ -n "${BASE:-}" ]; then
    timed base "$BASE" -out "$work/base$i" -pkg graph "$work/pages"
  fi
  # A new directory each time, the old ones kept until the end: on ext4
  # without a journal (this machine's), creating a file right after many
  # were deleted scans past every inode deleted in the last minutes, which
  # would charge the script's own clean-up to the next run.
  timed cold "$work/docgen" -out "$work/cold$i" -pkg graph "$work/pages"
  timed warm "$work/docgen" -out "$work/warm" -pkg graph "$work/pages"
  # One page gains a property (another each time), then the same run.
  awk -v row="| changedInRun$i | String | Added by genspeed.sh. |" '
    /^## Properties/ { props = 1 }
    { print }
    props && /^ *\| *:?-/ { print row; props = 0 }' "$page" >"$work/page" && cp "$work/page" "$page"
  timed one "$work/docgen" -out "$work/warm" -pkg graph "$work/pages"
done
floor=$(echo "${walls[floor]}" | median)
printf '%-8s %10s %10s %8s\n' run wall cpu floors
for label in floor floortun ${BASE:+base} cold warm one; do
  w=$(echo "${walls[$label]}" | median)
  c=$(echo "${cpus[$label]}" | median)
  printf '%-8s %9.3fs %9.3fs %7.2fx\n' "$label" "$w" "$c" "$(echo "$w / $floor" | bc -l)"
done
echo "($runs runs each, alternated; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg))"
