#!/usr/bin/env bash
# Runs the whole suite (already built) and, when it fails, repeats each failed test's name and message at the end,
# where a CI log's tail keeps them.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p TestResults
"${DOTNET:-dotnet}" test FeverAspire.sln -c "${CONFIGURATION:-Debug}" --no-build --logger "console;verbosity=normal" \
  --results-directory TestResults 2>&1 | tee TestResults/test.log
status=$?
if [ "$status" -ne 0 ]; then
  echo
  echo "Failed tests (full output in TestResults/test.log):"
  grep -E -A 12 '^\s+Failed \S.* \[[^]]*\]$' TestResults/test.log | cut -c1-300
fi
exit "$status"
