"""Turn pydantic validation errors into located Vietnamese diagnostics."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

from pydantic import BaseModel, ValidationError

from vanban.errors import Diagnostic, Severity, VanbanError
from vanban.model.schema_hints import (
    NUMBER_KINDS,
    comma_split_hint,
    item_hint,
    number_message,
    value_at,
)
from vanban.source.loader import Loaded
from vanban.source.syntax import (
    WORD_QUOTES,
    WORD_QUOTES_HINT,
    WORD_QUOTES_HINT_EN,
    yaml_quoted,
)


def dotted(path: tuple) -> str:
    """("tasks", 3, "lead") → "tasks[3].lead"."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _data_path(loc: tuple, data: Any = None) -> tuple:
    # Tagged-union members appear in loc as "<kind>", and the alternatives of a plain union by
    # their type's name ("constrained-str", "Bullet"); neither is a key of the YAML data.
    return tuple(p for p, alt in zip(loc, _alternatives(loc, data)) if not alt)


_SCALARS = {"str", "constrained-str", "int", "constrained-int", "float", "bool", "none"}


def _is_alternative(part: object) -> bool:
    return isinstance(part, str) and (part.startswith("<") or part in _SCALARS
                                      or part[:1].isupper())


def _alternatives(loc: tuple, data: Any) -> list[bool]:
    """For each part of ``loc``, whether it names a union's alternative rather than a key of
    the data: a key the clerk wrote ("PBGDPL" in {unit: NC, PBGDPL}) is data even when it
    looks like a type's name."""
    flags: list[bool] = []
    current = data
    for part in loc:
        if isinstance(current, dict) and part in current:
            flags.append(False)
            current = current[part]
        elif isinstance(part, int):
            flags.append(False)
            ok = isinstance(current, (list, tuple)) and 0 <= part < len(current)
            current = current[part] if ok else None
        else:
            flags.append(_is_alternative(part))
            if not flags[-1]:
                current = None
    return flags


def _one_alternative(errors: list, loaded: Loaded) -> tuple[list, list[Diagnostic]]:
    """Of a union's alternatives (text, or a mapping such as a Bullet), keep the errors of the
    one the clerk wrote: a mapping is not told to be text, nor text to be a mapping. A block
    (target, task, …) written where only lines go is said so once, at its key."""
    from vanban.model import blocks

    kept, special, seen = [], [], set()
    for err in errors:
        loc = tuple(err["loc"])
        flags = _alternatives(loc, loaded.data)
        at = next((i for i, p in enumerate(loc) if flags[i] and not p.startswith("<") and i > 0),
                  None)
        if at is None:
            kept.append(err)
            continue
        where = _data_path(loc[:at], loaded.data)
        value = value_at(loaded.data, where)
        scalar_alt = loc[at] in _SCALARS
        if isinstance(value, dict):
            kind = next((k for k in value if k in blocks.BLOCK_MODELS), None)
            if kind is not None:
                if where not in seen:
                    seen.add(where)
                    special.append(Diagnostic(
                        "schema.block-here", f'Khối "{kind}" không đặt được ở đây (chỉ là một '
                        "dòng chữ, hoặc một dòng có các dòng cấp dưới).",
                        loaded.span(where + (kind,), key=True), dotted(where),
                        Severity.ERROR, f'A "{kind}" block cannot stand here (only a line of '
                        "text, or a line with sub-lines).",
                        "Đặt khối này thành một mục riêng trong content (cùng cấp với bullets)"
                        + (', hoặc ở cấp "+" (trong bullets của một dòng).'
                           if kind == "target" else "."),
                        "Make it an item of content of its own (beside bullets)"
                        + (', or a "+" sub-line.' if kind == "target" else ".")))
                continue
            if scalar_alt:
                continue
        elif isinstance(value, str) and not scalar_alt:
            continue
        kept.append(err)
    return kept, special


