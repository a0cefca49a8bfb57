#!/usr/bin/env bash
# adapters/sweep.sh — the long versions of the conformance tests (the suite runs short ones):
#
#   adapters/sweep.sh reference [SEEDS] [TRIES]   reference.py and numpy_reference.py (float64 and float32)
#                                                 pass every op on seeds 1..SEEDS (default 20 x 200 tries)
#   adapters/sweep.sh zoo [SEEDS] [TRIES]         every version-2 and issue-13 zoo adapter is flagged on the op of its bug
#                                                 and its --fixed twin passes (default 5 seeds x 100 tries)
#
# One line per run, then a summary; exit 0 when every run came out as expected, 1 otherwise. Runs
# ./probity (which builds target/probity.jar when it is stale). NumPy runs are skipped without NumPy.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mode="${1:-}"
probity=("$root/probity")
bad=0
runs=0

check() { # expected-exit label adapter-args...
  local want="$1" label="$2"; shift 2
  local out code
  out="$("${probity[@]}" check-impl --seed "$seed" --tries "$tries" --max-shrink 200 -- "$@" 2>&1)"
  code=$?
  runs=$((runs + 1))
  local flagged
  flagged="$(printf '%s\n' "$out" | grep -E '^FAIL [a-z_0-9]+ ' | awk '{print $2}' | sort -u | tr '\n' ' ')"
  local worst
  worst="$(printf '%s\n' "$out" | awk '$NF == "pass" || $NF == "FAIL" {print $(NF-1)}' | sort -g | tail -1)"
  printf '%-44s seed %3d  exit %d  largest err/tol %-9s %s\n' "$label" "$seed" "$code" "${worst:--}" "${flagged:+flagged: $flagged}"
  if [[ "$code" != "$want" ]] || { [[ "$want" == 1 ]] && [[ " $flagged " != *" $expect "* ]]; }; then
    bad=$((bad + 1))
    printf '%s\n' "$out" | grep -E '^(FAIL|check-impl:)' | head -5 | sed 's/^/    /'
  fi
}

case "$mode" in
  reference)
    seeds="${2:-20}"; tries="${3:-200}"
    numpy=0; python3 -c "import numpy" 2>/dev/null && numpy=1
    for seed in $(seq 1 "$seeds"); do
      check 0 "reference.py" python3 adapters/python/reference.py
      if [[ $numpy == 1 ]]; then
        check 0 "numpy_reference.py (float64)" python3 adapters/python/numpy_reference.py
        check 0 "numpy_reference.py --float32" python3 adapters/python/numpy_reference.py --float32
      fi
    done
    ;;
  zoo)
    seeds="${2:-5}"; tries="${3:-100}"
    declare -A op=(
      [linear_scaled_unguarded]=beta_schedule [cosine_formula_alpha_bar]=beta_schedule
      [ddim_alpha_bar_early]=ddim_step [ddim_final_alpha_bar]=ddim_step [timesteps_shifted]=inference_timesteps
      [min_snr_v_plus_one]=loss_weight [min_snr_max_clamp]=loss_weight [x0_from_v_wrong_sign]=predict_x0_from_v
      [karras_missing_square]=sigma_schedule [absorbing_beta_swapped]=d3pm_q_mat [alpha_bar_float16_cache]=q_mean_variance
      [q_std_as_variance]=q_mean_variance [posterior_alpha_for_alpha_bar]=q_posterior_mean_variance
      [alpha_bar_float16]=alphas_cumprod [decoder_variance_as_scale]=vb_term [kl_zero_nan]=categorical_kl
      [kl_log_ratio_sign]=normal_kl)
    for name in "${!op[@]}"; do
      expect="${op[$name]}"
      for seed in $(seq 1 "$seeds"); do
        check 1 "zoo/$name.py" python3 "adapters/python/zoo/$name.py"
        check 0 "zoo/$name.py --fixed" python3 "adapters/python/zoo/$name.py" --fixed
      done
    done
    ;;
  *)
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
echo "sweep $mode: $runs runs, $((runs - bad)) as expected, $bad not"
[[ $bad == 0 ]]
