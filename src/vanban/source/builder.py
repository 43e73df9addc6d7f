"""Build plain data and its source map straight from PyYAML's event stream.

Working on events (not on PyYAML's composed node graph) keeps every limit enforceable while
reading: nesting depth is checked as collections open (PyYAML's composer recurses and would
overflow the stack), and aliases are counted at their expanded size as they are met, so an alias
bomb ("billion laughs") is refused after reading a few lines instead of being built. An alias
shares the anchored value rather than copying it.

Errors that leave the rest of the file readable (duplicate keys, keys that are not text,
unknown aliases, tags) are reported and building goes on; limits stop it at once.

The value of a double-quoted scalar is checked again like the file text (control characters,
invisible characters, NFD; see :func:`vanban.source.text.clean_value`): its escapes make
characters that the checks of the raw text never saw. Each finding points at its escape.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from vanban.errors import Diagnostic, Span, VanbanError
from vanban.source.reports import Reporter
from vanban.source.scalars import plain_value, yaml_type
from vanban.source.syntax import shorten, yaml_quoted
from vanban.source.text import clean_value

Path_ = tuple  # a data path: ("tasks", 3, "lead")

MAX_NODES = 100_000  # values after expanding aliases; a large plan has a few thousand
MAX_DEPTH = 64  # nested collections; a plan needs about ten

_STR_TAG = "tag:yaml.org,2002:str"
_ALLOWED_TAGS = {None, "!", _STR_TAG, "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_SKIP = object()  # the key of a value that is read but not stored
_GLUED_HASH = re.compile(r"[ \t]+(#[^\s#][^\n]*?)[ \t]*$")  # "#1", "#a": not "# ghi chú"
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")


def dotted(path: Path_) -> str:
    """A data path as users read it: ``tasks[3].lead``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@dataclass
class _Frame:
    value: dict | list
    path: Path_
    span: Span
    anchor: str | None
    first_node: int  # node count when the collection opened
    is_key: bool = False
    key: Any = None  # a mapping's pending key (None: the next value is a key)
    merges: list[tuple[dict, Span]] = field(default_factory=list)
    flow: bool = False  # a { } mapping
    key_end: tuple[int, int] | None = None  # where the pending key's text ends
    owner: Any = None  # in { }, the last key given a value with ":"


@dataclass
class Built:
    """The data of one document and what is known about where each part came from."""

    data: Any = None
    spans: dict[Path_, Span] = field(default_factory=dict)
    key_spans: dict[Path_, Span] = field(default_factory=dict)
    coercible: dict[Path_, str] = field(default_factory=dict)
    comma_split: dict[Path_, Path_] = field(default_factory=dict)
    """Keys with no ":" inside { } ("PBGDPL" in {unit: NC, PBGDPL}): most likely the rest of
    the text before them, cut at a comma; each maps to the path of the key whose value was cut."""
    flow_lists: set[Path_] = field(default_factory=set)
    """Lists written in [ ] on one line (a table row): a hint quotes an item there without
    the "- " of a list written one item per line."""


