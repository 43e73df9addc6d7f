"""What a plain (unquoted) YAML scalar becomes, and what other YAML readers would make of it.

vanban types only a few plain scalars: decimal integers without a leading zero (``12``,
``-3``, ``1_000``), ``true``/``false`` and ``null``/``~``/empty. Everything else stays text, so
YAML 1.1 coercions never change what a clerk wrote. :func:`yaml_type` names the type that
PyYAML's own loaders (YAML 1.1) or a YAML 1.2 reader such as an editor's language server would
give the same plain scalar, so that the model can say "hãy đặt trong ngoặc kép".
"""

from __future__ import annotations

import re
from typing import Any

_INT = re.compile(r"[-+]?(?:0|[1-9][0-9_]*)")
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_NULL = frozenset({"null", "Null", "NULL", "~", ""})

# YAML 1.1 (PyYAML's resolver, plus the spec's y/n) and YAML 1.2 core schema forms.
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("null", re.compile(r"~|null|Null|NULL|")),
    ("bool", re.compile(r"y|Y|n|N|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE"
                        r"|on|On|ON|off|Off|OFF")),
    ("int", re.compile(r"[-+]?(?:0|[1-9][0-9_]*)")),
    ("octal", re.compile(r"[-+]?0[0-7_]+|0o[0-7]+")),
    ("hex", re.compile(r"[-+]?0x[0-9a-fA-F_]+")),
    ("binary", re.compile(r"[-+]?0b[0-1_]+")),
    ("int", re.compile(r"[-+]?[0-9]+")),  # "087": text in YAML 1.1, 87 in YAML 1.2
    ("sexagesimal", re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?")),
    ("float", re.compile(r"[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
                         r"|[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?[eE][-+]?[0-9]+"
                         r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")),
    ("timestamp", re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
                             r"(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?"
                             r"(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?")),
)


def plain_value(text: str) -> Any:
    """The value vanban gives a plain scalar: int, bool or None for the few typed forms, else
    the text unchanged."""
    if _INT.fullmatch(text):
        return int(text.replace("_", ""))
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if text in _NULL:
        return None
    return text


def yaml_type(text: str) -> str | None:
    """The type another YAML reader would give plain scalar ``text`` ("bool", "int", "octal",
    "hex", "binary", "sexagesimal", "float", "timestamp", "null"), or None for text.

    A lone "." is text everywhere, and so is anything that matches none of the patterns.
    """
    if text == ".":
        return None
    for kind, pattern in _KINDS:
        if pattern.fullmatch(text):
            return kind
    return None
