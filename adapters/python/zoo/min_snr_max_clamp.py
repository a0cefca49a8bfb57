"""Bug zoo (protocol v2): the Min-SNR-gamma clamp written with max instead of min: max(SNR, gamma).
Flagged on op `loss_weight` (reference).  `--fixed` clamps with min."""
import math  # noqa: F401
import os
import struct  # noqa: F401
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import reference as ref  # noqa: E402

FIXED = "--fixed" in sys.argv


def min_snr_weight(snr_t, gamma, prediction_type):
    clipped = min(snr_t, gamma) if FIXED else max(snr_t, gamma)
    if prediction_type == "epsilon":
        return 1.0 if snr_t == 0 else clipped / snr_t
    if prediction_type == "v_prediction":
        return clipped / (snr_t + 1)
    return clipped


ref.min_snr_weight = min_snr_weight

if __name__ == "__main__":
    ref.main(name="zoo-min-snr-max-clamp" + ("-fixed" if FIXED else ""), only={"loss_weight"})
