"""A correct adapter that lists only normal_kl and categorical_kl: the other ops are not checked."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import reference  # noqa: E402

if __name__ == "__main__":
    reference.main(name="kl-only", only={"normal_kl", "categorical_kl"})