def _fields_of(model: type[BaseModel], loc: tuple) -> list[str]:
    """Field names allowed at the mapping that holds ``loc`` (for "did you mean")."""
    return list(getattr(_model_at(model, loc[:-1]), "model_fields", {}) or [])


def _model_at(model: type[BaseModel], loc: tuple) -> Any:
    """The model of the mapping at ``loc`` (None when none is known)."""
    from vanban.model import blocks

    current: Any = model
    for part in loc:
        if isinstance(part, str) and part.startswith("<"):
            current = blocks.BLOCK_MODELS.get(part[1:-1])
            continue
        if isinstance(part, int) or current is None:
            continue
        fields = getattr(current, "model_fields", {})
        if part not in fields:
            continue  # a key of a dict of models (units.<id>): same model below it
        current = _inner_model(fields[part].annotation)
    return current


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
    "extra_forbidden": ('Trường "{field}" không có trong mẫu {document}.',
                        'Unknown field "{field}".'),
    "string_too_long": ("Giá trị quá dài (tối đa {max_length} ký tự).",
                        "The value is too long (at most {max_length} characters)."),
    "string_unicode": ("Giá trị có ký tự không phải Unicode hợp lệ.",
                       "The value holds characters that are not valid Unicode."),
    "string_type": ("Giá trị phải là chữ; hãy đặt nó trong ngoặc kép.",
                    "The value must be text; put it in quotes."),
    "int_type": ("Giá trị phải là số nguyên (chỉ gồm chữ số).", "The value must be a whole number."),
    "int_parsing": ("Giá trị phải là số nguyên (chỉ gồm chữ số).",
                    "The value must be a whole number."),
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
    "string_pattern_mismatch": (("Mã chỉ gồm chữ thường không dấu, số và dấu gạch nối, ví dụ "
                                "\"tap-huan-2024\"."),
                                "An id is lower-case ASCII letters, digits and hyphens."),
    "greater_than_equal": ("Giá trị phải từ {ge} trở lên.", "The value must be at least {ge}."),
    "less_than_equal": ("Giá trị phải không quá {le}.", "The value must be at most {le}."),
    "literal_error": ("Giá trị phải là một trong: {expected}.",
                      "The value must be one of: {expected}."),
    "block-kind": ("Không rõ loại khối nội dung; khối phải bắt đầu bằng một trong các khóa: {kinds}.",
                   "Unknown block kind; a block starts with one of: {kinds}."),
}


