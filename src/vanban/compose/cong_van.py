"""Compose a Công văn (Mẫu 1.5): no type name, "V/v …" under the number, Kính gửi, a body of
paragraphs and numbered khoản, Nơi nhận starting with "- Như trên;"."""

from __future__ import annotations

from vanban.compose.document import Document, Para, _Composer, _sections, framed
from vanban.contract import Kind
from vanban.resolve import Resolved
from vanban.rules import nd30


def compose_cong_van(resolved: Resolved) -> Document:
    """The Công văn to print; VanbanError with every problem when any is an error."""
    plan = resolved.plan
    c = _Composer(resolved)
    body: list = [Para(Kind.DOAN, p) for p in plan.intro]
    c.blocks(plan.content, ("content",), (), body)
    _sections(c, plan.sections, ("sections",), body)
    return framed(c, body, v_v=f"{nd30.CONG_VAN_PREFIX} {nd30.TYPED_V_V.sub('', plan.title)}")
