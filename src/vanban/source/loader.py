"""Read a YAML plan into plain Python data plus a map from data paths to source positions.

Strict where PyYAML is lax: duplicate keys are errors, and only a small set of plain scalars is
typed (decimal integers without a leading zero, ``true``/``false``, ``null``/``~``); everything
else — ``no``, ``087``, ``2024-01-16``, ``1.5`` — stays text, so YAML 1.1 coercions never change
what a clerk wrote. The model decides what each field must be; ``Loaded.coercible`` tells it
which plain scalars other YAML readers would have typed, so it can suggest quoting them.

The steps, each reporting every problem it finds (see :mod:`vanban.source.text`,
:mod:`vanban.source.syntax`, :mod:`vanban.source.builder`): refuse oversized input before reading
it; decode (UTF-8, or UTF-16 with a warning; other encodings are named and refused); flag
legacy-font mojibake; remove invisible characters, refuse control characters, normalise to NFC;
parse; build data and source map. Errors raise one ``VanbanError`` holding all diagnostics of the
file (warnings included), in file order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from vanban.errors import Diagnostic, Span, VanbanError, read_reason
from vanban.source import conflicts, encoding, mojibake
from vanban.source.builder import MAX_DEPTH, MAX_NODES, Builder, Built, Path_
from vanban.source.reports import Reporter
from vanban.source.syntax import diagnose
from vanban.source.text import Cleaned, clean

MAX_BYTES = 2 * 1024 * 1024  # a large plan is about 100 KB
MAX_LINES = 50_000

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_LINES",
    "MAX_NODES",
    "Loaded",
    "Path_",
    "load_file",
    "load_text",
]

_FIX_HINT = ("Hãy chuyển tệp sang Unicode (UTF-8) bằng lệnh: vanban fix-encoding {file} "
             "(hoặc dùng Unikey Toolkit: chọn bảng mã nguồn {label}, đích Unicode).")
_FIX_HINT_EN = ("Convert the file to UTF-8 with: vanban fix-encoding {file} (or with Unikey "
                "Toolkit: source encoding {label}, target Unicode).")


@dataclass
class Loaded:
    """Plain data of one YAML file and where each value and key stands in it.

    ``spans`` and ``key_spans`` map data paths (tuples of keys and list indexes) to the position
    of the value and of its key. ``coercible`` maps the path of each plain (unquoted) scalar
    value that another YAML reader would not read as text to that type: "bool", "int",
    "octal", "hex", "binary", "sexagesimal", "float", "timestamp" or "null" (``no`` → "bool",
    ``087`` → "int" (87 for a YAML 1.2 reader), ``017`` → "octal", ``1:30`` → "sexagesimal", ``2024-01-16`` → "timestamp"). In ``data``
    such values are text, except the forms vanban itself types ("int" as a Python int, ``true``/
    ``false`` as bool, "null" as None). ``warnings`` holds the file's warnings in file order.
    """

    file: str
    data: Any
    spans: dict[Path_, Span] = field(default_factory=dict)
    key_spans: dict[Path_, Span] = field(default_factory=dict)
    warnings: list[Diagnostic] = field(default_factory=list)
    coercible: dict[Path_, str] = field(default_factory=dict)
    comma_split: dict[Path_, Path_] = field(default_factory=dict)
    """Keys written without ":" inside { } → the key whose text a comma cut before them (see
    :attr:`vanban.source.builder.Built.comma_split`)."""
    flow_lists: set[Path_] = field(default_factory=set)
    """Lists written in [ ] (see :attr:`vanban.source.builder.Built.flow_lists`)."""
    source: Path | None = None
    """The file actually read (``file`` is the name messages show, e.g. ``HEAD:plans/x.yaml``
    for a file taken from a git revision): files a document names are found beside it."""

    def span(self, path: Path_, *, key: bool = False) -> Span:
        """The closest known position for ``path`` (walking up to a parent if needed)."""
        table = self.key_spans if key else self.spans
        p = tuple(path)
        while p:
            if p in table:
                return table[p]
            if p in self.spans:
                return self.spans[p]
            p = p[:-1]
        return self.spans.get((), Span(self.file, 1, 1))


def _too_large(file: str, size_kb: int | None = None, lines: int | None = None) -> VanbanError:
    if lines is not None:
        message = f"Tệp có quá nhiều dòng ({lines:,} dòng; tối đa {MAX_LINES:,}).".replace(",", ".")
        english = f"Too many lines ({lines:,}; at most {MAX_LINES:,})."
    else:
        message = f"Tệp quá lớn ({size_kb:,} KB; tối đa {MAX_BYTES // 1024:,} KB).".replace(",", ".")
        english = f"File too large ({size_kb:,} KB; at most {MAX_BYTES // 1024:,} KB)."
    return VanbanError([Diagnostic(
        "file.too-large", message, Span(file), message_en=english,
        hint="Một kế hoạch chỉ vài trăm KB; hãy kiểm tra có chọn nhầm tệp không.",
        hint_en="A plan is a few hundred KB at most; check that this is the right file.")])


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:40] + "…"


def _mojibake(text: str, file: str, report: Reporter) -> frozenset[int]:
    """An error once per line about words typed in a legacy font and pasted as Unicode, at the
    first such word (they would print as "Thùc hiÖn"; fix-encoding converts them); return the
    0-based lines holding TCVN3 words."""
    found = mojibake.find_all(text)
    for number, hit in sorted(found.items()):
        label = encoding.LABELS[hit.encoding]
        run = hit.runs[0]
        report.error(
            "text.mojibake", Span(file, number + 1, hit.col + 1),
            f"Có chữ gõ bằng bảng mã {label} rồi dán vào, nên hiện sai dấu: "
            f"\"{_short(run.text)}\".",
            f"Text typed in {hit.encoding.upper()} pasted as Unicode (mojibake): "
            f"\"{_short(run.text)}\".",
            hint=f"Có phải \"{_short(run.converted)}\"? " + _FIX_HINT.format(file=file, label=label),
            hint_en=f"Did you mean \"{_short(run.converted)}\"? "
            + _FIX_HINT_EN.format(file=file, label=encoding.LABELS_EN[hit.encoding]))
    return frozenset(n for n, hit in found.items() if hit.encoding == encoding.TCVN3)


def _parsers() -> list[type]:
    """libyaml's parser when PyYAML has it (20 times faster), then the pure-Python one."""
    fast = getattr(yaml, "CSafeLoader", None)
    return [fast, yaml.SafeLoader] if fast is not None else [yaml.SafeLoader]


