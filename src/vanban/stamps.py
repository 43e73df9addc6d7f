"""Build stamps: what each output was made from, so an unchanged output is not made again.

A stamp book (``<outputs>/.vanban-stamps.json``) maps every output to the digest of its inputs
(the plan's bytes, where its registry folders are, vanban's own code and the build options), the
digest of its registry files with what the plan asked of them (``vanban.resolve.recorder``: when
the registry changed but answers those questions alike, the output is current), the
other files it was made from with their digests (the plan a Quyết định issues, a report's data,
the workspace templates looked at to pick its template: "" for one that was missing, so adding
an override makes it stale), the digest of the bytes written, whether the document written was
issued (it had its number), and the warnings its plan gave.
A build skips a plan whose stamp matches and whose output (and PDF, when asked) and other files
still have the recorded bytes, and prints the recorded warnings again. A missing, unreadable or
corrupt book, a stamp of another format, or an output changed by hand all mean: build it again.
Never a wrong output.

Only the standard library is imported here: deciding that nothing changed must not pay for
pydantic, docxtpl or lxml.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from vanban.errors import Diagnostic, Severity, Span

BOOK_NAME = ".vanban-stamps.json"
FORMAT = 3
_PACKAGE = Path(__file__).resolve().parent
_code: str | None = None
_digests: dict[Path, str] = {}
_resolved: dict[Path, Path] = {}  # a path as asked for → resolved (many stamps name one template)
_folders: dict[tuple[Path, tuple[str, ...]], str] = {}
_OWNER = "~$"  # an Office owner file's name start (vanban.jobs.OWNER_PREFIX; stamps is below)


def digest_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _real(path: Path) -> Path:
    """``path`` resolved, once per build (every plan of a build names the same workspace, and
    its folder's registry and templates)."""
    found = _resolved.get(path)
    if found is None:
        found = _resolved[path] = path.resolve()
    return found


def file_digest(path: Path) -> str:
    """sha256 of a file's bytes ("" when it cannot be read), read once per build."""
    key = _real(path)
    if key not in _digests:
        try:
            _digests[key] = digest_bytes(key.read_bytes())
        except OSError:
            _digests[key] = ""
    return _digests[key]


def reset() -> None:
    """Forget every digest read so far: a new build reads the files afresh (a long-running
    process such as watch must see the edits made since its last build)."""
    _digests.clear()
    _resolved.clear()
    _folders.clear()


def forget(path: Path) -> None:
    """Drop a cached digest (the file was written or may have changed)."""
    key = path.resolve()
    _digests.pop(key, None)
    for folder in [f for f in _folders if f[0] == key.parent]:
        del _folders[folder]


_CODE_SUFFIXES = (".py", ".json", ".docx", ".html", ".css", ".js")


def _code_files(folder: str, rel: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], str]]:
    """(path parts below the package, path) of every file of vanban's own that the fingerprint
    covers; ``__pycache__`` is not entered (it holds no such file) and links to folders are not
    followed, as ``Path.rglob`` does not follow them."""
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if entry.name != "__pycache__":
                    found.extend(_code_files(entry.path, (*rel, entry.name)))
            elif os.path.splitext(entry.name)[1] in _CODE_SUFFIXES and entry.is_file():
                found.append(((*rel, entry.name), entry.path))
    return found


def code_fingerprint() -> str:
    """A digest of vanban's own files (code, rule data, packaged templates): a new version or a
    local change of the code makes every stamp stale. Files are taken in the order of their
    path parts (as sorted ``Path`` objects are), read by one scandir walk."""
    global _code
    if _code is None:
        h = hashlib.sha256()
        for parts, path in sorted(_code_files(str(_PACKAGE))):
            h.update("/".join(parts).encode())
            with open(path, "rb", buffering=0) as stream:  # one read each, no buffer to fill
                h.update(stream.read())
        _code = h.hexdigest()
    return _code


