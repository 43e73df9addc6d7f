"""Turn pydantic validation errors into located Vietnamese diagnostics."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from vanban.errors import Diagnostic, Severity
from vanban.source import Loaded


def dotted(path: tuple) -> str:
    """("tasks", 3, "lead") → "tasks[3].lead"."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _data_path(loc: tuple) -> tuple:
    # Tagged-union members appear in loc as "<kind>"; they are not keys of the YAML data.
    return tuple(p for p in loc if not (isinstance(p, str) and p.startswith("<")))


def _fields_of(model: type[BaseModel], loc: tuple) -> list[str]:
    """Field names allowed at the mapping that holds ``loc`` (for "did you mean")."""
    from vanban.model import blocks

    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, str) and part.startswith("<"):
            kind = part[1:-1]
            current = {"paragraph": blocks.Paragraph, "bullets": blocks.Bullets,
                       "target": blocks.Target, "task": blocks.Task, "item": blocks.Item,
                       "numbered": blocks.Numbered, "unit": blocks.UnitDuty}.get(kind)
            continue
        if isinstance(part, int) or current is None:
            continue
        field = getattr(current, "model_fields", {}).get(part)
        current = _inner_model(field.annotation) if field else None
    return list(getattr(current, "model_fields", {}) or [])


def _inner_model(annotation: Any) -> Any:
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


_MESSAGES = {
    "missing": ('Thiếu trường bắt buộc "{field}".', 'Missing required field "{field}".'),
    "extra_forbidden": ('Trường "{field}" không có trong mẫu kế hoạch.',
                        'Unknown field "{field}".'),
    "string_type": ("Giá trị phải là chữ; hãy đặt nó trong ngoặc kép.",
                    "The value must be text; put it in quotes."),
    "int_type": ("Giá trị phải là số nguyên, ví dụ 87.", "The value must be a whole number."),
    "int_parsing": ("Giá trị phải là số nguyên, ví dụ 87.", "The value must be a whole number."),
    "bool_type": ("Giá trị phải là true hoặc false.", "The value must be true or false."),
    "float_type": ("Giá trị phải là số.", "The value must be a number."),
    "tuple_type": ("Giá trị phải là một danh sách (mỗi dòng bắt đầu bằng \"- \").",
                   "The value must be a list."),
    "dict_type": ("Giá trị phải là một nhóm trường (dạng khóa: giá trị).",
                  "The value must be a mapping."),
    "model_type": ("Giá trị phải là một nhóm trường (dạng khóa: giá trị).",
                   "The value must be a mapping."),
    "string_too_short": ("Giá trị không được để trống.", "The value must not be empty."),
    "too_short": ("Danh sách không được để trống.", "The list must not be empty."),
    "string_pattern_mismatch": ("Mã chỉ gồm chữ thường không dấu, số và dấu gạch nối, ví dụ "
                                "\"tap-huan-2024\".",
                                "An id is lower-case ASCII letters, digits and hyphens."),
    "greater_than_equal": ("Giá trị phải từ {ge} trở lên.", "The value must be at least {ge}."),
    "less_than_equal": ("Giá trị phải không quá {le}.", "The value must be at most {le}."),
    "literal_error": ("Giá trị phải là một trong: {expected}.",
                      "The value must be one of: {expected}."),
    "block-kind": ("Không rõ loại khối nội dung; khối phải bắt đầu bằng một trong các khóa: {kinds}.",
                   "Unknown block kind; a block starts with one of: {kinds}."),
}


def from_validation_error(exc: ValidationError, loaded: Loaded,
                          model: type[BaseModel]) -> list[Diagnostic]:
    """One diagnostic per pydantic error, located through the loader's source map."""
    out: list[Diagnostic] = []
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        path = _data_path(loc)
        kind = err["type"]
        ctx = {k: str(v) for k, v in (err.get("ctx") or {}).items()}
        field = str(path[-1]) if path else ""
        hint = hint_en = ""
        if kind == "extra_forbidden":
            span = loaded.span(path, key=True)
            allowed = _fields_of(model, loc)
            close = difflib.get_close_matches(field, allowed, n=1, cutoff=0.6)
            if close:
                hint, hint_en = f'Có phải "{close[0]}"?', f'Did you mean "{close[0]}"?'
        elif kind == "missing":
            span = loaded.span(path[:-1])
        else:
            span = loaded.span(path)
        if kind in _MESSAGES:
            vi, en = _MESSAGES[kind]
            vi = vi.format(field=field, **ctx) if "{" in vi else vi
            en = en.format(field=field, **ctx) if "{" in en else en
        else:  # our own PydanticCustomError messages are already Vietnamese
            vi, en = err["msg"], str((err.get("ctx") or {}).get("en", err["msg"]))
        if kind == "string_type" and isinstance(err.get("input"), (int, float, bool)):
            hint = "Số hoặc true/false được hiểu là dữ liệu khác chữ: đặt trong ngoặc kép."
        out.append(Diagnostic(f"schema.{kind.replace('_', '-')}", vi, span, dotted(path),
                              Severity.ERROR, en, hint, hint_en))
    return out
