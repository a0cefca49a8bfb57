#!/usr/bin/env bash
# jmh.sh — builds the benchmarks (offline when the local Maven repository has everything, as on a
# fresh clone of a machine that has run the tests) and runs JMH with the given arguments:
#
#   bench/jmh.sh GaussianVlbBenchmark -f 1 -wi 2 -i 3
#   bench/jmh.sh -l                      (lists the benchmarks)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/bench/build.sh" >&2
exec java --add-modules jdk.incubator.vector -cp "$root/target/test-classes:$root/target/classes:$(cat "$root/target/bench-classpath.txt")" \
  org.openjdk.jmh.Main "$@"
