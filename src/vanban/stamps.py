"""Build stamps: what each output was made from, so an unchanged output is not made again.

A stamp book (``<outputs>/.vanban-stamps.json``) maps every output to the digest of its inputs
(the plan's bytes, the registry files it reads, the workspace's templates, vanban's own code and
the build options), the digest of the bytes written, and the warnings its plan gave. A build
skips a plan whose stamp matches and whose output (and PDF, when asked) still has the recorded
bytes, and prints the recorded warnings again. A missing, unreadable or corrupt book, a stamp of
another format, or an output changed by hand all mean: build it again. Never a wrong output.

Only the standard library is imported here: deciding that nothing changed must not pay for
pydantic, docxtpl or lxml.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from vanban.errors import Diagnostic, Severity, Span

BOOK_NAME = ".vanban-stamps.json"
FORMAT = 1
_PACKAGE = Path(__file__).resolve().parent
_code: str | None = None
_digests: dict[Path, str] = {}


def digest_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_digest(path: Path) -> str:
    """sha256 of a file's bytes ("" when it cannot be read), read once per process."""
    key = path.resolve()
    if key not in _digests:
        try:
            _digests[key] = digest_bytes(key.read_bytes())
        except OSError:
            _digests[key] = ""
    return _digests[key]


def forget(path: Path) -> None:
    """Drop a cached digest (the file was written or may have changed)."""
    _digests.pop(path.resolve(), None)


def code_fingerprint() -> str:
    """A digest of vanban's own files (code, rule data, packaged templates): a new version or a
    local change of the code makes every stamp stale."""
    global _code
    if _code is None:
        h = hashlib.sha256()
        for path in sorted(_PACKAGE.rglob("*")):
            if path.suffix in (".py", ".json", ".docx", ".html", ".css", ".js") and path.is_file():
                h.update(path.relative_to(_PACKAGE).as_posix().encode())
                h.update(path.read_bytes())
        _code = h.hexdigest()
    return _code


def folder_digest(folder: Path, suffixes: tuple[str, ...]) -> str:
    """A digest of the names and bytes of the files of ``folder`` (not below) with ``suffixes``."""
    h = hashlib.sha256()
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.suffix in suffixes and path.is_file():
                h.update(path.name.encode() + b"\0" + file_digest(path).encode())
    return h.hexdigest()


def inputs_key(plan: Path, registry_dirs: list[Path], workspace: Path, options: dict) -> str:
    """The digest of everything one output is made from."""
    h = hashlib.sha256()
    h.update(code_fingerprint().encode())
    h.update(json.dumps(options, sort_keys=True).encode())
    h.update(file_digest(plan).encode())
    for folder in registry_dirs:  # nearest first, as the registry merges them
        h.update(str(folder.resolve()).encode() + folder_digest(folder, (".yaml", ".yml")).encode())
    h.update(folder_digest(workspace / "templates", (".docx",)).encode())
    return h.hexdigest()


@dataclass(frozen=True)
class Stamp:
    inputs: str
    output: str
    pdf: str = ""
    warnings: tuple[dict, ...] = ()


class StampBook:
    """The stamps of one output folder."""

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / BOOK_NAME
        self.root = out_dir.resolve()
        self.stamps: dict[str, Stamp] = {}
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            if raw.get("format") == FORMAT:
                for name, entry in raw["outputs"].items():
                    self.stamps[name] = Stamp(entry["inputs"], entry["output"],
                                              entry.get("pdf", ""),
                                              tuple(entry.get("warnings", ())))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.stamps = {}  # missing or corrupt: every output is built again

    def _name(self, target: Path) -> str:
        return target.resolve().relative_to(self.root).as_posix()

    def current(self, target: Path, key: str, pdf: bool) -> Stamp | None:
        """The stamp of ``target`` when it was made from ``key`` and is still on disk unchanged."""
        stamp = self.stamps.get(self._name(target))
        if stamp is None or stamp.inputs != key or file_digest(target) != stamp.output:
            return None
        if pdf and (not stamp.pdf or file_digest(target.with_suffix(".pdf")) != stamp.pdf):
            return None
        return stamp

    def record(self, target: Path, key: str, data: bytes, pdf_data: bytes | None,
               warnings: list[Diagnostic]) -> None:
        name = self._name(target)
        old = self.stamps.get(name)
        pdf = digest_bytes(pdf_data) if pdf_data is not None else (
            old.pdf if old and old.inputs == key else "")
        self.stamps[name] = Stamp(key, digest_bytes(data), pdf,
                                  tuple(_to_dict(w) for w in warnings))
        forget(target)
        forget(target.with_suffix(".pdf"))

    def save(self) -> None:
        """Write the book atomically; a book that cannot be written only costs a full build."""
        data = {"format": FORMAT, "outputs": {
            name: {"inputs": s.inputs, "output": s.output, "pdf": s.pdf,
                   "warnings": list(s.warnings)}
            for name, s in sorted(self.stamps.items())}}
        text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        try:
            if self.path.is_file() and self.path.read_text(encoding="utf-8") == text:
                return
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(self.path.name + f".{os.getpid()}.tmp")
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError:
            try:
                tmp.unlink()
            except (OSError, UnboundLocalError):
                pass


def _to_dict(d: Diagnostic) -> dict:
    return {"code": d.code, "message": d.message, "file": d.span.file, "line": d.span.line,
            "col": d.span.col, "path": d.path, "severity": d.severity.value,
            "message_en": d.message_en, "hint": d.hint, "hint_en": d.hint_en}


def warnings_of(stamp: Stamp) -> list[Diagnostic]:
    """The warnings recorded with a stamp, as diagnostics again."""
    return [Diagnostic(w["code"], w["message"], Span(w["file"], w["line"], w["col"]), w["path"],
                       Severity(w["severity"]), w["message_en"], w["hint"], w["hint_en"])
            for w in stamp.warnings]
