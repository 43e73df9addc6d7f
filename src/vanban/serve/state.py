"""The state of one plan's preview in ``vanban serve``, and the shape the page reads it in."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from vanban.errors import display_path
from vanban.serve.engine import ATTACHED_SUFFIX
from vanban.serve.office import INSTALL_HINT, INSTALL_HINT_EN
from vanban.serve.pages import DPI, rasterizer


@dataclass
class PlanState:
    """The preview of one plan, as the page shows it."""

    key: str
    source: Path
    version: int = 0
    status: str = "new"
    """new (never built), queued, building, ok, error."""
    diagnostics: list[dict] = field(default_factory=list)
    findings: list[dict] = field(default_factory=list)
    text: str = ""
    build: int | None = None
    """The build on show: the last one without errors."""
    pages: list[str] = field(default_factory=list)
    attached_pages: list[str] = field(default_factory=list)
    """The page images of the second output (empty when there is none)."""
    files: list[str] = field(default_factory=list)
    notice: str = ""
    wanted: bool = False
    """Looked at: rebuilt on every change that affects it (else only when opened again)."""
    viewers: int = 0
    """Pages that follow this plan now (open event streams)."""
    seconds: float | None = None
    builds: list[int] = field(default_factory=list)
    measured: bool = False
    """Whether the findings include the rules measured on the PDF."""
    depends: frozenset[Path] = frozenset()
    """Other plans its document is made from, as its last build said (resolved paths)."""
    problems: tuple[int, int] | None = None
    """(errors, warnings) of its last build or validation; None: not known since it changed."""

    def as_page(self, office: str, lang: str = "vi") -> dict:
        """The state as the page reads it (JSON-ready); ``office`` is the office's mode."""
        return {
            "plan": self.key, "file": display_path(self.source), "version": self.version,
            "status": self.status, "diagnostics": self.diagnostics, "findings": self.findings,
            "text": self.text, "build": self.build, "pages": self.pages, "files": self.files,
            "attached_pages": self.attached_pages,
            "attached_name": f"{self.source.stem}{ATTACHED_SUFFIX}.docx",
            "notice": self.notice, "seconds": self.seconds, "office": office,
            "measured": self.measured,
            "pages_tool": rasterizer() is not None, "dpi": DPI,
            "install": "" if office != "none" else (
                INSTALL_HINT_EN if lang == "en" else INSTALL_HINT),
        }


def count_problems(diagnostics: list[dict]) -> tuple[int, int]:
    """(errors, warnings) among diagnostics."""
    errors = sum(1 for d in diagnostics if d.get("severity") == "error")
    return errors, len(diagnostics) - errors


def server_problem(code: str, message: str, source: Path, lang: str = "vi") -> dict:
    """A problem of the server itself, shaped like a diagnostic of the plan."""
    shown = display_path(source)
    label = "error" if lang == "en" else "lỗi"
    return {"file": shown, "line": 0, "column": 0, "severity": "error", "code": code,
            "path": "", "message": message, "hint": "", "where": shown,
            "text": f"{shown}: {label} [{code}] {message}", "abs": str(source.resolve()),
            "link": ""}
