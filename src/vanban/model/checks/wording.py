"""Capitalisation that Phụ lục II of Decree 30 settles, as warnings.

The list is deliberately short: each rule has one right form and almost no false alarms.
Words that depend on meaning ("Nhân dân" as a special noun, "Nhà nước") are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from vanban.model.checks.base import Findings, targets
from vanban.model.plan import Plan

# Names of specialised agencies after "Bộ", "Sở", "Phòng", as Phụ lục II writes them.
FIELDS = (
    "Tư pháp", "Tài chính", "Nội vụ", "Y tế", "Xây dựng", "Công Thương", "Ngoại vụ", "Công an",
    "Quốc phòng", "Giáo dục và Đào tạo", "Thông tin và Truyền thông", "Kế hoạch và Đầu tư",
    "Lao động - Thương binh và Xã hội", "Tài nguyên và Môi trường", "Giao thông vận tải",
    "Văn hóa, Thể thao và Du lịch", "Khoa học và Công nghệ", "Nông nghiệp và Phát triển nông thôn",
)
_FIELD_ALT = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in
                      sorted(FIELDS, key=len, reverse=True))
AGENCY = re.compile(r"(?<!\w)(Bộ|Sở|Phòng)\s+(" + _FIELD_ALT + r")(?!\w)", re.IGNORECASE)
COUNCIL = re.compile(r"(?<!\w)(?:ủy|uỷ)\s+ban\s+nhân\s+dân(?!\w)|(?<!\w)hội\s+đồng\s+nhân\s+dân"
                     r"(?!\w)", re.IGNORECASE)
LEVEL = re.compile(r"(?<!\w)(UBND|HĐND|Ủy ban nhân dân|Hội đồng nhân dân)\s+"
                   r"(Tỉnh|Huyện|Xã|Phường|Thị [Xx]ã|Thị [Tt]rấn)(?!\w)(?!\s*\d)")
UY = re.compile(r"(?<!\w)(uỷ|Uỷ|UỶ)(?!\w)")

_CANONICAL = {f.casefold(): f for f in FIELDS}


def _agency(text: str) -> Iterator[tuple[str, str]]:
    for m in AGENCY.finditer(text):
        organ, field = m.group(1), re.sub(r"\s+", " ", m.group(2))
        if m.group(0).isupper() or organ not in ("Bộ", "Sở", "Phòng"):
            continue  # headers are all capitals; a lower-case "sở" is often "cơ sở", "cán bộ"
        right = _CANONICAL[field.casefold()]
        if field != right:
            yield m.group(0), f"{organ} {right}"


def _council(text: str) -> Iterator[tuple[str, str]]:
    for m in COUNCIL.finditer(text):
        found = re.sub(r"\s+", " ", m.group(0))
        if found.isupper() or found.casefold().startswith("uỷ"):
            continue  # headers; "uỷ" is reported as a spelling variant
        right = "Ủy ban nhân dân" if found.casefold().startswith("ủy") else "Hội đồng nhân dân"
        if found != right:
            yield found, right


def _level(text: str) -> Iterator[tuple[str, str]]:
    for m in LEVEL.finditer(text):
        yield m.group(0), f"{m.group(1)} {m.group(2).lower()}"


def check_wording(plan: Plan, out: Findings) -> None:
    """Warn once per field and wrong form: agency names, councils, administrative levels, "uỷ"."""
    for path, text in out.printed(plan):
        reported: set[str] = set()
        for finder in (_agency, _council, _level):
            for found, right in finder(text):
                if found in reported:
                    continue
                reported.add(found)
                out.warning(
                    "text.capitalisation", path,
                    f"Viết hoa theo Phụ lục II Nghị định 30/2020/NĐ-CP: \"{right}\" (không viết "
                    f"\"{found}\").",
                    f'Capitalise as Appendix II of Decree 30 does: "{right}", not "{found}".')
        for m in UY.finditer(text):
            if m.group(0) in reported:
                continue
            reported.add(m.group(0))
            right = {"uỷ": "ủy", "Uỷ": "Ủy", "UỶ": "ỦY"}[m.group(0)]
            out.warning(
                "text.spelling-variant", path,
                f"Viết \"{right}\" thay cho \"{m.group(0)}\" (cách viết dùng trong Nghị định "
                "30/2020/NĐ-CP, ví dụ \"Ủy ban nhân dân\").",
                f'Write "{right}" rather than "{m.group(0)}", as Decree 30 does.')


QUOTES = {"“": "”", '"': '"', "‘": "’", "'": "'", "«": "»"}


def check_title_quotes(plan: Plan, out: Findings) -> None:
    """A trích yếu typed inside quotes (Word's “…” pasted with it) prints with them: warn; so
    does any other printed text (and a target's unit) wrapped whole in Word's curly quotes,
    which YAML does not read as quotes."""
    title = plan.title.strip()
    close = QUOTES.get(title[:1])
    if close and _wrapped(title, close):
        out.warning(
            "text.title-quoted", ("title",),
            f"Trích yếu nằm trong dấu ngoặc {title[0]}…{close} nên sẽ in ra cả hai dấu đó.",
            f"The summary is wrapped in {title[0]}…{close}, which would be printed.",
            "Bỏ hai dấu ngoặc bao ngoài (dấu ngoặc bên trong trích yếu vẫn giữ).",
            "Remove the outer quotes (quotes inside the summary stay).")
    found = [(path, text) for path, text in out.printed(plan) if path != ("title",)]
    found += [(path + ("unit",), t.unit) for path, t in targets(plan) if t.unit]
    for path, text in found:
        text = text.strip()
        close = WORD_QUOTES.get(text[:1])
        if close and _wrapped(text, close):
            out.warning(
                "text.quoted", path,
                f"Đoạn chữ nằm trong dấu ngoặc {text[0]}…{close} kiểu Word nên sẽ in ra cả hai "
                "dấu đó (YAML không coi “ ” là dấu ngoặc kép).",
                f"The text is wrapped in Word's {text[0]}…{close}, which would be printed "
                "(YAML does not read them as quotes).",
                "Bỏ hai dấu ngoặc bao ngoài nếu không muốn in chúng.",
                "Remove the outer quotes unless they should print.")


WORD_QUOTES = {"“": "”", "‘": "’"}


def check_tabs(plan: Plan, out: Findings) -> None:
    """A Tab inside a printed text (pasted from Word) prints as a jump to the next tab stop in a
    justified paragraph: warn, once per text."""
    for path, text in out.printed(plan):
        at = text.find("\t")
        if at >= 0:
            before = text[max(0, at - 20):at].lstrip()
            out.warning(
                "text.tab", path,
                f"Có ký tự Tab trong đoạn chữ (sau \"{before}\"): Word in thành một khoảng trống "
                "dài tới điểm dừng Tab kế tiếp.",
                f'A Tab inside the text (after "{before}"): Word prints a jump to the next tab '
                "stop.", "Thay Tab bằng một dấu cách.", "Replace the Tab with a space.")


def _wrapped(text: str, close: str) -> bool:
    """``text``, which opens with the quote ``close`` pairs, is one quotation: it closes with
    ``close`` and holds no other."""
    return len(text) > 2 and text.endswith(close) and close not in text[1:-1]