def folder_digest(folder: Path, suffixes: tuple[str, ...]) -> str:
    """A digest of the names and bytes of the files of ``folder`` (not below) with ``suffixes``,
    read once per build (every plan of a folder shares its registry and templates)."""
    key = (_real(folder), suffixes)
    if key not in _folders:
        h = hashlib.sha256()
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                # (an Office owner file "~$…" comes and goes as Word or Excel opens a file:
                # no reader takes it, so it changes nothing)
                if (path.suffix.lower() in suffixes and not path.name.startswith(_OWNER)
                        and path.is_file()):
                    h.update(path.name.encode() + b"\0" + file_digest(path).encode())
        _folders[key] = h.hexdigest()
    return _folders[key]


def depend_digest(path: Path) -> str:
    """The digest of a file a plan was made from; for a folder (a registry folder, ``_shared``,
    another file was read with; a report's data folder), that of its YAML and data files (a
    file added or removed changes it)."""
    if _real(path).is_dir():
        return folder_digest(path, (".yaml", ".yml", ".xlsx", ".csv"))
    return file_digest(path)


def _where(path: Path, workspace: Path) -> str:
    """``path`` relative to the workspace when inside it: a moved workspace keeps its stamps."""
    try:
        return _real(path).relative_to(_real(workspace)).as_posix()
    except ValueError:
        return str(_real(path))


def inputs_key(plan: Path, registry_dirs: list[Path], workspace: Path, options: dict) -> str:
    """The digest of what every output of a plan is made from, known before reading the plan:
    vanban's code, the options, the plan's bytes and place, and where its registry folders are (their
    files: ``registry_key`` and the plan's reads). Files known once the
    plan is made (an attached plan, a data table, the templates it used) are stamped as its
    dependencies: a template edit remakes only the plans laid out with it."""
    h = hashlib.sha256()
    h.update(code_fingerprint().encode())
    h.update(json.dumps(options, sort_keys=True).encode())
    h.update(file_digest(plan).encode())
    # Where the plan is, too: a plan renamed to the same output (x.yml → x.yaml) is stamped
    # again under its new name, or its stamps would name a plan that is gone.
    h.update(_where(plan, workspace).encode() + b"\0")
    for folder in registry_dirs:  # nearest first, as the registry merges them
        h.update(_where(folder, workspace).encode() + b"\0")
    return h.hexdigest()


def registry_key(registry_dirs: list[Path], workspace: Path) -> str:
    """The digest of the registry files of a plan: equal, its recorded reads need no asking."""
    h = hashlib.sha256()
    for folder in registry_dirs:
        h.update(_where(folder, workspace).encode()
                 + folder_digest(folder, (".yaml", ".yml")).encode())
    return h.hexdigest()


