"""Located diagnostics and the exceptions that carry them.

Every expected problem (bad plan, bad template, bad argument, unwritable output) becomes a
``Diagnostic`` with a ``Span``; the CLI prints them and exits 1. Anything else is a bug and keeps
its traceback.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"

    def label(self, lang: str = "vi") -> str:
        if lang == "en":
            return self.value
        return "lỗi" if self is Severity.ERROR else "cảnh báo"


@dataclass(frozen=True, order=True)
class Span:
    """A place in a source file: 1-based line and column (0 when unknown)."""

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.col or 1}"
        return self.file


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in a plan, a template, an output or an argument."""

    code: str
    message: str
    span: Span
    path: str = ""
    severity: Severity = Severity.ERROR
    message_en: str = ""
    hint: str = ""
    hint_en: str = ""

    def text(self, lang: str = "vi") -> str:
        msg = self.message_en if (lang == "en" and self.message_en) else self.message
        hint = self.hint_en if (lang == "en" and self.hint_en) else self.hint
        where = f"{self.path}: " if self.path else ""
        tail = f" {hint}" if hint else ""
        return f"{self.span}: {self.severity.label(lang)} [{self.code}] {where}{msg}{tail}"

    def as_dict(self, lang: str = "vi") -> dict:
        return {
            "file": self.span.file,
            "line": self.span.line,
            "column": self.span.col,
            "severity": self.severity.value,
            "code": self.code,
            "path": self.path,
            "message": self.message_en if (lang == "en" and self.message_en) else self.message,
            "hint": self.hint_en if (lang == "en" and self.hint_en) else self.hint,
        }


@dataclass
class VanbanError(Exception):
    """An expected failure: the CLI prints the diagnostics and exits with status 1."""

    diagnostics: list[Diagnostic] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(d.text() for d in self.diagnostics)


def error(code: str, message: str, file: str, *, line: int = 0, col: int = 0, path: str = "",
          message_en: str = "", hint: str = "", hint_en: str = "") -> VanbanError:
    """Shorthand for a VanbanError holding a single located error."""
    return VanbanError([Diagnostic(code, message, Span(file, line, col), path,
                                   Severity.ERROR, message_en, hint, hint_en)])


_READ_REASONS = {
    errno.ENOENT: ("không có tệp này", "no such file"),
    errno.EACCES: ("không có quyền đọc", "permission denied"),
    errno.EPERM: ("không có quyền đọc", "permission denied"),
    errno.EISDIR: ("đây là thư mục, không phải tệp", "it is a folder, not a file"),
    errno.EBUSY: ("tệp đang được chương trình khác dùng", "another program is using it"),
}


def read_reason(exc: OSError) -> tuple[str, str]:
    """Why a file could not be read, in Vietnamese and in English."""
    text = exc.strerror or str(exc)
    return _READ_REASONS.get(exc.errno or 0, (text, text))


def display_path(path: Path, root: Path | None = None) -> str:
    """``path`` as messages show it: relative to ``root`` (the working folder) when inside it."""
    try:
        return str(path.resolve().relative_to((root or Path.cwd()).resolve()))
    except ValueError:
        return str(path)