_BIG_ESCAPE = re.compile(r"\\U([0-9A-Fa-f]{8})")


def _bad_escape(text: str, file: str) -> Diagnostic:
    """The first \\U escape that names no Unicode character."""
    line, col = 1, 1
    for m in _BIG_ESCAPE.finditer(text):
        if int(m.group(1), 16) > 0x10FFFF:
            line = text.count("\n", 0, m.start()) + 1
            col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
            break
    return Diagnostic("yaml.escape", "Mã thoát \\U trong chuỗi ngoặc kép vượt quá bảng mã "
                      "Unicode (tối đa \\U0010FFFF).", Span(file, line, col),
                      message_en="A \\U escape is beyond Unicode (at most \\U0010FFFF).",
                      hint="Xóa mã thoát này hoặc gõ trực tiếp ký tự cần dùng.",
                      hint_en="Remove the escape or type the character itself.")


def _parse(cleaned: Cleaned, file: str, report: Reporter) -> Built:
    """Parse and build ``cleaned``, adding every problem found to ``report``.

    Syntax errors are always explained from the pure-Python parser's wording (libyaml words
    them differently): when libyaml fails, the text is parsed again with the Python parser.
    """
    for parser in _parsers():
        found = Reporter(file)
        builder = Builder(file, found, cleaned.position, cleaned.text.split("\n"))
        problem: Diagnostic | None = None
        try:
            builder.run(yaml.parse(cleaned.text, Loader=parser))
        except yaml.MarkedYAMLError as exc:
            if parser is not yaml.SafeLoader:
                continue
            problem = diagnose(exc, cleaned.text.split("\n"), file, cleaned.position)
        except yaml.YAMLError as exc:  # pragma: no cover - cleaning removes unreadable chars
            problem = Diagnostic("yaml.syntax", "Cú pháp YAML không hợp lệ.", Span(file, 1, 1),
                                 message_en=f"Invalid YAML: {exc}")
        except ValueError:  # PyYAML's scanner on an escape beyond Unicode, e.g. "\U00110000"
            if parser is not yaml.SafeLoader:
                continue
            problem = _bad_escape(cleaned.text, file)
        for diagnostic in found.diagnostics:
            report.add(diagnostic)
        if problem and not any(d.code == problem.code and d.span == problem.span
                               for d in report.diagnostics):
            report.add(problem)
        return builder.built
    raise AssertionError("unreachable: the Python parser always returns")  # pragma: no cover


def load_text(text: str, file: str) -> Loaded:
    """Parse YAML ``text`` (already decoded) that came from ``file``."""
    return _load(text, file, Reporter(file))


