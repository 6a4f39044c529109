#!/usr/bin/env bash
# Runs every test: the fast unit tests and the ones that start the real platform (isolated, on free ports).
# Prints each test's result and a closing "N passed, N failed" line; exits non-zero if any test fails.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/prerequisites.sh --for-tests
results=$(mktemp -d)
status=0
dotnet test Platform.sln --logger "console;verbosity=normal" --logger trx --results-directory "$results" "$@" || status=$?
passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
rm -rf "$results"
echo "$passed passed, $failed failed"
exit $status
