"""Findings, the places they point at, and the registry of checker rules."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from vanban.errors import Severity

if TYPE_CHECKING:
    from vanban.check.context import Context

EXCERPT_CHARS = 40


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

    def text(self, lang: str = "vi") -> str:
        vi = lang != "en"
        bits = []
        if self.page is not None:
            bits.append(f"{'trang' if vi else 'page'} {self.page}")
        if self.part == "section" and self.section is not None:
            bits.append(f"{'mục (section)' if vi else 'section'} {self.section + 1}")
        if self.part == "header":
            where = "đầu trang của section" if vi else "header of section"
            bits.append(f"{where} {(self.section or 0) + 1}")
        if self.paragraph is not None and self.part == "body":
            bits.append(f"{'đoạn' if vi else 'paragraph'} {self.paragraph + 1}")
        if self.cell is not None:
            t, r, c = self.cell
            bits.append(f"{'bảng' if vi else 'table'} {t + 1} "
                        f"{'ô' if vi else 'cell'} ({r + 1},{c + 1})")
        head = ", ".join(bits) or ("văn bản" if vi else "document")
        return f"{head} «{self.excerpt}»" if self.excerpt else head

    def as_dict(self) -> dict:
        return {"page": self.page, "paragraph": self.paragraph,
                "cell": list(self.cell) if self.cell else None, "part": self.part,
                "section": self.section, "excerpt": self.excerpt}


@dataclass(frozen=True)
class Finding:
    """One departure from Decree 30 found in a document."""

    rule: str
    severity: Severity
    where: Where
    expected: str
    found: str
    message: str
    message_en: str
    citation: str

    def text(self, file: str = "", lang: str = "vi") -> str:
        vi = lang != "en"
        msg = self.message if vi else (self.message_en or self.message)
        exp, got = ("cần", "thấy") if vi else ("expected", "found")
        head = f"{file}: " if file else ""
        return (f"{head}{self.where.text(lang)}: {self.severity.label(lang)} [{self.rule}] {msg} "
                f"({exp}: {self.expected}; {got}: {self.found}) [{self.citation}]")

    def as_dict(self, lang: str = "vi") -> dict:
        return {"rule": self.rule, "severity": self.severity.value, "where": self.where.as_dict(),
                "expected": self.expected, "found": self.found,
                "message": self.message if lang != "en" else (self.message_en or self.message),
                "citation": self.citation}


@dataclass(frozen=True)
class Hit:
    """What a rule function reports; the runner adds the rule's id, citation and severity."""

    where: Where
    expected: str
    found: str
    message: str
    message_en: str
    severity: Severity | None = None


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
        return [Finding(self.id, h.severity or self.severity, h.where, h.expected, h.found,
                        h.message, h.message_en, self.citation) for h in self.check(ctx)]


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
