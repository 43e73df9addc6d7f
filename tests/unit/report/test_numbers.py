"""Vietnamese number text and the one rounding rule, checked against an independent integer
computation."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vanban.report import numbers


@pytest.mark.parametrize("n, text", [(0, "0"), (7, "7"), (999, "999"), (1000, "1.000"),
                                     (1106, "1.106"), (1234567, "1.234.567"), (-1500, "-1.500")])
def test_count(n, text):
    assert numbers.count(n) == text


@pytest.mark.parametrize("part, whole, text", [
    (889, 1106, "80,4%"), (579, 674, "85,9%"), (1, 20, "5,0%"), (1, 2000, "0,1%"),
    (1, 2001, "0,0%"), (2, 3, "66,7%"), (1, 1, "100,0%"), (0, 5, "0,0%"), (3, 1, "300,0%"),
    (25, 1000, "2,5%"), (1, 8, "12,5%"), (1, 16, "6,3%"),  # 6.25 → 6,3: a half rounds up
])
def test_percent(part, whole, text):
    assert numbers.percent(numbers.ratio(part, whole)) == text


def test_no_rate_over_zero():
    assert numbers.ratio(5, 0) is None


def _independent(part: int, whole: int) -> str:
    """Per mille with halves rounded up, by integer arithmetic only."""
    tenths = (2000 * part + whole) // (2 * whole)
    whole_part, decimal = divmod(tenths, 10)
    grouped = f"{whole_part:,}".replace(",", ".")
    return f"{grouped},{decimal}%"


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 10**9), st.integers(1, 10**9))
def test_percent_matches_an_independent_rounding(part, whole):
    assert numbers.percent(numbers.ratio(part, whole)) == _independent(part, whole)


@pytest.mark.parametrize("value, text", [(90, "90"), (92.5, "92,5"), (1500, "1.500"),
                                         (0.1, "0,1")])
def test_plain_plan_figures(value, text):
    assert numbers.plain(numbers.exact(value)) == text


def test_exact_keeps_the_decimal_written():
    assert numbers.exact(0.1) == Fraction(1, 10)
    assert numbers.exact(92.5) == Fraction(185, 2)


def test_negative_difference_rounds_away_from_zero():
    assert numbers.decimal(Fraction(-1, 20)) == "-0,1"
    assert numbers.decimal(Fraction(-1, 21)) == "0,0"