def from_validation_error(exc: ValidationError, loaded: Loaded, model: type[BaseModel],
                          document: str = "kế hoạch") -> list[Diagnostic]:
    """One diagnostic per pydantic error, located through the loader's source map; ``document``
    names what the file is ("kế hoạch", "danh mục") in the messages."""
    out: list[Diagnostic] = []
    errors, special = _one_alternative(exc.errors(include_url=False), loaded)
    # pydantic adds "too short after validation" to a list whose every item failed: noise.
    errors = [e for e in errors if not (e["type"] == "too_short" and e.get("input"))]
    out.extend(special)
    renamed = _renamed_fields(errors, loaded, model)
    for err in errors:
        loc = tuple(err["loc"])
        path = _data_path(loc, loaded.data)
        kind = err["type"]
        ctx = {k: str(v) for k, v in (err.get("ctx") or {}).items()}
        field = str(path[-1]) if path else ""
        hint = hint_en = ""
        if kind == "missing" and path in renamed.values():
            continue  # the misspelt key of the same mapping is the cause: said there
        if kind == "extra_forbidden":
            span = loaded.span(path, key=True)
            allowed = _fields_of(model, loc)
            import difflib  # only to suggest a name: not paid by a plan without errors
            close = difflib.get_close_matches(field, allowed, n=1, cutoff=0.6)
            close = [renamed[path][-1]] if path in renamed else close
            if close:
                hint, hint_en = f'Có phải "{close[0]}"?', f'Did you mean "{close[0]}"?'
            elif path == ("content",) and "sections" in allowed:  # a letter's body form
                hint = ("Văn bản này chia thành mục: viết \"sections:\", rồi mỗi mục một dòng "
                        "\"- title: …\" (tiêu đề in hoa) và \"content:\" chứa các dòng như hiện "
                        "nay; content không chia mục chỉ dùng cho Công văn.")
                hint_en = ("This document has sections: write its body under sections, each "
                           "with a title; a body without sections is for a Công văn.")
            elif "<merged>" in loc:  # a merged table cell (model.blocks.SpanCell)
                hint = ("Ô gộp có các trường: text (nội dung), cols (số cột), rows (số dòng), "
                        "bold (in đậm: true).")
                hint_en = "A merged cell has: text, cols (columns), rows (rows), bold (true)."
        elif kind == "missing":
            span = loaded.span(path[:-1])
        else:
            span = loaded.span(path)
        if kind in _MESSAGES:
            vi, en = _MESSAGES[kind]
            vi = vi.format(field=field, document=document, **ctx) if "{" in vi else vi
            en = en.format(field=field, **ctx) if "{" in en else en
        elif "_" in kind:  # a pydantic error type with no Vietnamese text of ours
            vi, en = "Giá trị không hợp lệ.", err["msg"]
        else:  # our own PydanticCustomError messages are already Vietnamese
            vi, en = err["msg"], str((err.get("ctx") or {}).get("en", err["msg"]))
        if kind == "literal_error":
            vi = vi.replace(" or ", " hoặc ")
            choices = re.findall(r"'([^']*)'", ctx.get("expected", ""))
            import difflib  # only to suggest a name: not paid by a plan without errors
            close = difflib.get_close_matches(str(err.get("input")), choices, n=1, cutoff=0.5)
            if close:
                hint, hint_en = f'Có phải "{close[0]}"?', f'Did you mean "{close[0]}"?'
        if kind == "model_type" and isinstance(err.get("input"), str) and path \
                and isinstance(path[-1], int):
            hint, hint_en = item_hint(_model_at(model, loc), err["input"])
        if kind in ("date-invalid", "date-type"):
            vi, en, hint, hint_en = date_message(err.get("input"), vi, en)
        given = err.get("input")
        if path == ("number",) and kind in NUMBER_KINDS and not (
                isinstance(given, str) and "/" in given):
            vi, en, hint, hint_en = number_message(given)
        if field == "number" and isinstance(given, str) and "/" in given:
            digits = given.split("/")[0].strip()
            hint = (f"Chỉ ghi số ({digits or 'ví dụ 15'}); phần ký hiệu sau dấu \"/\" do vanban "
                    "tự ghép từ loại văn bản và cơ quan ban hành (muốn khác thì ghi ở code:).")
            hint_en = ("Write the number only; the code after \"/\" is derived from the type and "
                       "the issuer (set code: to override it).")
        if path in loaded.comma_split:  # {unit: NC, PBGDPL}: the comma is the cause
            hint, hint_en = comma_split_hint(loaded, path) if kind != "missing" else ("", "")
        coerced = loaded.coercible.get(path)
        if coerced and not hint and kind not in ("extra_forbidden", "missing", "bool_type"):
            hint, hint_en = coercion_hint(coerced, err.get("input"), kind)
        elif kind == "string_type" and isinstance(err.get("input"), dict) and err["input"]:
            key = str(next(iter(err["input"])))
            if key[:1] in WORD_QUOTES + "\"'" or key[-1:] in WORD_QUOTES:
                hint, hint_en = WORD_QUOTES_HINT, WORD_QUOTES_HINT_EN
            elif key.casefold().startswith("lưu"):
                hint = ("Dòng \"Lưu: VT, …\" do khóa archive tạo ra: xóa dòng này và ghi "
                        "archive: {unit: <viết tắt đơn vị soạn thảo>}.")
                hint_en = 'The "Lưu: VT" line comes from archive: remove it and use archive.'
            else:
                hint = (f'Dòng có dấu ":" sau "{key}" nên YAML hiểu thành "khóa: giá trị"; đặt cả '
                        "dòng trong ngoặc kép.")
                hint_en = 'A ":" made YAML read this line as "key: value"; quote the whole line.'
        elif kind == "string_type" and isinstance(err.get("input"), (int, float, bool)):
            hint = "Số hoặc true/false được hiểu là dữ liệu khác chữ: đặt trong ngoặc kép."
            hint_en = "Numbers and true/false are not text: put the value in quotes."
        elif kind == "bool_type":  # a yes/no field: quoting is not the cure, true/false is
            hint = "Viết true (có) hoặc false (không), không đặt trong ngoặc kép."
            hint_en = "Write true or false, unquoted."
        elif kind == "string_type" and isinstance(err.get("input"), (list, tuple)):
            hint = ("Ở đây chỉ nhận một đoạn chữ, không nhận danh sách: viết các ý thành một "
                    "dòng, không dùng [ ] hay các dòng \"- \".")
            hint_en = "One text is expected here, not a list: write it as one line."
        if kind == "missing" and not hint and len(path) == 1 and field in MISSING_EXAMPLES:
            hint, hint_en = MISSING_EXAMPLES[field]
        line, at = None, path
        if kind in ("block-kind", "string_type"):
            line = _colon_in_text(loaded, path)
        elif kind == "extra_forbidden":
            line, at = _colon_in_text(loaded, path[:-1]), path[:-1]
        if line is not None and not line[0].casefold().startswith("lưu"):
            vi, en, hint, hint_en = _colon_message(*line, at[:-1] in loaded.flow_lists)
            path = at  # the line, not the key YAML made of its first words
        out.append(Diagnostic(f"schema.{kind.replace('_', '-')}", vi, span, dotted(path),
                              Severity.ERROR, en, hint, hint_en))
    return sorted(out, key=lambda d: (d.span.line, d.span.col))