@dataclass(frozen=True)
class Stamp:
    inputs: str
    output: str
    pdf: str = ""
    warnings: tuple[dict, ...] = ()
    source: str = ""  # the plan it was made from (one plan may make several outputs)
    depends: tuple[tuple[str, str], ...] = ()  # (file, digest) of files the plan named
    issued: bool | None = None  # the document written had its number (None: not recorded)
    code: str = ""  # vanban's code fingerprint when the PDF was made (or last found current)
    registry: str = ""  # registry_key when it was made
    reads: dict[str, str] = field(default_factory=dict)  # question → answer digest (registry)


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
                    self.stamps[name] = Stamp(
                        str(entry["inputs"]), str(entry["output"]), str(entry.get("pdf", "")),
                        tuple(dict(w) for w in entry.get("warnings", ())),
                        str(entry.get("source", "")),
                        tuple((str(f), str(d)) for f, d in entry.get("depends", ())),
                        _issued(entry.get("issued")), str(entry.get("code", "")),
                        str(entry.get("registry", "")), _reads(entry.get("reads")))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.stamps = {}  # missing or corrupt: every output is built again

    def was_issued(self, target: Path) -> bool | None:
        """Whether the file at ``target`` is an issued document, as its stamp says; None when
        no stamp tells (none, none recording it, or the file is not the bytes stamped)."""
        stamp = self.stamps.get(self._name(target))
        if stamp is None or file_digest(target) != stamp.output:
            return None
        return stamp.issued

    def _name(self, target: Path) -> str:
        return _real(target).relative_to(self.root).as_posix()

    def current(self, target: Path, key: str, pdf: bool, fresh: Callable[[Stamp], bool]
                ) -> Stamp | None:
        """The stamp of ``target`` when it was made from ``key`` and the files it depends on,
        is still on disk unchanged, and ``fresh`` finds its registry reads still answered
        (required: a stamp whose registry changed must never be taken unasked)."""
        stamp = self.stamps.get(self._name(target))
        if stamp is None or stamp.inputs != key or file_digest(target) != stamp.output:
            return None
        if pdf and (not stamp.pdf or file_digest(target.with_suffix(".pdf")) != stamp.pdf):
            return None
        if any(depend_digest(self._path(name)) != digest for name, digest in stamp.depends):
            return None
        if not fresh(stamp):
            return None
        return stamp

    def current_all(self, main: Path, source: str, key: str, pdf: bool,
                    fresh: Callable[[Stamp], bool]) -> list[Stamp] | None:
        """The stamps of every output ``source`` made last time (``main`` first) when all are
        current; None when any is not (then the plan is made again)."""
        first = self.current(main, key, pdf, fresh)
        if first is None:
            return None
        out = [first]
        resolved = _real(main)
        for name, stamp in self.stamps.items():
            if stamp.source != source:  # (most stamps: other plans' outputs; no path made)
                continue
            other = self._path(name)
            if other != resolved:
                if self.current(other, key, pdf, fresh) is None:
                    return None
                out.append(stamp)
        return out

    def set_registry(self, keys: dict[str, str]) -> None:
        """The stamps of the plans named in ``keys`` (by their ``source``) were found current
        against the registry whose ``registry_key`` is given: say so, so that the next build
        need not ask their questions again."""
        for name, stamp in self.stamps.items():
            key = keys.get(stamp.source)
            if key is not None and stamp.registry != key:
                self.stamps[name] = dataclasses.replace(stamp, registry=key)

    def orphans(self, workspace: Path, claimed: Callable[[], set[Path]]
                ) -> list[tuple[Path, str]]:
        """(output, plan) of every output on disk made from a plan file that is no longer
        there (renamed with ``git mv``, moved or deleted) and that no plan of this build
        (``claimed()``: their outputs, resolved; asked once, if any plan is gone) writes now:
        nothing builds it any more, so it would stay as it is, out of date, beside the new one.
        The stamps of such outputs that are gone too are dropped (a book does not keep a
        deleted plan for ever)."""
        found = []
        taken: set[Path] | None = None
        for name, stamp in list(self.stamps.items()):
            if not stamp.source or (workspace / stamp.source).is_file():
                continue
            output = self._path(name)
            if taken is None:
                taken = claimed()
            if _real(output) in taken:
                continue
            if output.is_file():
                found.append((output, stamp.source))
            else:
                del self.stamps[name]
        return sorted(found)

    def pdf_of(self, target: Path, output: str) -> str | None:
        """The digest of the PDF beside ``target`` when the last build made it from the very
        DOCX whose digest is ``output`` and it is on disk unchanged; None otherwise. The DOCX
        made again byte for byte (an edit of a shared registry entry the plan does not use)
        needs no LibreOffice run: its PDF is the one there. Only with the same vanban (its
        conversion settings may have changed): an upgrade converts every PDF again."""
        stamp = self.stamps.get(self._name(target))
        if (stamp is None or not stamp.pdf or stamp.output != output
                or stamp.code != code_fingerprint()):
            return None
        return stamp.pdf if file_digest(target.with_suffix(".pdf")) == stamp.pdf else None

    def _path(self, name: str) -> Path:
        path = Path(name)
        return path if path.is_absolute() else self.root / path

    def record(self, target: Path, key: str, data: bytes | str, pdf_data: bytes | str | None,
               warnings: list[Diagnostic], source: str = "",
               depends: tuple[tuple[str, str], ...] = (), issued: bool | None = None,
               registry: str = "", reads: dict[str, str] | None = None) -> None:
        """Stamp ``target`` as made from ``key`` with ``data`` (bytes, or their digest) and,
        when one was made, its PDF; ``issued``: the document has its number."""
        name = self._name(target)
        old = self.stamps.get(name)
        output = data if isinstance(data, str) else digest_bytes(data)
        if pdf_data is None:  # the PDF of the last build stands only for the very same DOCX
            pdf = old.pdf if old and old.inputs == key and old.output == output else ""
        else:
            pdf = pdf_data if isinstance(pdf_data, str) else digest_bytes(pdf_data)
        self.stamps[name] = Stamp(key, output, pdf, tuple(_to_dict(w) for w in warnings),
                                  source, depends, issued, code_fingerprint() if pdf else "",
                                  registry, dict(reads or {}))
        forget(target)
        forget(target.with_suffix(".pdf"))

    def save(self) -> None:
        """Write the book atomically; a book that cannot be written only costs a full build."""
        data = {"format": FORMAT, "outputs": {
            name: {"inputs": s.inputs, "output": s.output, "pdf": s.pdf, "source": s.source,
                   "depends": [list(d) for d in s.depends], "warnings": list(s.warnings),
                   **({} if s.issued is None else {"issued": s.issued}),
                   **({"code": s.code} if s.code else {}),
                   "registry": s.registry, "reads": s.reads}
            for name, s in sorted(self.stamps.items())}}
        # One line, by the C encoder (an indented book of 1,000 plans took ~0.2 s to write).
        text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
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


