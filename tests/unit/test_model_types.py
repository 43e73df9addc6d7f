"""The value types given by their core schema (``model.types._Core``) validate exactly as the
pydantic annotations they stand for: same core schema, same errors, same JSON Schema."""

from __future__ import annotations

from typing import Annotated

import pytest
from pydantic import Strict, StringConstraints, TypeAdapter, ValidationError

from vanban.model import types

SAME_AS = {
    "Text": Annotated[str, Strict(), StringConstraints(strip_whitespace=True, min_length=1)],
    "Slug": Annotated[str, Strict(), StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$",
                                                       max_length=64)],
    "Word": Annotated[str, Strict()],
    "Bool": Annotated[bool, Strict()],
}


@pytest.mark.parametrize("name", sorted(SAME_AS))
def test_a_type_given_by_its_core_schema_is_the_annotated_type(name):
    ours, theirs = TypeAdapter(getattr(types, name)), TypeAdapter(SAME_AS[name])
    assert ours.core_schema == theirs.core_schema
    assert ours.json_schema() == theirs.json_schema()
    for value in ("", "  ", " ok ", "tap-huan-2024", "A" * 65, 3, True, None, b"x"):
        results = []
        for adapter in (ours, theirs):
            try:
                results.append(adapter.validate_python(value))
            except ValidationError as exc:
                results.append(exc.errors(include_url=False))
        assert results[0] == results[1], value


def test_each_field_gets_a_schema_of_its_own():
    """pydantic may add to the schema of one field (a reference, a default): two fields of
    the type never share one dict."""
    text = types.Text.__metadata__[0]
    assert text.__get_pydantic_core_schema__(str, None) is not text.__get_pydantic_core_schema__(
        str, None)