# What a missing top-level field looks like when written (a line the clerk can copy).
MISSING_EXAMPLES = {
    "issuer": ("Ví dụ: issuer: ubnd-tinh (mã cơ quan ban hành trong _shared/don-vi.yaml).",
               "E.g. issuer: ubnd-tinh (the issuer's code in _shared/don-vi.yaml)."),
    "title": ("Ví dụ: title: Triển khai công tác hòa giải ở cơ sở năm 2026",
              "E.g. title: <the summary (trích yếu)>"),
    "archive": (("Ví dụ: archive: {unit: NC} → in dòng \"- Lưu: VT, NC.\" (viết tắt đơn vị soạn "
                "thảo)."), 'E.g. archive: {unit: NC} → "- Lưu: VT, NC." (the drafting unit).'),
    "signature": (("Ví dụ: signature: {position: GIÁM ĐỐC, signer: <mã người ký trong "
                  "_shared/nguoi-ky.yaml>}"), "E.g. signature: {position: GIÁM ĐỐC, signer: <id>}"),
    "kinh_gui": ("Ví dụ: kinh_gui: [UBND các xã, phường] (mỗi nơi một phần tử).",
                 "E.g. kinh_gui: [UBND các xã, phường] (one addressee per item)."),
    "authority_line": ("Ví dụ: authority_line: CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …",
                       "E.g. authority_line: CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …"),
    "articles": ("Ví dụ: articles: rồi mỗi Điều một dòng \"- article: <nội dung Điều>\".",
                 'E.g. articles: then one "- article: <text>" line per article.'),
}

_FIELD_NAME = r"[a-z_][a-z0-9_]*\Z"  # (patterns of messages: compiled when first used)


def _colon_in_text(loaded: Loaded, path: tuple) -> tuple[str, str] | None:
    """(key, value) when the mapping at ``path`` is one line of text that YAML split at its
    ": " (``- Mục tiêu: nâng cao …``): one key that no field could be called, its text value
    on the same line."""
    node = value_at(loaded.data, path)
    if not isinstance(node, dict) or len(node) != 1:
        return None
    ((key, value),) = node.items()
    if not isinstance(key, str) or re.match(_FIELD_NAME, key) or not isinstance(value, str):
        return None
    if loaded.span(path + (key,), key=True).line != loaded.span(path + (key,)).line:
        return None
    return key, value


