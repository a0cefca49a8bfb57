#!/usr/bin/env bash
# verify-sweep.sh — runs `probity verify` on a range of seeds and reports, per seed, the verdict, the
# time and the failing checks. A correctness gate must not cry wolf: the catalog and specs/ must hold
# on every seed (issue 11 asks for seeds 1..20 at 1000 tries).
#
#   scripts/verify-sweep.sh [--seeds FIRST..LAST] [--tries N] [--jobs N] [--out DIR] [-- EXTRA VERIFY OPTIONS]
#
# Defaults: seeds 1..20, 1000 tries, jobs = processors, out = target/sweep. Each seed's reports go to
# OUT/seed-S/ and its console output to OUT/seed-S.log; OUT/summary.tsv has one line per seed
# (seed, verdict, seconds, failing checks). Exit 0 when every seed passes, 1 when one fails, 2 on bad usage.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
first=1 last=20 tries=1000 jobs="" out="$root/target/sweep"
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seeds) [[ "${2:-}" =~ ^([0-9]+)\.\.([0-9]+)$ ]] || { echo "verify-sweep: --seeds: expected FIRST..LAST, got '${2:-}'" >&2; exit 2; }
             first=${BASH_REMATCH[1]} last=${BASH_REMATCH[2]}; shift 2 ;;
    --tries) [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || { echo "verify-sweep: --tries: expected a positive integer, got '${2:-}'" >&2; exit 2; }
             tries=$2; shift 2 ;;
    --jobs)  [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || { echo "verify-sweep: --jobs: expected a positive integer, got '${2:-}'" >&2; exit 2; }
             jobs=$2; shift 2 ;;
    --out)   [[ -n "${2:-}" ]] || { echo "verify-sweep: --out: expected a directory" >&2; exit 2; }
             out=$2; shift 2 ;;
    --)      shift; extra=("$@"); break ;;
    *)       echo "verify-sweep: unknown option '$1' (see the comment at the top of $0)" >&2; exit 2 ;;
  esac
done
(( first <= last )) || { echo "verify-sweep: --seeds: expected FIRST <= LAST, got $first..$last" >&2; exit 2; }
mkdir -p "$out"
summary="$out/summary.tsv"
printf 'seed\tverdict\tseconds\tfailing\n' > "$summary"
failed=0
for ((s = first; s <= last; s++)); do
  args=(verify --seed "$s" --tries "$tries" --report "$out/seed-$s")
  [[ -n "$jobs" ]] && args+=(--jobs "$jobs")
  start=$(date +%s.%N)
  "$root/probity" "${args[@]}" "${extra[@]}" > "$out/seed-$s.log" 2>&1
  rc=$?
  secs=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  case $rc in
    0) verdict=PASS ;;
    1) verdict=FAIL; failed=1 ;;
    *) verdict="ERROR($rc)"; failed=1 ;;
  esac
  failing=$(grep -E '^FAIL ' "$out/seed-$s.log" | sed -E 's/^FAIL //' | paste -sd ';' -)
  printf '%s\t%s\t%s\t%s\n' "$s" "$verdict" "$secs" "$failing" >> "$summary"
  printf 'seed %-3s %-6s %7ss  %s\n' "$s" "$verdict" "$secs" "$failing"
done
echo "verify-sweep: seeds $first..$last at $tries tries: $( ((failed)) && echo 'SOME FAIL' || echo 'all pass' ) (summary: $summary)"
exit $failed
