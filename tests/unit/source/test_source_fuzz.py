"""Any text at all ends in data or located diagnostics, never in another exception."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vanban.errors import VanbanError
from vanban.source.encoding import detect, fix_encoding
from vanban.source.loader import load_text

SEED = "ten: Kế hoạch\nso: '087'\ntasks:\n  - id: t1\n    lead: Sở Tư pháp\n    items: [a, b]\n"
_ODD = st.sampled_from(list("\t\x00\x07\x85\u00a0\u00ad\u200b\u2028\ufeff\ufffe\ud800:-[]{}'\"&*!|>%@`#,?\n "))


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = SEED
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text = text[:at] + draw(st.text(_ODD, min_size=1, max_size=3)) + text[at:]
        else:
            text = text[:at] + text[at + draw(st.integers(1, 5)):]
    return text


def _check(text: str) -> None:
    try:
        loaded = load_text(text, "f.yaml")
    except VanbanError as exc:
        assert exc.diagnostics
        for d in exc.diagnostics:
            assert d.code and d.message and d.message_en
            assert d.span.file == "f.yaml"
    else:
        for d in loaded.warnings:
            assert d.span.line >= 1 and d.span.col >= 1


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_plans(text: str) -> None:
    _check(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text(text: str) -> None:
    _check(text)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_detect(raw: bytes) -> None:
    guess = detect(raw)
    try:
        fix_encoding(raw)
    except (ValueError, UnicodeDecodeError):
        assert guess.encoding in ("unknown", "utf-16-le", "utf-16-be")