def _colon_message(key: str, value: str, in_row: bool = False) -> tuple[str, str, str, str]:
    """The message and hint for a line of text YAML read as "key: value" (``in_row``: an item
    of a list written in [ ], such as a table row's cell)."""
    vi = (f'Dòng có dấu ":" sau "{key}" nên YAML hiểu thành "khóa: giá trị", không phải một '
          "đoạn chữ.")
    en = f'The ":" after "{key}" made YAML read this line as "key: value", not as text.'
    if key[:1] in WORD_QUOTES or value[-1:] in WORD_QUOTES:
        return vi, en, WORD_QUOTES_HINT, WORD_QUOTES_HINT_EN
    quoted = yaml_quoted(f"{key}: {value}")
    if in_row:
        return ((f'Có dấu ":" sau "{key}" nên YAML hiểu phần tử này thành "khóa: giá trị", '
                 "không phải một đoạn chữ."),
                f'The ":" after "{key}" made YAML read this item as "key: value", not as text.',
                f"Đặt phần tử đó trong ngoặc kép: {quoted}", f"Quote that item: {quoted}")
    return (vi, en, f"Đặt cả dòng trong ngoặc kép: - {quoted}",
            f"Quote the whole line: - {quoted}")


def _renamed_fields(errors: list, loaded: Loaded, model: type[BaseModel]) -> dict[tuple, tuple]:
    """Unknown keys that stand for a missing field of their mapping: a misspelling of it
    ("timline"), or (``- text: …`` where an article is ``- article: …``) the only unknown key,
    written first where the missing leading field goes. The unknown key's path → the missing
    field's path; the key is the cause and "missing" at the same mapping its follow-on."""
    unknown: dict[tuple, list[tuple]] = {}
    missing: dict[tuple, list[tuple]] = {}
    lead: dict[tuple, str | None] = {}
    for err in errors:
        loc = tuple(err["loc"])
        path = _data_path(loc, loaded.data)
        if err["type"] == "extra_forbidden":
            unknown.setdefault(path[:-1], []).append(path)
        elif err["type"] == "missing":
            missing.setdefault(path[:-1], []).append(path)
            fields = list(getattr(_model_at(model, loc[:-1]), "model_fields", {}) or [])
            lead[path[:-1]] = fields[0] if fields else None
    out = {}
    for at, keys in unknown.items():
        gone = missing.get(at, [])
        for key in keys:  # a misspelt field ("timline"): its "missing" is the follow-on
            import difflib  # only to suggest a name: not paid by a plan without errors
            close = difflib.get_close_matches(str(key[-1]), [str(g[-1]) for g in gone], n=1,
                                              cutoff=0.6)
            out.update({key: at + (close[0],)} if close else {})
        mapping = value_at(loaded.data, at)
        if len(keys) == 1 and len(gone) == 1 and gone[0][-1] == lead.get(at) \
                and isinstance(mapping, dict) and next(iter(mapping), None) == keys[0][-1]:
            out[keys[0]] = gone[0]
    return out


