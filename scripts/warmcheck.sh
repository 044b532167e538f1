#!/usr/bin/env bash
# Warm runs give what cold runs give, after real edits: copies the pages,
# runs docgen into one -out with its cache, then after each kind of edit
# (a property added to the root base type, a description changed, a
# property added, a property's type changed, a page added, removed and
# renamed, a base type changed, an enum edited, nothing changed) runs it
# again there and into a fresh -out without the cache, and compares the
# files, the -model file and the -v report (the summary line and the
# "removed" lines, which only a run into the old -out prints, aside).
#
#   scripts/warmcheck.sh [CORPUS_DIR]     # the v1.0 corpus by default
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-$root/../shared/corpus/en/v1.0}
[ -d "$corpus" ] || { echo "corpus not found: $corpus" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$root" && go build -o "$work/docgen" ./cmd/docgen)
pages=$work/pages
mkdir "$pages"
cp "$corpus"/*.md "$pages/"
export DOCGEN_CACHE=$work/cache
status=0
report() { sed -e '$d' -e '/^docgen: removed /d' -e "s#$1#OUT#g" "$1.err"; }
run() { # what changed
  "$work/docgen" -v -pkg graph -out "$work/warm" -model "$work/warm.json" "$pages" 2>"$work/warm.err" || true
  rm -rf "$work/cold" "$work/cold.json"
  DOCGEN_CACHE=off "$work/docgen" -v -pkg graph -out "$work/cold" -model "$work/cold.json" "$pages" 2>"$work/cold.err" || true
  if diff -r -x '.docgen*' "$work/warm" "$work/cold" >/dev/null && cmp -s "$work/warm.json" "$work/cold.json" &&
    diff <(report "$work/warm") <(report "$work/cold") >/dev/null; then
    echo "same: $1 ($(tail -1 "$work/warm.err" | sed 's/;.*//'))"
  else
    echo "DIFFERENT: $1"
    status=1
  fi
}
edit() { # file, sed script, what it does
  [ -f "$pages/$1" ] || { echo "no $1 in $corpus: edit skipped"; return; }
  cp "$pages/$1" "$work/before"
  sed -i "$2" "$pages/$1"
  if cmp -s "$work/before" "$pages/$1"; then echo "the edit of $1 changed nothing: skipped"; return; fi
  run "$3"
}
cd "$pages"
run "first run"
edit entity.md '0,/^|id|String|/s//|newRootProp|String| New.|\n|id|String|/' "entity.md (every entity's base) gains a property"
edit directoryobject.md 's/Represents an Azure Active Directory object/Represents a directory object (edited)/' "a description changes"
edit user.md '0,/^|onPremisesSyncEnabled|/s//|addedProp|Int32| Added.|\n|onPremisesSyncEnabled|/' "user.md gains a property"
edit user.md 's/^|onPremisesSyncEnabled|Boolean|/|onPremisesSyncEnabled|String|/' "a property's type changes"
cp messagerulepredicates.md zzznewtype.md && sed -i 's/messageRulePredicates/zzzNewType/g' zzznewtype.md && run "a page is added"
rm zzznewtype.md && run "a page is removed"
edit calendar.md 's/"baseType": "microsoft.graph.entity"/"baseType": "microsoft.graph.outlookItem"/' "calendar's base type changes"
edit enums.md 's/^| unknownFutureValue |/| unknownFutureValueX |/' "enums.md is edited"
mv group.md group2.md && run "a page is renamed"
run "nothing changed (the run record answers)"
exit $status