def _reads(value: object) -> dict[str, str]:
    """``reads`` as a book records them; anything else reads as none (made again)."""
    return dict(value) if isinstance(value, dict) else {}


def _issued(value: object) -> bool | None:
    """``issued`` as a book records it (a book written before it was recorded has none)."""
    return value if isinstance(value, bool) else None


def _to_dict(d: Diagnostic) -> dict:
    return {"code": d.code, "message": d.message, "file": d.span.file, "line": d.span.line,
            "col": d.span.col, "path": d.path, "severity": d.severity.value,
            "message_en": d.message_en, "hint": d.hint, "hint_en": d.hint_en}


def warnings_of(stamp: Stamp) -> list[Diagnostic]:
    """The warnings recorded with a stamp, as diagnostics again."""
    return [Diagnostic(w["code"], w["message"], Span(w["file"], w["line"], w["col"]), w["path"],
                       Severity(w["severity"]), w["message_en"], w["hint"], w["hint_en"])
            for w in stamp.warnings]


def depends_on(paths: list[Path], book: StampBook) -> tuple[tuple[str, str], ...]:
    """(file as the book names it, digest) for files a plan was made from besides its inputs
    key ("" for a file looked for and missing: it is current while it stays missing)."""
    out = []
    for path in sorted({p.resolve() for p in paths}):
        out.append((Path(os.path.relpath(path, book.root)).as_posix(), depend_digest(path)))
    return tuple(out)


class NoBook(StampBook):
    """No stamps: nothing is current, nothing is kept (a build outside a workspace's outputs)."""

    def __init__(self) -> None:
        self.path, self.root, self.stamps = Path(os.devnull), Path("/"), {}

    def current_all(self, main: Path, source: str, key: str, pdf: bool,
                    fresh: Callable[[Stamp], bool]) -> list[Stamp] | None:
        return None

    def pdf_of(self, target: Path, output: str) -> str | None:
        return None

    def record(self, *args, **kwargs) -> None:
        return None

    def save(self) -> None:
        return None
