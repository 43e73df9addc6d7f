"""Collect the diagnostics of one file: every problem in one run, but never thousands of lines.

Each code is reported at most ``PER_CODE`` times per file; past that, one closing line says how
many more places have the same problem.
"""

from __future__ import annotations

from collections import Counter

from vanban.errors import Diagnostic, Severity, Span

PER_CODE = 20


class Reporter:
    """Gathers the diagnostics of one file (see the module docstring for the cap per code)."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.diagnostics: list[Diagnostic] = []
        self._counts: Counter[str] = Counter()

    def add(self, diagnostic: Diagnostic) -> None:
        """Record ``diagnostic`` unless its code has already been reported ``PER_CODE`` times."""
        self._counts[diagnostic.code] += 1
        if self._counts[diagnostic.code] <= PER_CODE:
            self.diagnostics.append(diagnostic)

    def error(self, code: str, span: Span, message: str, message_en: str, *, path: str = "",
              hint: str = "", hint_en: str = "") -> None:
        """Record an error."""
        self.add(Diagnostic(code, message, span, path, Severity.ERROR, message_en, hint, hint_en))

    def warning(self, code: str, span: Span, message: str, message_en: str, *, path: str = "",
                hint: str = "", hint_en: str = "") -> None:
        """Record a warning."""
        self.add(Diagnostic(code, message, span, path, Severity.WARNING, message_en, hint,
                            hint_en))

    @property
    def has_errors(self) -> bool:
        """Whether any error has been recorded."""
        return any(d.severity is Severity.ERROR for d in self.diagnostics)

    def finished(self) -> list[Diagnostic]:
        """All diagnostics in file order, with one summary line per code that overflowed."""
        out = sorted(self.diagnostics, key=lambda d: (d.span.line, d.span.col, d.code))
        for code, count in sorted(self._counts.items()):
            if count > PER_CODE:
                first = next(d for d in out if d.code == code)
                out.append(Diagnostic(
                    code, f"… và {count - PER_CODE} chỗ khác có cùng lỗi này.",
                    Span(self.file), severity=first.severity,
                    message_en=f"… and {count - PER_CODE} more places with the same problem."))
        return out
