"""The rule under an issuing body whose name takes two lines ("ỦY BAN NHÂN DÂN" / "XÃ TÂN LẬP",
a commune since the 2025 reform): the build sizes it from the longer line, and the checker
measures it against the same line; a clerk's commune documents failed their own check."""

from __future__ import annotations

import io
import re
import zipfile

from tests.unit.test_compose import PLAN, REGISTRY, _compose
from tests.unit.test_footnotes import ROOT

from vanban.check.api import check_docx
from vanban.pipeline import find_template
from vanban.render.docx import render

COMMUNE = REGISTRY.replace("header: [ỦY BAN NHÂN DÂN, TỈNH QUẢNG BÌNH]",
                           "header: [ỦY BAN NHÂN DÂN, XÃ TÂN LẬP]")


def test_a_commune_document_passes_the_rule_under_its_two_line_name(tmp_path):
    assert COMMUNE != REGISTRY
    doc = _compose(tmp_path, PLAN, COMMUNE)
    assert doc.issuer_lines == ("ỦY BAN NHÂN DÂN", "XÃ TÂN LẬP")
    findings = check_docx(render(doc, find_template(doc.type_key, ROOT)))
    assert [f.rule for f in findings if f.rule.startswith("ND30-ISSUER")] == []


def test_a_rule_sized_for_the_short_line_alone_is_still_too_short(tmp_path):
    """The block is the name's lines only: a rule of a third of "XÃ TÂN LẬP" is under a third
    of "ỦY BAN NHÂN DÂN"."""
    doc = _compose(tmp_path, PLAN, COMMUNE)
    data = render(doc, find_template(doc.type_key, ROOT))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    # the issuer's rule paragraph is indented to size its border: make it much shorter
    style = "VBKeCoQuan"
    assert style in xml
    at = xml.index(style)
    ind = re.compile(r'<w:ind w:left="(\d+)" w:right="(\d+)"')
    m = ind.search(xml, at)
    left = int(m.group(1)) + 300
    xml = xml[:m.start()] + f'<w:ind w:left="{left}" w:right="{left}"' + xml[m.end():]
    parts["word/document.xml"] = xml.encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, content in parts.items():
            z.writestr(name, content)
    findings = check_docx(out.getvalue())
    assert [f.rule for f in findings if f.rule == "ND30-ISSUER-RULE"] == ["ND30-ISSUER-RULE"]
