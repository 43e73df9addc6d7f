"""mark_rows remembers the tables it has marked, so that two groups with the same rows mark two
tables; it remembered them by ``id()`` of lxml proxies, which are freed and whose ids are
reused: a second table was then taken for the first and not found (a report's appendix of
figures, after its targets table, was marked or not from one run to the next)."""

from __future__ import annotations

from lxml import etree

from vanban.ooxml.tracked_rows import RowGroup, mark_rows
from vanban.ooxml.tracked_runs import Revisions
from vanban.ooxml.xml import w

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _document(tables: list[list[tuple[str, ...]]]) -> etree._Element:
    body = "".join(
        "<w:tbl>" + "".join("<w:tr>" + "".join(f"<w:tc><w:p><w:r><w:t>{c}</w:t></w:r></w:p></w:tc>"
                                               for c in row) + "</w:tr>" for row in rows)
        + "</w:tbl><w:p/>" for rows in tables)
    return etree.fromstring(f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>')


def test_every_table_of_a_document_is_found_once_each():
    for _ in range(50):  # freed proxies' ids come back often, not always
        tables = [[("STT", f"Bảng {k}"), ("1", str(k))] for k in range(6)]
        root = _document(tables)
        revs = Revisions("A", "2026-01-01T00:00:00Z")
        used: set = set()
        found = [mark_rows(root, RowGroup([("1", str(k))], {0: {1: ()}}), revs, used)
                 for k in range(6)]
        assert found == [True] * 6
        assert len(list(root.iter(w("tbl")))) == 6
