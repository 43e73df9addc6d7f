"""Read the dates out of a task's free-text timeline ("Quý II năm 2024", "trước ngày 30/10/2024").

The timeline is printed exactly as written; this module only finds the periods it names so that
they can be compared with the plan's year. A phrase is a sequence of known pieces (dates, months,
quarters, half years, years, recurring words such as "Thường xuyên") joined by connectors ("và",
",", "trước", "từ … đến …"); anything else makes the timeline unreadable, which is only a
warning. A month or quarter without its own year takes the next year written after it
("Tháng 6, tháng 11 năm 2024"), or the plan's year when none follows.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}

_Y = r"(\d{4})(?!\d)"
# Named days that fix a date every year: Ngày Pháp luật Việt Nam is 9 November (Luật Phổ biến,
# giáo dục pháp luật, Điều 8); "Dịp Ngày Pháp luật Việt Nam (09/11)" is the timeline of the
# events of every plan of that field.
_LAW_DAY = (r"ngày\s+pháp\s+luật(?:\s+nước\s+cộng\s+hòa\s+xã\s+hội\s+chủ\s+nghĩa)?\s+việt\s+nam"
            r"(?:\s*\(?\s*(?:ngày\s+)?0?9\s*/\s*11(?:\s*/\s*" + _Y + r")?\s*\)?)?")
_PIECES: list[tuple[str, re.Pattern[str]]] = [(name, re.compile(rx, re.IGNORECASE)) for name, rx in [
    ("law-day", _LAW_DAY),
    ("date", r"(?:ngày\s+)?(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*" + _Y),
    ("date-words", r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*(?:năm\s+|/\s*)" + _Y + ")?"),
    ("day-month", r"ngày\s+(\d{1,2})\s*/\s*(\d{1,2})(?![\d/])"),
    ("half", r"(6|sáu)\s+tháng\s+(đầu|cuối)(?:\s+năm)?(?:\s+" + _Y + ")?"),
    ("month", r"tháng\s+(\d{1,2})(?:\s*/\s*" + _Y + r")?(?![\d/])"),
    ("quarter", r"quý\s+([ivxl]+|\d+)\b(?:\s*/\s*" + _Y + ")?"),
    ("year", r"(?:năm\s+)?" + _Y),
    ("recurring", (r"(?:thường\s+xuyên|liên\s+tục"
                  r"|định\s+kỳ(?:\s+(?:6|sáu)\s+tháng(?:\s*(?:,|và|/)\s*(?:hằng\s+|hàng\s+)?năm)?)?"
                  r"|(?:hằng|hàng)\s+(?:năm|quý|tháng|tuần)"
                  r"|(?:cả|suốt|trong)\s+năm(?!\s*\d)|khi\s+có\s+yêu\s+cầu"
                  r"|khi\s+có\s+(?:văn\s+bản|luật|văn\s+bản\s+pháp\s+luật)(?:,\s*nghị\s+quyết)?\s+mới"
                  r"(?:\s+(?:được\s+)?ban\s+hành)?"
                  r"|(?:những|các)\s+năm\s+tiếp\s+theo"
                  # on demand of another plan or authority: no date of its own to compare
                  r"|theo\s+(?:yêu\s+cầu|kế\s+hoạch|chỉ\s+đạo|hướng\s+dẫn|đề\s+nghị)"
                  # the authority's name may hold commas; it stops where a date begins
                  r"(?:\s+của(?:(?!\s*,?\s*(?:quý|tháng|năm\s+\d|ngày\s+\d|trước|\d))[^;()])+)?"
                  r")\b")),
    ("connector", (r"(?:[,;:\-–—/()+&]|và\b|hoặc\b|từ\b|đến\b|tới\b|trước\b|sau\b|trong\b|vào\b"
                  r"|(?:nhân\s+)?dịp\b|hưởng\s+ứng\b|cao\s+điểm\b|đợt(?:\s+\d+)?\b"
                  r"|các\b|cả\b|đầu\b|cuối\b|giữa\b|hạn\b|chậm\s+nhất\b|thời\s+hạn\b"
                  r"|hoàn\s+thành\b|thực\s+hiện\b|dự\s+kiến\b|tháng\b|quý\b|năm\b|ngày\b)")),
]]


@dataclass(frozen=True)
class Period:
    """A span of days a timeline names, with the words that named it."""

    start: dt.date
    end: dt.date
    text: str


@dataclass
class Timeline:
    """What a timeline says: its dated periods, whether it is recurring, what is wrong in it."""

    periods: list[Period] = field(default_factory=list)
    recurring: bool = False
    unreadable: str = ""  # the first words that could not be read ("" when all were read)
    impossible: list[tuple[str, str]] = field(default_factory=list)  # (vi, en) per bad date


@dataclass
class _Pending:
    kind: str
    text: str
    a: int = 0
    b: int = 0


def _normal(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    return re.sub(r"\s+", " ", text).strip().rstrip(".")


def _year_span(year: int, text: str) -> Period:
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), text)


def _month_span(year: int, month: int, text: str) -> Period:
    return Period(dt.date(year, month, 1),
                  dt.date(year, month, calendar.monthrange(year, month)[1]), text)


class _Reader:
    def __init__(self, default_year: int | None) -> None:
        self.out = Timeline()
        self.pending: list[_Pending] = []
        self.default_year = default_year

    def bad(self, vi: str, en: str) -> None:
        self.out.impossible.append((vi, en))

    def resolve(self, year: int | None) -> None:
        """Give the pending months, quarters and days the year that follows them."""
        for item in self.pending:
            if year is not None:
                self.place(item, year)
        self.pending = []

    def place(self, item: _Pending, year: int) -> None:
        if not 1900 <= year <= 2200:
            self.bad(f'Năm {year} trong "{item.text}" không hợp lý.',
                     f'The year {year} in "{item.text}" is not plausible.')
        elif item.kind == "month":
            self.out.periods.append(_month_span(year, item.a, item.text))
        elif item.kind == "quarter":
            first = 3 * item.a - 2
            self.out.periods.append(Period(
                dt.date(year, first, 1),
                _month_span(year, first + 2, "").end, item.text))
        elif item.kind == "half":
            months = (1, 6) if item.a == 1 else (7, 12)
            self.out.periods.append(Period(dt.date(year, months[0], 1),
                                           _month_span(year, months[1], "").end, item.text))
        elif item.kind == "day":
            try:
                day = dt.date(year, item.b, item.a)
            except ValueError:
                last = calendar.monthrange(year, item.b)[1]
                self.bad(f'"{item.text}" không có trong lịch: tháng {item.b} năm {year} chỉ có '
                         f"{last} ngày.", f'"{item.text}" is not a real date.')
                return
            self.out.periods.append(Period(day, day, item.text))

    def piece(self, kind: str, m: re.Match[str]) -> None:
        text = m.group(0).strip()
        g = m.groups()
        if kind == "law-day":
            self.defer(_Pending("day", text, 9, 11), g[0])
            return
        if kind in ("date", "date-words", "day-month"):
            day, month = int(g[0]), int(g[1])
            year = g[2] if len(g) > 2 else None
            if not 1 <= month <= 12:
                self.bad(f'Tháng {month} trong "{text}" không có (chỉ có tháng 1 đến 12).',
                         f'There is no month {month} in "{text}".')
                return
            self.defer(_Pending("day", text, day, month), year)
        elif kind == "month":
            month = int(g[0])
            if not 1 <= month <= 12:
                self.bad(f'Không có "{text}" (chỉ có tháng 1 đến tháng 12).',
                         f'There is no "{text}" (months are 1 to 12).')
                return
            self.defer(_Pending("month", text, month), g[1])
        elif kind == "quarter":
            q = ROMAN.get(g[0].lower()) or (int(g[0]) if g[0].isdigit() else 0)
            if not 1 <= q <= 4:
                self.bad(f'Không có "{text}" (chỉ có quý I đến quý IV).',
                         f'There is no "{text}" (quarters are I to IV).')
                return
            self.defer(_Pending("quarter", text, q), g[1])
        elif kind == "half":
            self.defer(_Pending("half", text, 1 if g[1].lower() == "đầu" else 2), g[2])
        elif kind == "year":
            year = int(g[0])
            if self.pending:
                self.resolve(year)
            elif 1900 <= year <= 2200:
                self.out.periods.append(_year_span(year, text))
            else:
                self.bad(f'Năm {year} trong "{text}" không hợp lý.',
                         f'The year {year} in "{text}" is not plausible.')
        elif kind == "recurring":
            self.out.recurring = True

    def defer(self, item: _Pending, year: str | None) -> None:
        if year is None:
            self.pending.append(item)
        else:
            self.pending.append(item)
            self.resolve(int(year))


def read(text: str, default_year: int | None = None) -> Timeline:
    """The periods ``text`` names; months without a year take ``default_year``."""
    s = _normal(text)
    reader = _Reader(default_year)
    pos = 0
    while pos < len(s):
        if s[pos].isspace():
            pos += 1
            continue
        for kind, pattern in _PIECES:
            m = pattern.match(s, pos)
            if m and m.end() > pos:
                if kind != "connector":
                    reader.piece(kind, m)
                pos = m.end()
                break
        else:
            reader.out.unreadable = " ".join(s[pos:].split(" ")[:3])
            break
    reader.resolve(default_year)
    return reader.out
