"""Checks mylosses with Probity: `pytest` runs `probity check-impl` against the ops named below and
reports each property Probity checks as a test."""
import pytest

import mylosses
from probity_adapter import Adapter


@pytest.fixture
def probity_adapter():
    return Adapter({"normal_kl": mylosses.normal_kl, "categorical_kl": mylosses.categorical_kl},
                   name="mylosses", precision="float64")
