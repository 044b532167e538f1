#!/bin/sh
# Lists the exported API of the Go package in $1 (default: graphrt) (functions, methods,
# types, constants, variables), one per line, from go doc -all.
cd "${1:-$(dirname "$0")/../graphrt}" && GOWORK=off go doc -all . | awk '
/^(const|var) \($/ {inblock=1; kind=$1; next}
inblock && /^\)/ {inblock=0; next}
inblock && /^\t[A-Z][A-Za-z0-9]*/ {print kind " " $1; next}
/^func / {sub(/ \{$/, ""); print; next}
/^type [A-Z]/ {sub(/ \{$/, ""); print; next}
/^(const|var) [A-Z]/ {print; next}
'
