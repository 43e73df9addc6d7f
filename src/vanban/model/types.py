"""Small value types shared by the plan and registry models."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, Strict, StringConstraints
from pydantic_core import PydanticCustomError

Text = Annotated[str, Strict(), StringConstraints(strip_whitespace=True, min_length=1)]
"""Non-empty text, printed exactly as written (the loader has already normalised it to NFC)."""

Slug = Annotated[str, Strict(), StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64)]
"""A stable identifier: lower-case ASCII letters, digits and hyphens (``tap-huan-2024``)."""


def _as_tuple(value: Any) -> Any:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(value)
    return value


UnitList = Annotated[tuple[Text, ...], BeforeValidator(_as_tuple)]
"""One unit reference or a list of them."""


def _timeline(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        return f"năm {value}"
    return value


Timeline = Annotated[Text, BeforeValidator(_timeline)]
"""Free text such as "năm 2024"; a bare year 2024 is read as "năm 2024"."""


def _iso_date(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("date-type", "Ngày phải viết dạng YYYY-MM-DD, ví dụ 2024-01-16.")
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise PydanticCustomError(
            "date-invalid",
            "Ngày \"{value}\" không hợp lệ; viết dạng YYYY-MM-DD, ví dụ 2024-01-16 (và ngày phải có "
            "thật trong lịch).", {"value": value}) from None


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
"""A date written in ISO form in YAML (``2024-01-16``) and printed the Decree-30 way."""

Year = Annotated[int, Strict(), Field(ge=1945, le=2100)]

Int = Annotated[int, Strict()]
Number = Annotated[int, Strict()] | Annotated[float, Strict()]
Bool = Annotated[bool, Strict()]
Word = Annotated[str, Strict()]
