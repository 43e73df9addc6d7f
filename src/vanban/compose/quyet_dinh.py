"""Compose a Quyết định (Mẫu 1.1–1.3): the authority line, căn cứ, "Theo đề nghị …",
"QUYẾT ĐỊNH:", the articles "Điều N." with khoản and điểm restarting in each, and Nơi nhận
starting with "- Như Điều N;" for the article that names the executors."""

from __future__ import annotations

from vanban import numbering
from vanban.compose import frame
from vanban.compose.document import Document, Para, _Composer, framed
from vanban.contract import Kind
from vanban.resolve import Resolved
from vanban.rules import nd30


def executors_article(articles: tuple) -> int:
    """The number of the article that names who carries the decision out: the one marked
    ``executors``, else the last (rule pack: NHU_DIEU)."""
    marked = [i for i, a in enumerate(articles, 1) if a.executors]
    return marked[0] if marked else len(articles)


def compose_quyet_dinh(resolved: Resolved) -> Document:
    """The Quyết định to print; VanbanError with every problem when any is an error."""
    plan = resolved.plan
    c = _Composer(resolved)
    c.in_article = True
    body: list = []
    for a, article in enumerate(plan.articles, 1):
        body.append(Para(Kind.DIEU, article.article, numbering.article_label(a)))
        c.blocks(article.content, ("articles", a - 1, "content"), (), body)
    first = (f"{nd30.NHU_DIEU} {executors_article(plan.articles)}",)
    reference = nd30.ATTACHED_REF_LINE.format(
        number=nd30.number_and_code(plan.number, resolved.code), date=frame.date_words(plan),
        issuer=resolved.issuer.unit.name if resolved.issuer else "")
    # Căn cứ and "Theo đề nghị" are one list: each line ends with ";", the very last with ".".
    lines = frame.can_cu(plan.can_cu + plan.proposal)
    n = len(plan.can_cu)
    return framed(c, body, first, can_cu=lines[:n], authority_line=plan.authority_line,
                  proposal=lines[n:], decision_word=nd30.DECISION_WORD,
                  attach_reference=reference)
