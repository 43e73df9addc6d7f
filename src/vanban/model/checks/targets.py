"""A target's value against its sentence: the number the year-end report measures against must
be the number the plan's reader sees ("ít nhất 20.000 bản" with ``value: 2000`` would make the
report call 11.000 copies reached)."""

from __future__ import annotations

import re
from fractions import Fraction

from vanban.model.checks.base import Findings, targets
from vanban.model.plan import Plan

# A number as Vietnamese text writes it: 20.000 (thousands), 2,5 (decimal), 02, 90 in "90%".
_NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?![\d])")
# English decimals typed by habit ("2.5") are read too, so they are not taken for a mismatch.
_DOT_DECIMAL = re.compile(r"(?<![\d.,])(\d+\.\d{1,2})(?![\d.])")
_YEAR = re.compile(r"năm\s+(\d{4})(?!\d)", re.IGNORECASE)
# "Tất cả xã, phường …" is 100% in words.
_ALL = re.compile(r"\b(?:tất\s+cả|toàn\s+bộ|mọi|100\s*%)", re.IGNORECASE)


def numbers_in(text: str) -> list[tuple[str, Fraction]]:
    """The numbers ``text`` writes, as written and as exact values (years after "năm" left
    out)."""
    years = {m.start(1) for m in _YEAR.finditer(text)}
    found = []
    for m in _NUMBER.finditer(text):
        if m.start(1) in years:
            continue
        whole = Fraction(int(m.group(1).replace(".", "")))
        found.append((m.group(0), whole + (Fraction(f"0.{m.group(2)}") if m.group(2) else 0)))
    found += [(m.group(1), Fraction(m.group(1))) for m in _DOT_DECIMAL.finditer(text)]
    return found


def shown(value: Fraction) -> str:
    """``value`` the Vietnamese way: 20.000, 2,5."""
    whole = int(value)
    rest = value - whole
    text = f"{whole:,}".replace(",", ".")
    if rest:
        text += "," + f"{float(rest):.6f}"[2:].rstrip("0")
    return text


def check_target_values(plan: Plan, out: Findings) -> None:
    """A target whose sentence writes numbers, none of them its ``value``."""
    for path, target in targets(plan):
        if target.value is None:
            continue
        found = numbers_in(target.target)
        written = [n for _, n in found]
        value = Fraction(str(target.value))
        if not written or value in written:
            continue
        if value == 100 and (target.unit or "").strip() == "%" and _ALL.search(target.target):
            continue
        listed = ", ".join(dict.fromkeys(raw for raw, _ in found))
        hint = (f"Sửa value: cho đúng số trong câu (value: {_yaml(written[0])}), hoặc sửa câu "
                "chỉ tiêu."
                if len(set(written)) == 1 else "Sửa value: cho đúng số trong câu, hoặc sửa câu "
                "chỉ tiêu.")
        out.warning(
            "target.value-text", path + ("value",),
            f"Chỉ tiêu ghi value: {shown(value)} nhưng câu chỉ tiêu không có số này (câu có: "
            f"{listed}): báo cáo cuối năm sẽ so kết quả với {shown(value)}.",
            f"The target's value {target.value:g} is not among the numbers of its sentence "
            f"({listed}); the year-end report measures against the value.",
            hint, "Make value: the number the sentence says, or change the sentence.")


def _yaml(value: Fraction) -> str:
    """``value`` as a YAML number: 20000, 2.5."""
    return str(value.numerator) if value.denominator == 1 else f"{float(value):g}"
