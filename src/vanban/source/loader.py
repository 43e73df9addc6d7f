"""Read a YAML plan into plain Python data plus a map from data paths to source positions.

Strict where PyYAML is lax: duplicate keys are errors, and only a small set of plain scalars is
typed (decimal integers without a leading zero, ``true``/``false``, ``null``/``~``); everything
else — ``no``, ``087``, ``2024-01-16``, ``1.5`` — stays text, so YAML 1.1 coercions never change
what a clerk wrote. The model decides what each field must be.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from vanban.errors import Diagnostic, Severity, Span, VanbanError

Path_ = tuple  # a data path: ("tasks", 3, "lead")

_INT = re.compile(r"^[-+]?(0|[1-9][0-9_]*)$")
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_NULL = {"null", "Null", "NULL", "~", ""}

MAX_BYTES = 2 * 1024 * 1024
MAX_NODES = 200_000


@dataclass
class Loaded:
    """Plain data of one YAML file and where each value and key stands in it."""

    file: str
    data: Any
    spans: dict[Path_, Span] = field(default_factory=dict)
    key_spans: dict[Path_, Span] = field(default_factory=dict)
    warnings: list[Diagnostic] = field(default_factory=list)

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


def _span(file: str, mark: yaml.Mark) -> Span:
    return Span(file, mark.line + 1, mark.column + 1)


def _scalar(node: yaml.ScalarNode) -> Any:
    value = node.value
    if node.style is not None and node.style != "":  # quoted or block scalar: always text
        return value
    if _INT.match(value):
        return int(value.replace("_", ""))
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if value in _NULL:
        return None
    return value


class _Builder:
    def __init__(self, file: str) -> None:
        self.file = file
        self.spans: dict[Path_, Span] = {}
        self.key_spans: dict[Path_, Span] = {}
        self.count = 0

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise VanbanError([Diagnostic(
                "yaml.too-large", f"Tệp có quá nhiều phần tử (trên {MAX_NODES}).",
                _span(self.file, node.start_mark), message_en="Too many YAML nodes.")])
        self.spans[path] = _span(self.file, node.start_mark)
        if isinstance(node, yaml.ScalarNode):
            return _scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.MappingNode)
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise VanbanError([Diagnostic(
                    "yaml.key", "Tên trường phải là chữ.", _span(self.file, key_node.start_mark),
                    message_en="A key must be text.")])
            key = str(key_node.value)
            if key in out:
                first = self.key_spans[path + (key,)]
                raise VanbanError([Diagnostic(
                    "yaml.duplicate-key",
                    f'Trường "{key}" bị lặp (đã có ở dòng {first.line}); YAML chỉ giữ giá trị sau '
                    "cùng, nên hãy xóa một trong hai.",
                    _span(self.file, key_node.start_mark), ".".join(map(str, path + (key,))),
                    message_en=f'Duplicate key "{key}" (first at line {first.line}).')])
            self.key_spans[path + (key,)] = _span(self.file, key_node.start_mark)
            out[key] = self.build(value_node, path + (key,))
        return out


def _yaml_error(file: str, exc: yaml.MarkedYAMLError) -> VanbanError:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    problem = (exc.problem or "").strip()
    if "found character '\\t'" in problem or "\\t" in problem:
        msg = "Có ký tự Tab; YAML chỉ cho thụt lề bằng dấu cách."
        msg_en = "Tab character; indent YAML with spaces only."
        code = "yaml.tab"
    elif "mapping values are not allowed" in problem:
        msg = 'Dấu ":" không đúng chỗ; nếu giá trị có dấu ":" hãy đặt nó trong ngoặc kép.'
        msg_en = 'Unexpected ":"; quote a value that contains a colon.'
        code = "yaml.syntax"
    elif "expected <block end>" in problem or "did not find expected" in problem:
        msg = "Thụt lề không khớp với các dòng trên (kiểm tra số dấu cách đầu dòng)."
        msg_en = "Indentation does not match the lines above."
        code = "yaml.syntax"
    else:
        msg = f"Cú pháp YAML không hợp lệ ({problem})."
        msg_en = f"Invalid YAML syntax ({problem})."
        code = "yaml.syntax"
    return VanbanError([Diagnostic(code, msg, Span(file, line, col), message_en=msg_en)])


def load_text(text: str, file: str) -> Loaded:
    """Parse YAML ``text`` (already decoded) that came from ``file``."""
    warnings: list[Diagnostic] = []
    nfc = unicodedata.normalize("NFC", text)
    if nfc != text:
        warnings.append(Diagnostic(
            "text.nfd", "Văn bản có ký tự tổ hợp (Unicode NFD); đã chuẩn hóa sang dạng dựng sẵn NFC.",
            Span(file, 1, 1), severity=Severity.WARNING,
            message_en="Decomposed Unicode (NFD) was normalised to NFC."))
        text = nfc
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        raise _yaml_error(file, exc) from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML always marks its errors
        raise VanbanError([Diagnostic("yaml.syntax", f"YAML không hợp lệ: {exc}",
                                      Span(file, 1, 1))]) from None
    builder = _Builder(file)
    data = builder.build(node, ()) if node is not None else None
    return Loaded(file, data, builder.spans, builder.key_spans, warnings)


def load_file(path: Path, display: str | None = None) -> Loaded:
    """Read and parse one YAML file; ``display`` is the name used in messages."""
    name = display or str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise VanbanError([Diagnostic("file.read", f"Không đọc được tệp: {exc.strerror}.",
                                      Span(name), message_en=f"Cannot read file: {exc.strerror}.")]
                          ) from None
    if len(raw) > MAX_BYTES:
        raise VanbanError([Diagnostic(
            "yaml.too-large", f"Tệp quá lớn ({len(raw) // 1024} KB; tối đa {MAX_BYTES // 1024} KB).",
            Span(name), message_en="File too large.")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise VanbanError([Diagnostic(
            "text.encoding", "Tệp không phải UTF-8. Hãy lưu lại tệp với bảng mã Unicode (UTF-8).",
            Span(name, line, 1), message_en="The file is not UTF-8.")]) from None
    return load_text(text, name)
