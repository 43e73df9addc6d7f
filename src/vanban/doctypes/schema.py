"""The JSON Schema an editor uses for the document files of a workspace (``vanban schema``).

One schema accepts every supported type: the value of ``type:`` chooses the model a file is
checked against (a file without ``type:`` is a Kế hoạch), so a single mapping of
``plans/**/*.yaml`` in VS Code checks Kế hoạch, Quyết định, Công văn and reports alike.
"""

from __future__ import annotations

from typing import Any

from vanban import doctypes

TITLE = "Văn bản vanban"
DESCRIPTION = (
    "Một văn bản mô tả bằng YAML; vanban dựng thành DOCX đúng thể thức Nghị định 30/2020/NĐ-CP. "
    "Trường type: chọn loại văn bản và các trường được phép (không ghi type: là Kế hoạch).")


def type_schema(key: str) -> dict[str, Any]:
    """The JSON Schema of the files of one type (``vanban schema --type KEY``)."""
    return doctypes.TYPES[key].model.model_json_schema()


def _groups() -> list[tuple[Any, list[str]]]:
    """The models of the supported types, each with the type keys it describes, in the order
    of the first key (sorted)."""
    groups: dict[int, tuple[Any, list[str]]] = {}
    for key in doctypes.supported():
        model = doctypes.TYPES[key].model
        groups.setdefault(id(model), (model, []))[1].append(key)
    return list(groups.values())


def combined_schema() -> dict[str, Any]:
    """One JSON Schema for a document file of any supported type, chosen by ``type:``.

    Each type's model sits in ``$defs``; an ``if``/``then`` per model applies it when ``type``
    is one of its keys (the default type's model also when ``type`` is absent). An unknown type
    fails on ``type`` itself, listing the supported ones."""
    from pydantic.json_schema import models_json_schema

    groups = _groups()
    refs, top = models_json_schema([(model, "validation") for model, _ in groups],
                                   ref_template="#/$defs/{model}")
    branches = []
    for model, keys in groups:
        when: dict[str, Any] = {"required": ["type"],
                                "properties": {"type": {"enum": keys}}}
        if doctypes.DEFAULT_TYPE in keys:
            when = {"anyOf": [{"not": {"required": ["type"]}}, when]}
        branches.append({"if": when, "then": refs[(model, "validation")]})
    supported = list(doctypes.supported())
    return {
        "title": TITLE,
        "description": DESCRIPTION,
        "type": "object",
        "properties": {"type": {
            "title": "type",
            "enum": supported,
            "default": doctypes.DEFAULT_TYPE,
            "description": ("Loại văn bản; không ghi là " + doctypes.DEFAULT_TYPE + " (Kế hoạch). "
                            "Các loại đang hỗ trợ: " + ", ".join(supported) + "."),
        }},
        "allOf": branches,
        "$defs": dict(sorted(top["$defs"].items())),
    }
