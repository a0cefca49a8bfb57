"""Bug zoo: categorical KL with its arguments reversed: KL(q || p) instead of KL(p || q).
Expected to be flagged on op `categorical_kl` (and possibly ops built on it)."""
import math  # noqa: F401
import os
import struct  # noqa: F401
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import reference as ref  # noqa: E402

def categorical_kl(p, q):
    return [ref._fsum(ref.kl_term(b, a) for a, b in zip(pr, qr)) for pr, qr in zip(p, q)]


ref.categorical_kl = categorical_kl

if __name__ == "__main__":
    ref.main(name="zoo-kl-reversed", only=ref.V1_OPS)
