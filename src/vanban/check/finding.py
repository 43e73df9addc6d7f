"""Findings, the places they point at, and the registry of checker rules."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from vanban.errors import Severity

if TYPE_CHECKING:
    from vanban.check.context import Context
    from vanban.rules.nd30 import Range

EXCERPT_CHARS = 40


def num(value: float, lang: str = "vi", places: int = 1) -> str:
    """``value`` rounded to ``places`` decimals without trailing zeros: ``15``, ``12,7`` in
    Vietnamese (decimal comma), ``12.7`` in English."""
    text = f"{value:.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text == "-0":
        text = "0"
    return text.replace(".", ",") if lang != "en" else text


def mm(value: float | None, lang: str = "vi", places: int = 1) -> str:
    """A length in millimetres (``không đặt`` / ``not set`` for None)."""
    if value is None:
        return "không đặt" if lang != "en" else "not set"
    return f"{num(value, lang, places)} mm"


def pt(value: float, lang: str = "vi") -> str:
    """A size in points."""
    return f"{num(value, lang)} pt"


def pts(values: Iterable[float], lang: str = "vi") -> str:
    """``12 pt, 13 pt``."""
    return ", ".join(pt(v, lang) for v in values)


def pt_range(r: Range, lang: str = "vi") -> str:
    """``13–14 pt``, or ``12 pt`` when the range is one value."""
    if r.lo == r.hi:
        return pt(r.lo, lang)
    return f"{num(r.lo, lang)}–{pt(r.hi, lang)}"


@dataclass(frozen=True)
class Text:
    """Something said to the reader, in Vietnamese and in English."""

    vi: str
    en: str

    def pick(self, lang: str = "vi") -> str:
        return self.en if lang == "en" else self.vi


Say = str | Text
"""What a rule expected or found: a ``Text``, or a ``str`` that reads the same in both languages
(the document's own text, a code such as ``KH-SNV``, a whole number)."""


def both(render: Callable[..., str], *args: object) -> Text:
    """``render(*args, lang="vi")`` and ``render(*args, lang="en")`` as one Text."""
    return Text(render(*args, lang="vi"), render(*args, lang="en"))


def say(value: Say, lang: str = "vi") -> str:
    """``value`` in ``lang``."""
    return value.pick(lang) if isinstance(value, Text) else value


# Characters a document may hold that would steer the terminal when printed: C0/C1 controls
# (escape sequences), and the bidi overrides/isolates that reorder what follows them.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e"
                    "\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with control and bidi-override characters shown as ``\\x1b``, ``\\u202e``."""
    return UNSAFE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                      else f"\\u{ord(m.group()):04x}", text)


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """A one-line excerpt of ``text`` for a finding."""
    flat = " ".join(text.replace("\t", " ").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


@dataclass(frozen=True)
class Where:
    """Where a finding is: page (when a PDF was measured), paragraph, table cell, part."""

    paragraph: int | None = None
    cell: tuple[int, int, int] | None = None
    """(table, row, column) of a top-level table, 0-based."""
    part: str = "body"
    """'body', 'header' (a page header of ``section``) or 'section' (page setup)."""
    section: int | None = None
    page: int | None = None
    excerpt: str = ""
    chars: str = ""
    """The few characters the finding is about inside the excerpt's paragraph (a red ".")."""

    def text(self, lang: str = "vi") -> str:
        """``trang 2, đoạn 14 «…»``; empty for a finding about the whole file."""
        if self.part == "file":
            return ""
        vi = lang != "en"
        bits = []
        if self.page is not None:
            bits.append(f"{'trang' if vi else 'page'} {self.page}")
        if self.part == "section" and self.section is not None:
            bits.append(f"{'mục (section)' if vi else 'section'} {self.section + 1}")
        if self.part == "header":
            # The same words as a page-setup place ("mục (section) 2"): one name for one thing.
            where = "đầu trang của mục (section)" if vi else "header of section"
            bits.append(f"{where} {(self.section or 0) + 1}")
        if self.paragraph is not None and self.part == "body":
            bits.append(f"{'đoạn' if vi else 'paragraph'} {self.paragraph + 1}")
        if self.cell is not None:
            t, r, c = self.cell
            bits.append(f"{'bảng' if vi else 'table'} {t + 1} "
                        f"{'ô' if vi else 'cell'} ({r + 1},{c + 1})")
        head = ", ".join(bits) or ("văn bản" if vi else "document")
        head = f"{head} «{self.excerpt}»" if self.excerpt else head
        return f"{head} {'ở' if vi else 'at'} «{self.chars}»" if self.chars else head

    def as_dict(self) -> dict:
        return {"page": self.page, "paragraph": self.paragraph,
                "cell": list(self.cell) if self.cell else None, "part": self.part,
                "section": self.section, "excerpt": self.excerpt,
                **({"chars": self.chars} if self.chars else {})}


@dataclass(frozen=True)
class Finding:
    """One departure from Decree 30 found in a document."""

    rule: str
    severity: Severity
    where: Where
    expected: str
    expected_en: str
    found: str
    found_en: str
    message: str
    message_en: str
    citation: str
    """Ô number and section of the decree; empty for a file that could not be read."""
    replaces: str = ""
    """The rule whose estimate from the DOCX this measurement on the PDF replaces (said once)."""

    def pick(self, lang: str = "vi") -> tuple[str, str, str]:
        """(message, expected, found) in ``lang``."""
        if lang == "en":
            return self.message_en or self.message, self.expected_en, self.found_en
        return self.message, self.expected, self.found

    def text(self, file: str = "", lang: str = "vi") -> str:
        msg, expected, found = self.pick(lang)
        labels = ("cần", "thấy") if lang != "en" else ("expected", "found")
        where = self.where.text(lang)
        line = (f"{file}: " if file else "") + (f"{where}: " if where else "")
        line += f"{self.severity.label(lang)} [{self.rule}] {msg}"
        facts = [f"{label}: {_shown(value)}" for label, value in zip(labels, (expected, found))
                 if value]
        if facts:
            line += f" ({'; '.join(facts)})"
        cite = citation_en(self.citation) if lang == "en" else self.citation
        return printable(line + (f" [{cite}]" if cite else ""))

    def as_dict(self, lang: str = "vi") -> dict:
        msg, expected, found = self.pick(lang)
        return {"rule": self.rule, "severity": self.severity.value, "where": self.where.as_dict(),
                "expected": expected, "found": found, "message": msg,
                "citation": citation_en(self.citation) if lang == "en" else self.citation}


def _shown(value: str) -> str:
    """A value in the "(cần: …; thấy: …)" part: quoted when its own ";" or ")" would run into
    the separators ("«- Như trên;»", not "- Như trên;;"; "«đ)»")."""
    label = len(value) <= 5 and value.endswith(")")  # a list label: "đ)", "12)"
    return f"«{value}»" if (value.endswith(";") or label) and not value.startswith("«") else value


_CITATION_PHRASES = (
    ("văn bản ban hành kèm theo quyết định", "a document issued with a decision"),
    ("mọi mẫu kết thúc phần nội dung bằng ./.", "every form ends its body with ./."),
    ("phông chữ tiếng Việt bộ mã Unicode", "Vietnamese Unicode font"),
    ("đề mục đi liền đoạn sau", "a heading kept with what follows"),
    ("Nghị định không quy định; quy ước trình bày", "not set by the decree; a layout convention"),
)
_CITATION_WORDS = re.compile(r"\b(ô|Phụ lục|Mẫu|Điều|khoản)\b")
_CITATION_EN = {"ô": "box", "Phụ lục": "Appendix", "Mẫu": "Form", "Điều": "Article",
                "khoản": "clause"}


def citation_en(citation: str) -> str:
    """A rule's citation in English ("ô 7a, Phụ lục I, II.7; Điều 13" → "box 7a, Appendix I,
    II.7; Article 13"): the decree's own numbering stays as it is."""
    for vi, en in _CITATION_PHRASES:
        citation = citation.replace(vi, en)
    return _CITATION_WORDS.sub(lambda m: _CITATION_EN[m.group(1)], citation)


class Findings(list):
    """The findings of one document, in order, and whether it is an unsigned draft (its number
    or day left blank): said once in the verdict line ("dự thảo"), not as a finding."""

    draft: bool = False

    def __init__(self, items=(), *, draft: bool = False):
        super().__init__(items)
        self.draft = draft


@dataclass(frozen=True)
class Hit:
    """What a rule function reports; the runner adds the rule's id, citation and severity."""

    where: Where
    expected: Say
    found: Say
    message: str
    message_en: str
    severity: Severity | None = None
    citation: str | None = None
    """Where the decree says so, when it is not the rule's own citation (a rule checking two
    boxes, such as the summary of ô 5a and the V/v of ô 5b, cites the one a finding is about)."""
    replaces: str = ""
    """See ``Finding.replaces``."""


@dataclass(frozen=True)
class Rule:
    """A checker rule: a stable id, what it checks, where the decree says so."""

    id: str
    title: str
    title_en: str
    citation: str
    severity: Severity
    check: Callable[[Context], Iterable[Hit]]
    needs_pdf: bool = False

    def run(self, ctx: Context) -> list[Finding]:
        return [Finding(self.id, h.severity or self.severity, h.where,
                        say(h.expected), say(h.expected, "en"), say(h.found), say(h.found, "en"),
                        h.message, h.message_en, h.citation or self.citation, h.replaces)
                for h in self.check(ctx)]


RULES: dict[str, Rule] = {}


def rule(rule_id: str, title: str, title_en: str, citation: str, *,
         severity: Severity = Severity.ERROR, needs_pdf: bool = False):
    """Register a rule function under ``rule_id`` (ids are unique)."""

    def register(fn: Callable[[Context], Iterable[Hit]]):
        if rule_id in RULES:
            raise ValueError(f"duplicate rule id {rule_id}")
        RULES[rule_id] = Rule(rule_id, title, title_en, citation, severity, fn, needs_pdf)
        return fn

    return register


PARAGRAPHS = ("đoạn", "paragraph", "paragraphs")
SECTIONS = ("mục", "section", "sections")
PAGES = ("trang", "page", "pages")
ARTICLES = ("điều", "article", "articles")
LINES = ("dòng", "line", "lines")
"""Names of the places a finding counts: (Vietnamese, English one, English many)."""


def and_more(found: Say, more: int, noun: tuple[str, str, str]) -> Text:
    """``found`` followed by ``(và 3 đoạn khác)`` / ``(and 3 more paragraphs)``: the one
    wording for a finding that stands for ``more`` other places; ``found`` alone when 0."""
    found = found if isinstance(found, Text) else Text(found, found)
    if not more:
        return found
    vi, en_one, en_many = noun
    return Text(f"{found.vi} (và {more} {vi} khác)",
                f"{found.en} (and {more} more {en_one if more == 1 else en_many})")


def same_found(hit: Hit) -> tuple:
    """The ``collapse`` key of a mistake by what was found: the same message and value."""
    return hit.message, str(hit.found)


def same_expected(hit: Hit) -> tuple:
    """The ``collapse`` key of a mistake by what was asked: the same message and expectation."""
    return hit.message, str(hit.expected)


def collapse(hits: list[Hit], key, noun: tuple[str, str, str]) -> Iterator[Hit]:
    """One hit per distinct mistake (``key`` of a hit: ``same_found``, ``same_expected``), at
    its first place, counting the other places: a page number set wrong shows on every page
    (every section) but is one defect. ``noun`` names the places (``PAGES``, ``SECTIONS`` …)."""
    groups: dict[tuple, list[Hit]] = {}
    for hit in hits:
        groups.setdefault(key(hit), []).append(hit)
    for group in groups.values():
        hit, more = group[0], len(group) - 1
        if not more:
            yield hit
            continue
        yield Hit(hit.where, hit.expected, and_more(hit.found, more, noun),
                  hit.message, hit.message_en, hit.severity, hit.citation)
