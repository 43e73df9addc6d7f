"""Hints for schema errors whose generic wording would mislead a clerk: a document number,
a text cut at a comma inside { }, a list item written as bare text where a mapping belongs."""

from __future__ import annotations

import re
from typing import Any

from vanban.source.loader import Loaded
from vanban.source.syntax import shorten

NUMBER_KINDS = ("int_type", "int_parsing", "greater_than_equal", "less_than_equal")
_THOUSANDS = r"^\d{1,2}(?:[.,]\d{3})+$"  # compiled when a message first needs it


def number_message(value: Any) -> tuple[str, str, str, str]:
    """What is wrong with a document number (``number:``) that is not a whole number from 1:
    message, English message, hint, English hint. vanban prints the leading zero of a number
    under 10 itself (5 → "Số: 05/…"), so a typed one is never needed."""
    vi = "Số văn bản là số nguyên dương (từ 1 đến 99999), chỉ gồm chữ số."
    en = "The document number is a positive whole number (1 to 99999), digits only."
    raw = str(value).strip()
    signed = re.fullmatch(r"([-+]?)(\d+)", raw)
    if signed:
        sign, digits = signed.groups()
        number = int(digits)
        if number == 0:
            return (vi, en, "Văn bản chưa có số (dự thảo) thì ghi number: null.",
                    "A draft without a number has number: null.")
        if sign == "-":
            return (vi, en, f"Bỏ dấu trừ: number: {number}.",
                    f"Drop the minus sign: number: {number}.")
        if digits.startswith("0") and number < 10:
            hint = (f"Không gõ số 0 ở đầu: viết number: {number}, vanban tự in "
                    f"\"Số: {number:02d}/…\".")
            hint_en = (f"Do not type the leading zero: write number: {number}; vanban prints "
                       f"\"Số: {number:02d}/…\".")
            return vi, en, hint, hint_en
        if digits.startswith("0"):
            return (vi, en, f"Không gõ số 0 ở đầu: viết number: {number}.",
                    f"Do not type the leading zero: write number: {number}.")
        if isinstance(value, str):  # a quoted "5": text, not a number
            return (vi, en, f"Bỏ ngoặc kép: number: {number}.",
                    f"Remove the quotes: number: {number}.")
        return vi, en, "", ""  # too large: the message says the range
    if re.match(_THOUSANDS, raw):
        whole = re.sub(r"[.,]", "", raw)
        hint = f"Không dùng dấu chấm, dấu phẩy ngăn cách hàng nghìn: viết number: {whole}."
        return vi, en, hint, f"No thousands separator: write number: {whole}."
    return vi, en, "Ví dụ: number: 15.", "E.g. number: 15."


def comma_split_hint(loaded: Loaded, path: tuple) -> tuple[str, str]:
    """The fix for a key written without ":" inside { } (``{unit: NC, PBGDPL}``): the comma
    before it ended the text of the key before, so that text must be quoted ("" when ``path``
    is no such key)."""
    owner = loaded.comma_split.get(path)
    if owner is None:
        return "", ""
    value = value_at(loaded.data, owner)
    if not isinstance(value, str):
        return "", ""
    cut = [p[-1] for p, o in loaded.comma_split.items() if o == owner]
    whole = ", ".join([value, *map(str, cut)]).replace('"', '\\"')
    fix = f'{owner[-1]}: "{whole}"'
    return ((f"Trong {{ }} dấu phẩy ngăn cách các trường, nên chữ có dấu phẩy phải đặt trong "
            f"ngoặc kép: viết {fix}."),
            (f"Inside {{ }} a comma separates fields, so a text holding a comma must be quoted: "
            f"write {fix}."))


def value_at(data: Any, path: tuple) -> Any:
    """The value at ``path`` in loaded YAML data, or None when there is none."""
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


_ITEM_NOUNS = {"article": ("Điều", "article")}


def item_hint(model: Any, text: str) -> tuple[str, str]:
    """The fix for a list item written as bare text where a mapping belongs (``- Ban hành …``
    among articles): the mapping's first required field, with the clerk's own text."""
    fields = getattr(model, "model_fields", {}) or {}
    first = next((name for name, f in fields.items() if f.is_required()), None)
    if first is None:
        return "", ""
    noun, noun_en = _ITEM_NOUNS.get(first, ("mục", "item"))
    shown = shorten(text)
    return (f"Mỗi {noun} viết dạng \"- {first}: <nội dung {noun}>\": viết - {first}: {shown}",
            f"Each {noun_en} is written \"- {first}: <text>\": write - {first}: {shown}")