def _raw(value: Any) -> str:
    """``value`` as it was written in YAML (True → true, None → null)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def coercion_hint(coerced: str, value: Any, kind: str) -> tuple[str, str]:
    """Why a plain scalar another YAML reader would type failed here, and how to write it."""
    raw = _raw(value)
    wants_number = kind in ("int_type", "int_parsing", "float_type", "greater_than_equal",
                            "less_than_equal")
    if coerced in ("int", "octal", "hex", "binary", "sexagesimal") and wants_number:
        digits = raw.lstrip("0") or "0"
        if raw == digits and isinstance(value, int):  # read as a number: nothing to add
            return "", ""
        if raw.isdigit():  # 015 is octal to YAML 1.1, 087 a string: both mean 15 and 87
            return (f"Số {raw} có số 0 ở đầu nên không được đọc là số: viết {digits}.",
                    f"{raw} has a leading zero and is not read as a number: write {digits}.")
        return (f"\"{raw}\" không phải số thập phân thông thường: viết bằng chữ số 0–9.",
                f'"{raw}" is not a plain decimal number: write digits without a leading zero.')
    if coerced == "bool" and not wants_number:
        return (f"Giá trị {raw} bị hiểu là đúng/sai; hãy đặt trong ngoặc kép: \"{raw}\".",
                f'{raw} is read as true/false; if it is text, quote it: "{raw}".')
    if coerced == "null":
        return ("Giá trị để trống (hoặc null, ~) bị hiểu là \"không có\"; hãy điền nội dung.",
                'An empty value (or null, ~) means "nothing"; fill it in, or quote it.')
    if coerced == "timestamp" and wants_number:
        return (f"\"{raw}\" là một ngày; ở đây cần một số, ví dụ 2024.",
                f'"{raw}" is a date; a number is needed here, e.g. 2024.')
    if isinstance(value, (int, float)):
        return (f"Số {raw} bị hiểu là số, không phải chữ; hãy đặt trong ngoặc kép: \"{raw}\".",
                f'{raw} is read as a number; quote it: "{raw}".')
    return "", ""


_ISO = r"^(\d{4})-(\d{1,2})-(\d{1,2})$"
_DMY = r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$"


def date_message(value: Any, vi: str, en: str) -> tuple[str, str, str, str]:
    """A message that says what is wrong with a date: no such day or month, or another form."""
    text = _raw(value).strip()
    iso = re.match(_ISO, text)
    dmy = re.match(_DMY, text)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    elif dmy:
        day, month, year = (int(g) for g in dmy.groups())
    else:
        return vi, en, "Ví dụ: date: 2024-01-16", "E.g. date: 2024-01-16"
    if not 1 <= month <= 12:
        return (f"Ngày \"{text}\" không hợp lệ: không có tháng {month} (tháng từ 1 đến 12).",
                f'"{text}" is not a date: there is no month {month}.',
                "Viết dạng YYYY-MM-DD, ví dụ 2024-01-16.", "Write YYYY-MM-DD, e.g. 2024-01-16.")
    if not 1 <= year <= 9999:
        return (f"Ngày \"{text}\" không hợp lệ: không có năm {year}.",
                f'"{text}" is not a date: there is no year {year}.',
                "Viết dạng YYYY-MM-DD, ví dụ 2024-01-16.", "Write YYYY-MM-DD, e.g. 2024-01-16.")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        vi = f"Ngày \"{text}\" không có trong lịch: tháng {month} năm {year} chỉ có {last} ngày."
        return (vi, f'"{text}" is not a real date: month {month} of {year} has {last} days.',
                "Sửa lại ngày cho đúng.", "Fix the day.")
    right = dt.date(year, month, day).isoformat()
    return (f"Ngày \"{text}\" viết sai dạng: ngày viết theo dạng năm-tháng-ngày (YYYY-MM-DD).",
            f'"{text}" is not written YYYY-MM-DD.', f"Có phải \"{right}\"?",
            f'Did you mean "{right}"?')


def type_unsupported(key: object, loaded: Loaded) -> VanbanError:
    """The error of a file whose ``type:`` vanban does not build, listing the types it does
    (never a guess at another type); the file's warnings come first."""
    from vanban.rules import nd30

    shown = ", ".join(nd30.BUILT_TYPES)
    return VanbanError(loaded.warnings + [Diagnostic(
        "plan.type-unsupported", f'Loại văn bản "{key}" chưa được hỗ trợ. Các loại đang hỗ '
        f"trợ: {shown}.", loaded.span(("type",)), "type",
        message_en=f'The document type "{key}" is not supported yet. Supported: {shown}.')])

