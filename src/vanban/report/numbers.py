"""Vietnamese number conventions and the one rounding rule.

Counts print with "." between thousands (1.106); rates print with "," before the decimals
(80,4%). Figures are kept exact (integers and fractions) through every computation; a rate is
rounded once, when it is printed: to one decimal place, halves rounded up (ROUNDING).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

DECIMALS = 1
ROUNDING = ("Các tỷ lệ (%) được làm tròn đến một chữ số thập phân (từ 0,05 trở lên làm tròn "
            "lên); các tổng được cộng từ số liệu của từng đơn vị.")
"""The rounding rule, as the report states it once."""

HUNDRED = Fraction(100)


def count(n: int) -> str:
    """1106 → "1.106"; -5 → "-5"."""
    return f"{n:,}".replace(",", ".")


def rounded(value: Fraction, decimals: int = DECIMALS) -> Decimal:
    """``value`` rounded by the report's rule: halves away from zero, computed on the exact
    fraction (no binary float ever sees a figure)."""
    scaled = abs(value) * 10**decimals
    whole = scaled.numerator // scaled.denominator
    if scaled - whole >= Fraction(1, 2):
        whole += 1
    signed = -whole if value < 0 else whole
    return Decimal(signed).scaleb(-decimals)


def decimal(value: Fraction, decimals: int = DECIMALS) -> str:
    """92.44 → "92,4"; 1234.5 → "1.234,5"; an integer value keeps its decimals: "90,0"."""
    text = f"{rounded(value, decimals):f}"
    sign = ""
    if text.startswith("-"):
        sign, text = "-", text[1:]
    whole, _, frac = text.partition(".")
    out = sign + count(int(whole))
    return f"{out},{frac}" if frac else out


def percent(value: Fraction) -> str:
    """A rate already in percent: 80.43 → "80,4%"."""
    return decimal(value) + "%"


def ratio(part: int, whole: int) -> Fraction | None:
    """part / whole in percent, exact; None when the whole is 0."""
    if whole == 0:
        return None
    return Fraction(part, whole) * HUNDRED


def plain(value: Fraction) -> str:
    """A plan figure as written: 90 → "90", 92.5 → "92,5", 1500 → "1.500"."""
    if value.denominator == 1:
        return count(value.numerator)
    text = f"{Decimal(value.numerator) / Decimal(value.denominator):f}".rstrip("0")
    whole, _, frac = text.partition(".")
    return f"{count(int(whole))},{frac}" if frac else count(int(whole))


def exact(value: float) -> Fraction:
    """A number from YAML as the decimal the clerk wrote (92.5 is 185/2, not a binary float)."""
    if isinstance(value, int):
        return Fraction(value)
    return Fraction(repr(value))
