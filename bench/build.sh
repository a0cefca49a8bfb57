#!/usr/bin/env bash
# build.sh — compiles the main and test classes and writes the test classpath to
# target/bench-classpath.txt (the 'bench' Maven profile), offline from the local Maven repository when
# it can, online otherwise. Used by bench/jmh.sh and bench/side_by_side.sh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
log="$(mktemp "${TMPDIR:-/tmp}/probity-bench-build.XXXXXX")"
if ! mvn -B -q -o -Pbench test-compile >"$log" 2>&1; then
  if ! mvn -B -q -Pbench test-compile >"$log" 2>&1; then
    echo "bench/build.sh: the build failed; the last lines of the Maven log ($log):" >&2
    tail -n 30 "$log" >&2
    exit 2
  fi
fi
rm -f "$log"
