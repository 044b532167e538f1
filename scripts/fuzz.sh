#!/usr/bin/env bash
# Explores every fuzz target for a number of executions each (counts, not
# durations: a duration -fuzztime can end in "context deadline exceeded"
# with no failing input on Go 1.26, golang/go#75804). A failure writes its
# input under the package's testdata/fuzz/, where plain `go test` replays it
# from then on: commit it with the fix.
#
#   scripts/fuzz.sh        # about a minute per target on 2 cores
#   scripts/fuzz.sh 20     # twenty times as many executions
#
# CI does not run this: new random inputs would make a landing depend on
# luck. It replays the seeds and the committed failures in `go test`.
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-1}
status=0
fuzz() { # package, target, executions at scale 1
  go test "$1" -run '^$' -fuzz "^$2\$" -fuzztime "$(($3 * scale))x" -timeout 0 -parallel "${FUZZ_PARALLEL:-2}" || status=1
}
fuzz ./parser FuzzParse 100000
fuzz ./parser FuzzAnnotation 100000
fuzz ./parser FuzzSample 150000
fuzz ./parser FuzzParseAPI 50000
fuzz ./parser FuzzTablesMatchGoldmark 300000
fuzz ./internal/apilint FuzzParseJSON 50000
fuzz ./internal/apilint FuzzPage 50000
fuzz ./generated/shapes FuzzDecode 100000
fuzz ./generated/en FuzzAsyncJobStatusRoundTrip 600000
fuzz ./graphrt FuzzDecoderRaw 600000
fuzz ./graphrt FuzzString 50000
fuzz ./graphrt FuzzNumberCollections 300000
fuzz ./emit FuzzFastFormat 100000
fuzz ./internal/parsecache FuzzDecode 200000
fuzz ./emit FuzzGoName 500000
fuzz ./emit FuzzWrap 300000
exit $status
