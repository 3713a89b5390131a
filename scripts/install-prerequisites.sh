#!/usr/bin/env bash
# Installs what the build, the tests and `make run` need and a fresh Debian machine lacks;
# with --bench, also what only the benchmarks need (`make bench`).
# The machine is expected to have the .NET SDK (see global.json) and node/npm already.
set -euo pipefail
cd "$(dirname "$0")/.."

bench=0
for argument in "$@"; do
  case "$argument" in
    --bench) bench=1 ;;
    *) echo "Usage: $0 [--bench]" >&2; exit 2 ;;
  esac
done

missing=()
command -v dotnet >/dev/null || { echo "The .NET SDK 10 is required: https://dot.net" >&2; exit 1; }

# The tests' npm tools, each in its own folder: `npm ci` only when node_modules is missing or was installed from
# another package-lock.json; needs no root. (Fever.Api's build installs Banana Cake Pop itself: that one is part
# of the product.)
npm_ci_when_stale() {
  local folder=$1 users=$2
  if ! cmp -s "$folder/package-lock.json" "$folder/node_modules/.installed-package-lock.json"; then
    command -v npm >/dev/null || { echo "npm (Node.js 20+) is required by $users." >&2; exit 1; }
    echo "npm ci in $folder, for $users…"
    (cd "$folder" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$folder/package-lock.json" "$folder/node_modules/.installed-package-lock.json"
  fi
}
npm_ci_when_stale Fever.Tests/GraphQL/Conformance "the GraphQL conformance tests (graphql-js, graphql-http)"
npm_ci_when_stale Fever.Tests/Browser "the browser tests (playwright-core)"

# PostgreSQL's server binaries (initdb, postgres); our code starts its own clusters from them.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null; then
  missing+=(postgresql)
fi
# setpriv runs PostgreSQL as the postgres user when we are root (util-linux, normally present).
command -v setpriv >/dev/null || missing+=(util-linux)
# Chromium runs the browser tests (Banana Cake Pop on /graphql), driven by playwright-core.
[ -x /usr/bin/chromium ] || missing+=(chromium)
# wrk drives the HTTP load of the api benchmark.
if [ $bench -eq 1 ] && ! command -v wrk >/dev/null; then
  missing+=(wrk)
fi

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing: ${missing[*]}. Install them, e.g.: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing ${missing[*]} from Debian…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # policy-rc.d keeps the package from starting Debian's own cluster: we run our own.
  had_policy=0
  [ -e /usr/sbin/policy-rc.d ] && had_policy=1
  [ $had_policy -eq 1 ] || { printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; }
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  [ $had_policy -eq 1 ] || rm -f /usr/sbin/policy-rc.d
  echo "Installed: ${missing[*]}"
fi
