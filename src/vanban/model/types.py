"""Small value types shared by the plan and registry models."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, Strict, WithJsonSchema
from pydantic_core import CoreSchema, PydanticCustomError
from pydantic_core import core_schema as cs


class _Core:
    """A value type's pydantic core schema, given as it is: the very schema that ``Strict()``
    and ``StringConstraints(...)`` give (a test compares them), without pydantic reading those
    annotations again for each of the many fields of the type (~a quarter of the time a plan's
    validator takes to build). Validation, errors and the JSON Schema follow the core schema
    alone, so they are the same."""

    __slots__ = ("_make",)

    def __init__(self, make: Callable[[], CoreSchema]) -> None:
        self._make = make

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> CoreSchema:
        return self._make()  # a new dict for each field: pydantic may add to a field's schema

    def __repr__(self) -> str:
        return repr(self._make())


Text = Annotated[str, _Core(lambda: cs.str_schema(strict=True, strip_whitespace=True,
                                                  min_length=1))]
"""Non-empty text, printed exactly as written (the loader has already normalised it to NFC)."""

Slug = Annotated[str, _Core(lambda: cs.str_schema(strict=True, pattern=r"^[a-z0-9][a-z0-9-]*$",
                                                  max_length=64))]
"""A stable identifier: lower-case ASCII letters, digits and hyphens (``tap-huan-2024``)."""


def as_tuple(value: Any) -> Any:
    """One value or a list of them, as a tuple (YAML lets a clerk write either)."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(value)
    return value


UnitList = Annotated[
    tuple[Text, ...], BeforeValidator(as_tuple),
    WithJsonSchema({"anyOf": [{"type": "string", "minLength": 1},
                              {"type": "array", "items": {"type": "string", "minLength": 1}}]})]
"""One unit reference or a list of them."""


def _timeline(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        return f"năm {value}"
    return value


Timeline = Annotated[Text, BeforeValidator(_timeline),
                     WithJsonSchema({"anyOf": [{"type": "string", "minLength": 1},
                                               {"type": "integer"}]})]
"""Free text such as "năm 2024"; a bare year 2024 is read as "năm 2024"."""


YEARS = (1945, 2100)
"""The years a document may carry (the Republic's first documents … a sane future)."""


def _iso_date(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("date-type", "Ngày phải viết dạng YYYY-MM-DD, ví dụ 2024-01-16.")
    try:
        date = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise PydanticCustomError(
            "date-invalid",
            "Ngày \"{value}\" không hợp lệ; viết dạng YYYY-MM-DD, ví dụ 2024-01-16 (và ngày phải có "
            "thật trong lịch).", {"value": value}) from None
    if not YEARS[0] <= date.year <= YEARS[1]:
        raise PydanticCustomError(
            "date-range", "Năm {year} nằm ngoài khoảng {lo}–{hi}; kiểm tra lại năm ban hành.",
            {"year": date.year, "lo": YEARS[0], "hi": YEARS[1]})
    return date


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date),
                    WithJsonSchema({"type": "string", "format": "date"})]
"""A date written in ISO form in YAML (``2024-01-16``) and printed the Decree-30 way."""

Year = Annotated[int, Strict(), Field(ge=YEARS[0], le=YEARS[1])]

Int = Annotated[int, Strict()]  # (fields add ge/le to it: left to pydantic)
def _number(value: Any) -> Any:
    """92, 92.5, or the text "92.5" / "92,5" (YAML keeps a decimal as text) → a number."""
    if isinstance(value, str):
        text = value.strip().replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            raise PydanticCustomError("number-type", "Giá trị phải là một số, ví dụ 90 hoặc 92.5."
                                      ) from None
        return int(number) if number.is_integer() and "." not in text else number
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise PydanticCustomError("number-type", "Giá trị phải là một số, ví dụ 90 hoặc 92.5.")
    return value


Number = Annotated[float, BeforeValidator(_number), WithJsonSchema({"type": ["number", "string"]})]
Bool = Annotated[bool, _Core(lambda: cs.bool_schema(strict=True))]
Word = Annotated[str, _Core(lambda: cs.str_schema(strict=True))]
