#!/usr/bin/env bash
# gaussian_side_by_side.sh — Probity's exact Gaussian VLB against its NumPy peer on the same instance
# (T = 1000, one 3072-pixel image, an eps-model with learned variances; see bench/gaussian_vlb_peer.py).
#
#   bench/gaussian_side_by_side.sh      5 alternating runs per side (each a fresh process reporting the median
#                                       of 10 timed evaluations after warm-up), the medians and their ratio
#
# Needs Java 17, Maven (offline is fine) and python3 with NumPy.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seed="${SEED:-20261124}"
runs="${RUNS:-5}"
"$root/bench/build.sh" >&2
cp="$root/target/test-classes:$root/target/classes:$(cat "$root/target/bench-classpath.txt")"

field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

jt=() pt=()
for ((r = 1; r <= runs; r++)); do
  j="$(java ${BENCH_JAVA_OPTS:-} -cp "$cp" org.probity.bench.GaussianVlbSideBySide "$seed")"
  p="$(python3 "$root/bench/gaussian_vlb_peer.py" "$seed")"
  jt+=("$(field "$j" seconds)")
  pt+=("$(field "$p" seconds)")
  [[ "${VERBOSE:-1}" == 1 ]] && printf '  run %d: probity %.5f s, numpy %.5f s\n' "$r" "${jt[-1]}" "${pt[-1]}" >&2
done
python3 - "$(median "${jt[@]}")" "$(median "${pt[@]}")" "$j" "$p" <<'PY'
import json, sys
jm, pm = float(sys.argv[1]), float(sys.argv[2])
j, p = json.loads(sys.argv[3]), json.loads(sys.argv[4])
rel = abs(j["vlb"] - p["vlb"]) / abs(p["vlb"])
print(f"exact Gaussian VLB, T = 1000, D = 3072: probity {jm * 1e3:8.3f} ms  numpy {pm * 1e3:8.3f} ms  numpy/probity = {pm / jm:6.2f}x"
      f"   (VLB {j['vlb']:.12g} vs {p['vlb']:.12g} nats: relative difference {rel:.1e})")
PY