class Builder:
    """Consumes events of one YAML stream; the result is :attr:`built`."""

    def __init__(self, file: str, report: Reporter,
                 position: Callable[[int, int], tuple[int, int]],
                 lines: Sequence[str] = ()) -> None:
        """``lines`` are the lines of the text being parsed (to find escapes in scalars)."""
        self.file = file
        self.report = report
        self.position = position
        self.lines = lines
        self.built = Built()
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.nodes = 0
        self.documents = 0
        self.aliases = 0

    def span(self, mark: yaml.Mark) -> Span:
        """The file position of a PyYAML mark."""
        return Span(self.file, *self.position(mark.line, mark.column))

    def run(self, events: Iterable[yaml.Event]) -> Built:
        """Build from ``events``; PyYAML's own errors propagate to the caller."""
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                self.documents += 1
                if self.documents > 1:
                    self.report.error(
                        "yaml.multi-document", self.span(event.start_mark),
                        "Tệp chỉ được chứa một văn bản; dòng \"---\" ở đây bắt đầu văn bản thứ hai.",
                        'A file holds one document; this "---" starts a second one.',
                        hint="Hãy xóa dòng \"---\" hoặc tách thành tệp riêng.",
                        hint_en='Remove the "---" line or split the file.')
                    return self.built
            elif isinstance(event, yaml.ScalarEvent):
                self._scalar(event)
            elif isinstance(event, yaml.AliasEvent):
                self._alias(event)
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                self._open(event)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                self._close()
        return self.built

    # -- where the next value goes ------------------------------------------------------------

    def _next_path(self) -> tuple[Path_, bool]:
        """The path of the value about to be read, and whether it is a mapping key."""
        if not self.stack:
            return (), False
        top = self.stack[-1]
        if isinstance(top.value, list):
            return top.path + (len(top.value),), False
        if top.key is None:
            return top.path + ("<key>",), True
        return top.path + (top.key if top.key is not _SKIP else "<skipped>",), False

    def _count(self, n: int, span: Span) -> None:
        self.nodes += n
        if self.nodes > MAX_NODES:
            via = " sau khi khai triển các bí danh (*tên)" if self.aliases else ""
            via_en = " after expanding aliases" if self.aliases else ""
            raise VanbanError([Diagnostic(
                "yaml.too-many-nodes",
                f"Tệp có quá nhiều phần tử{via} (trên {MAX_NODES:,}); vanban không đọc tiếp."
                .replace(",", "."),
                span, message_en=f"Too many YAML values{via_en} (over {MAX_NODES:,}).")])

    def _attach(self, value: Any, span: Span, key_text: str | None = None) -> None:
        """Store ``value`` where the next value goes; ``key_text`` is its text if it may
        serve as a key (a scalar's source text, or an alias of a string)."""
        path, is_key = self._next_path()
        if not self.stack:
            self.built.data = value
            self.built.spans[()] = span
            return
        top = self.stack[-1]
        if isinstance(top.value, list):
            top.value.append(value)
        elif is_key:
            top.key = self._key(top, key_text, value, span)
            return
        else:
            if top.key is not _SKIP:
                top.value[top.key] = value
            top.key = None
        self.built.spans.setdefault(path, span)

    def _key(self, top: _Frame, text: str | None, value: Any, span: Span) -> Any:
        """The key under which the next value is stored (``_SKIP`` to read and drop it)."""
        path = top.path
        if text is None or (text == "" and value is None):
            if isinstance(value, (dict, list)):
                message = "Tên trường phải là chữ, không được là danh sách hay nhóm trường."
                english = "A key must be text, not a list or mapping."
            else:
                message, english = "Thiếu tên trường trước dấu \":\".", 'A key is missing before ":".'
            self.report.error("yaml.key", span, message, english, path=dotted(path))
            return _SKIP
        if text == "<<" and value is None:  # marked by _scalar: a plain "<<"
            self.built.key_spans[path + ("<<",)] = span
            return _MERGE
        if text in top.value:
            first = self.built.key_spans.get(path + (text,), span)
            self.report.error(
                "yaml.duplicate-key", span,
                f'Trường "{text}" bị lặp (đã có ở dòng {first.line}); YAML chỉ giữ giá trị sau '
                "cùng, nên hãy xóa một trong hai.",
                f'Duplicate key "{text}" (first at line {first.line}).',
                path=dotted(path + (text,)))
            return _SKIP
        self.built.key_spans[path + (text,)] = span
        return text

    # -- events -------------------------------------------------------------------------------

    def _check_tag(self, event: yaml.NodeEvent, span: Span) -> None:
        tag = getattr(event, "tag", None)
        if tag not in _ALLOWED_TAGS:
            tag = tag.replace("tag:yaml.org,2002:", "!!")
            self.report.error(
                "yaml.tag", span, f"Không dùng thẻ kiểu YAML \"{tag}\" trong kế hoạch.",
                f'YAML type tag "{tag}" is not allowed in a plan.',
                hint="Hãy xóa thẻ (phần bắt đầu bằng \"!\"); cần giữ nguyên chữ thì dùng ngoặc kép.",
                hint_en='Remove the tag (the part starting with "!"); quote text instead.')

    def _scalar(self, event: yaml.ScalarEvent) -> None:
        span = self.span(event.start_mark)
        self._count(1, span)
        self._check_tag(event, span)
        plain = not event.style and event.tag is None  # libyaml says '', PyYAML None
        text = self._unescaped(event, span) if event.style == '"' else event.value
        value = plain_value(text) if plain else text
        path, is_key = self._next_path()
        if is_key:
            # Keys are always their text; None marks the plain forms "" and "<<" for _key.
            merge_or_empty = plain and text in ("", "<<")
            self._attach(None if merge_or_empty else text, span, text)
            if self.stack:
                self.stack[-1].key_end = (event.end_mark.line, event.end_mark.column)
            return
        self._comma_split(event, path, plain)
        if not event.style and event.value:
            self._hash_after(event, path)
        if plain:
            kind = yaml_type(event.value)
            if kind is not None:
                self.built.coercible[path] = kind
        if event.anchor:
            self.anchors[event.anchor] = (value, 1)
        self._attach(value, span)

    def _comma_split(self, event: yaml.ScalarEvent, path: Path_, plain: bool) -> None:
        """Note a key of a { } mapping written without ":" (its empty value starts where the
        key ends), and which key's text the comma before it cut."""
        top = self.stack[-1] if self.stack else None
        if top is None or not top.flow or isinstance(top.value, list):
            return
        start = (event.start_mark.line, event.start_mark.column)
        if plain and event.value == "" and start == top.key_end:
            if top.owner is not None:
                self.built.comma_split[path] = top.owner
        else:
            top.owner = path

    def _hash_after(self, event: yaml.ScalarEvent, path: Path_) -> None:
        """Warn about a comment glued to a plain value's text ("năm 2026 #1"): YAML drops it,
        but a "#" with no space after it is almost surely part of the text. A note written
        "# ghi chú" stays silent."""
        end = event.end_mark
        if end.line >= len(self.lines):
            return
        line = self.lines[end.line]
        if "#" not in line[end.column:]:  # the common case, without the regex
            return
        found = _GLUED_HASH.match(line, end.column)
        if found is None:
            return
        dropped = found.group(1)
        at = Span(self.file, *self.position(end.line, found.start(1)))
        whole = f"{event.value} {dropped}"
        shown = shorten(whole, keep_end=True)
        quoted = yaml_quoted(shown)
        self.report.warning(
            "yaml.hash-in-text", at,
            f"\"{dropped}\" sau giá trị bị YAML hiểu là ghi chú (vì có dấu cách trước \"#\") "
            "nên không được in.",
            f'"{dropped}" after the value is read by YAML as a comment (a space precedes "#") '
            "and is not printed.", path=dotted(path),
            hint=f"Nếu đó là nội dung, đặt cả giá trị trong ngoặc kép: {quoted}; nếu là ghi "
                 "chú, thêm dấu cách sau \"#\".",
            hint_en=f'If it is text, quote the whole value: {quoted}; if it is a note, put a '
                    'space after "#".')

    def _unescaped(self, event: yaml.ScalarEvent, span: Span) -> str:
        """The value of a double-quoted scalar after the checks of the file text."""
        return clean_value(event.value, self.report, self._escape_locator(event, span))

    def _escape_locator(self, event: yaml.ScalarEvent,
                        span: Span) -> Callable[[list[int]], list[Span]]:
        """Where characters of ``event.value`` were written: the escape that made each.

        The characters the checks ask about are not in the parsed text itself (it was cleaned),
        so each came from an escape: in order, each is matched to the next escape spelling it.
        One that matches no escape (a combining mark typed as such) is placed at the scalar.
        """

        def locate(indexes: list[int]) -> list[Span]:
            escapes = list(self._escapes(event))
            spans: list[Span] = []
            used = 0
            for index in indexes:
                ch = event.value[index]
                at = next((k for k in range(used, len(escapes)) if escapes[k][0] == ch), None)
                if at is None:
                    spans.append(span)
                    continue
                used = at + 1
                spans.append(Span(self.file, *self.position(escapes[at][1], escapes[at][2])))
            return spans

        return locate

    def _escapes(self, event: yaml.ScalarEvent) -> Iterable[tuple[str, int, int]]:
        """The escapes of a double-quoted scalar: (character made, 0-based line, column)."""
        start, end = event.start_mark, event.end_mark
        for number in range(start.line, min(end.line + 1, len(self.lines))):
            line = self.lines[number]
            first = start.column if number == start.line else 0
            last = end.column if number == end.line else len(line)
            for match in _ESCAPE.finditer(line, first, last):
                code = match.group(1)
                if len(code) > 1:  # x, u or U and hex digits
                    yield chr(int(code[1:], 16)), number, match.start()
                else:
                    yield yaml.scanner.Scanner.ESCAPE_REPLACEMENTS.get(code, ""), number, \
                        match.start()

    def _alias(self, event: yaml.AliasEvent) -> None:
        span = self.span(event.start_mark)
        if event.anchor not in self.anchors:
            self.report.error(
                "yaml.alias-unknown", span,
                f"Bí danh \"*{event.anchor}\" chưa được khai báo (cần \"&{event.anchor}\" ở trên).",
                f'Alias "*{event.anchor}" has no anchor "&{event.anchor}" before it.',
                hint="Nếu đây là chữ bắt đầu bằng \"*\", hãy đặt nó trong ngoặc kép.",
                hint_en='If this is text starting with "*", quote it.')
            self._attach(None, span, "")
            return
        value, size = self.anchors[event.anchor]
        self.aliases += 1
        self._count(size, span)
        self._attach(value, span, value if isinstance(value, str) else None)

    def _open(self, event: yaml.CollectionStartEvent) -> None:
        span = self.span(event.start_mark)
        self._count(1, span)
        self._check_tag(event, span)
        if len(self.stack) >= MAX_DEPTH:
            raise VanbanError([Diagnostic(
                "yaml.too-deep", f"Các mục lồng nhau quá sâu (trên {MAX_DEPTH} cấp).", span,
                message_en=f"Nesting is too deep (over {MAX_DEPTH} levels).")])
        path, is_key = self._next_path()
        value: dict | list = {} if isinstance(event, yaml.MappingStartEvent) else []
        if isinstance(value, list) and event.flow_style:
            self.built.flow_lists.add(path)
        self.stack.append(_Frame(value, path, span, event.anchor, self.nodes - 1, is_key,
                                 flow=bool(event.flow_style)))

    def _close(self) -> None:
        frame = self.stack.pop()
        if isinstance(frame.value, dict):
            self._merge(frame)
        if frame.anchor:
            self.anchors[frame.anchor] = (frame.value, self.nodes - frame.first_node)
        self._attach(frame.value, frame.span)

    def _merge(self, frame: _Frame) -> None:
        """Apply ``<<: *base`` merge keys: keys written in the mapping win over merged ones."""
        if _MERGE not in frame.value or not any(k is _MERGE for k in frame.value):
            return
        merged = frame.value.pop(_MERGE)
        sources = merged if isinstance(merged, list) else [merged]
        where = self.built.key_spans.pop(frame.path + ("<<",), frame.span)
        for source in sources:
            if not isinstance(source, dict):
                self.report.error("yaml.merge", where,
                                  "Sau \"<<:\" phải là bí danh của một nhóm trường (*tên).",
                                  'A "<<:" merge key needs an alias of a mapping.',
                                  path=dotted(frame.path))
                continue
            for key, value in source.items():
                if key not in frame.value:
                    frame.value[key] = value
                    self.built.key_spans.setdefault(frame.path + (key,), where)
                    self.built.spans.setdefault(frame.path + (key,), where)


class _MergeKey(str):
    """The ``<<`` merge key while its mapping is still open."""


_MERGE = _MergeKey("<<")
