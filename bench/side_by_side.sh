#!/usr/bin/env bash
# side_by_side.sh — Probity against its NumPy peer on the same random dense finite chain.
#
#   bench/side_by_side.sh [K T]        one size (default K = 256, T = 1000): 5 alternating runs per side,
#                                      both times, the medians and their ratio
#   bench/side_by_side.sh --scaling    the medians over K = 16..512 (T = 1000) and T = 100..4000 (K = 256)
#
# Each run is a fresh process that builds the instance from SEED (the same doubles on both sides, see
# bench/chain_vlb_peer.py), warms up (Probity: runs for at least one second, so the JIT has compiled the
# kernels; NumPy: one run) and times one computation of the exact VLB of every x_0, log p(x_0) of every
# x_0, L_VLB and L_CE. Needs Java 17, Maven (offline is fine) and python3 with NumPy.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seed="${SEED:-20261124}"
runs="${RUNS:-5}"
"$root/bench/build.sh" >&2
cp="$root/target/test-classes:$root/target/classes:$(cat "$root/target/bench-classpath.txt")"
java_opts=(--add-modules jdk.incubator.vector ${BENCH_JAVA_OPTS:--Xmx4g})

field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

one_size() {
  local k="$1" t="$2" jt=() pt=() j p
  for ((r = 1; r <= runs; r++)); do
    j="$(java "${java_opts[@]}" -cp "$cp" org.probity.bench.ChainVlbSideBySide "$k" "$t" "$seed" 2>/dev/null)"
    p="$(python3 "$root/bench/chain_vlb_peer.py" "$k" "$t" "$seed")"
    jt+=("$(field "$j" seconds)")
    pt+=("$(field "$p" seconds)")
    [[ "${VERBOSE:-1}" == 1 ]] && printf '  run %d: probity %.4f s, numpy %.4f s\n' "$r" "${jt[-1]}" "${pt[-1]}" >&2
  done
  local jm pm
  jm="$(median "${jt[@]}")"
  pm="$(median "${pt[@]}")"
  python3 - "$k" "$t" "$jm" "$pm" "$j" "$p" <<'PY'
import json, sys
k, t, jm, pm = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
j, p = json.loads(sys.argv[5]), json.loads(sys.argv[6])
agree = max(abs(j[q] - p[q]) / max(abs(p[q]), 1e-300) for q in ("vlb", "ce"))
print(f"K = {k:4d}  T = {t:5d}  probity {jm:8.4f} s  numpy {pm:8.4f} s  numpy/probity = {pm / jm:6.2f}x"
      f"   (L_VLB {j['vlb']:.12g} vs {p['vlb']:.12g}, L_CE {j['ce']:.12g} vs {p['ce']:.12g}: relative difference {agree:.1e})")
PY
}

if [[ "${1:-}" == "--scaling" ]]; then
  echo "medians of $runs alternating runs; seed $seed"
  for k in 16 32 64 128 256 512; do one_size "$k" 1000; done
  for t in 100 250 500 1000 2000 4000; do one_size 256 "$t"; done
else
  k="${1:-256}"
  t="${2:-1000}"
  echo "exact L_VLB and L_CE of a dense chain, K = $k, T = $t; medians of $runs alternating runs; seed $seed"
  one_size "$k" "$t"
fi
