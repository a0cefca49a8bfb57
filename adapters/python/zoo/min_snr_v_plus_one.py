"""Bug zoo (protocol v2): the Min-SNR-gamma weight for v-prediction written min(SNR + 1, gamma) / (SNR + 1).
Flagged on op `loss_weight` (reference; the three weights give one weight in x_0 space).
`--fixed` uses min(SNR, gamma) / (SNR + 1)."""
import math  # noqa: F401
import os
import struct  # noqa: F401
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import reference as ref  # noqa: E402

FIXED = "--fixed" in sys.argv


def min_snr_weight(snr_t, gamma, prediction_type):
    if prediction_type == "v_prediction":
        return min(snr_t if FIXED else snr_t + 1, gamma) / (snr_t + 1)
    return ORIGINAL(snr_t, gamma, prediction_type)


ORIGINAL = ref.min_snr_weight
ref.min_snr_weight = min_snr_weight

if __name__ == "__main__":
    ref.main(name="zoo-min-snr-v-plus-one" + ("-fixed" if FIXED else ""), only={"loss_weight"})