def _load(text: str, file: str, report: Reporter) -> Loaded:
    text = text.removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.count("\n") + 1
    if lines > MAX_LINES:
        raise _too_large(file, lines=lines)
    if len(text) > MAX_BYTES:
        raise _too_large(file, size_kb=len(text.encode("utf-8", "surrogatepass")) // 1024)
    if conflicted := conflicts.diagnostics(text, file):  # the parser's words would mislead
        raise VanbanError(conflicted)
    quiet = _mojibake(text, file, report)
    cleaned = clean(text, file, report, quiet)
    try:
        built = _parse(cleaned, file, report)
    except VanbanError as exc:  # a limit: stop here, but keep what was already found
        raise VanbanError(report.finished() + exc.diagnostics) from None
    diagnostics = report.finished()
    if report.has_errors:
        raise VanbanError(diagnostics)
    return Loaded(file, built.data, built.spans, built.key_spans, diagnostics, built.coercible,
                  comma_split=built.comma_split, flow_lists=built.flow_lists)


def _read_bounded(path: Path, name: str) -> bytes:
    """The bytes of ``path``, refusing anything over MAX_BYTES before reading it all."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise _too_large(name, size_kb=path.stat().st_size // 1024)
        with path.open("rb") as stream:  # stat can lie (pipes, /proc): read in bounded chunks
            chunks: list[bytes] = []
            size = 0
            while size <= MAX_BYTES and (chunk := stream.read(64 * 1024)):
                chunks.append(chunk)
                size += len(chunk)
            raw = b"".join(chunks)
    except OSError as exc:
        raise VanbanError([Diagnostic(
            "file.read", f"Không đọc được tệp: {read_reason(exc)[0]}.", Span(name),
            message_en=f"Cannot read file: {read_reason(exc)[1]}.")]) from None
    if len(raw) > MAX_BYTES:
        raise _too_large(name, size_kb=len(raw) // 1024)
    return raw


def _decode(raw: bytes, name: str, report: Reporter) -> str:
    """The text of ``raw``: UTF-8, or UTF-16 with a warning; other encodings are refused."""
    try:
        if b"\x00" not in raw[:4096]:
            return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    guess = encoding.detect(raw)
    if guess.encoding in (encoding.UTF16LE, encoding.UTF16BE):
        report.warning(
            "text.encoding", Span(name, 1, 1),
            "Tệp dùng bảng mã UTF-16; vanban vẫn đọc được, nhưng nên lưu lại với bảng mã "
            "UTF-8.", "The file is UTF-16; it was read, but save it as UTF-8.",
            hint="Trong Notepad: Lưu thành (Save As) → Encoding: UTF-8.",
            hint_en="In Notepad: Save As → Encoding: UTF-8.")
        try:
            return encoding.fix_encoding(raw, guess.encoding)
        except UnicodeDecodeError as exc:  # e.g. an odd number of bytes: a cut-off file
            raise VanbanError([Diagnostic(
                "text.encoding", "Tệp UTF-16 bị hỏng hoặc bị cắt cụt (số byte lẻ); hãy mở bằng "
                "trình soạn thảo và lưu lại với bảng mã UTF-8.", Span(name, 1, 1),
                message_en=f"The UTF-16 file is damaged or cut off ({exc.reason}); save it "
                           "again as UTF-8.")]) from None
    if guess.is_utf8:  # NUL bytes in UTF-8: reported as control characters
        return raw.decode("utf-8-sig")
    where = Span(name, guess.line, guess.col)
    if guess.encoding == encoding.UNKNOWN:
        raise VanbanError([Diagnostic(
            "text.encoding", "Tệp không phải Unicode (UTF-8) và không nhận ra bảng mã đã dùng.",
            where, message_en="The file is not UTF-8 and its encoding is unknown.",
            hint="Hãy mở tệp bằng trình soạn thảo và lưu lại với bảng mã UTF-8.",
            hint_en="Open it in an editor and save it as UTF-8.")])
    raise VanbanError([Diagnostic(
        "text.encoding",
        f"Tệp không phải Unicode (UTF-8): có vẻ dùng bảng mã {guess.label}.",
        where, message_en=f"The file is not UTF-8; it looks like {guess.encoding.upper()}.",
        hint=_FIX_HINT.format(file=name, label=guess.label),
        hint_en=_FIX_HINT_EN.format(file=name, label=encoding.LABELS_EN.get(guess.encoding,
                                                                            guess.label)))])


def load_file(path: Path, display: str | None = None) -> Loaded:
    """Read and parse one YAML file; ``display`` is the name used in messages."""
    name = display or str(path)
    raw = _read_bounded(Path(path), name)
    if raw.count(b"\n") + 1 > MAX_LINES:
        raise _too_large(name, lines=raw.count(b"\n") + 1)
    report = Reporter(name)
    loaded = _load(_decode(raw, name, report), name, report)
    loaded.source = Path(path)
    return loaded

