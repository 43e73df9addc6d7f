"""The footnote mark on the last body paragraph stands right after the words it annotates and
the end-of-body mark "./." comes after it, last ("…năm 2026¹./.", not "…năm 2026./.¹"), in
every document type: read back from the rendered DOCX, run by run."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from tests.unit.test_compose_types import _resolved
from tests.unit.test_footnotes import W, _runs

from vanban import doctypes
from vanban.pipeline import find_template
from vanban.render.docx import render

ROOT = Path(__file__).resolve().parents[2]
NOTE = "Theo Công văn số 120/BTP-PBGDPL của Bộ Tư pháp."

CONG_VAN = """\
type: cong-van
issuer: so-tu-phap
drafter: pbgdpl
number: 3
date: 2026-02-03
title: triển khai Kế hoạch hòa giải ở cơ sở năm 2026
kinh_gui: Ủy ban nhân dân các xã, phường, đặc khu
content:
  - numbered: Xây dựng kế hoạch của địa phương.
  - numbered: Báo cáo kết quả thực hiện trước ngày 25 tháng 11 năm 2026.
    footnote: {note}
signature: {{position: GIÁM ĐỐC, signer: Lê Văn C}}
"""

KE_HOACH = """\
type: ke-hoach
issuer: ubnd-tinh
number: 5
date: 2026-02-03
title: Thử nghiệm
sections:
  - title: TỔ CHỨC THỰC HIỆN
    content:
      - paragraph: Các đơn vị báo cáo kết quả trước ngày 25 tháng 11 năm 2026.
        footnote: {note}
recipients: [Bộ Tư pháp]
archive: {{unit: STP}}
signature: {{on_behalf_of: ỦY BAN NHÂN DÂN, authority: KT., head: CHỦ TỊCH, signer: ky}}
"""

TO_TRINH = """\
type: to-trinh
issuer: so-tu-phap
number: 8
date: 2026-02-03
title: Về việc ban hành Kế hoạch
kinh_gui: Ủy ban nhân dân tỉnh Quảng Bình
sections:
  - title: NỘI DUNG
    content:
      - bullets:
          - Dòng đầu;
          - text: Báo cáo kết quả trước ngày 25 tháng 11 năm 2026.
            footnote: {note}
recipients: [Như trên]
archive: {{unit: STP}}
signature: {{position: GIÁM ĐỐC, signer: Lê Văn C}}
"""

QUYET_DINH = """\
type: quyet-dinh
issuer: ubnd-tinh
number: 7
date: 2026-02-03
title: Về việc thành lập Tổ công tác
authority_line: CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH
can_cu: [Căn cứ Luật Tổ chức chính quyền địa phương]
articles:
  - article: Quyết định có hiệu lực kể từ ngày ký.
  - article: Các đơn vị có trách nhiệm
    content:
      - numbered: Thi hành Quyết định này.
      - numbered: Báo cáo kết quả trước ngày 25 tháng 11 năm 2026.
        footnote: {note}
recipients: [Bộ Tư pháp]
archive: {{unit: NCVX}}
signature: {{authority: KT., head: CHỦ TỊCH, signer: ky}}
"""


def _body_paragraphs(tmp_path: Path, plan: str) -> list:
    resolved = _resolved(tmp_path, plan.format(note=NOTE))
    kind = doctypes.lookup(resolved.plan.type)
    doc = kind.compose(resolved)
    data = render(doc, find_template(kind.key, ROOT), contract=kind.contract)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
        notes = etree.fromstring(z.read("word/footnotes.xml"))
    note_texts = {n.get(f"{W}id"): "".join(t.text or "" for t in n.iter(f"{W}t")).strip()
                  for n in notes.findall(f"{W}footnote") if n.get(f"{W}type") is None}
    assert note_texts == {"1": NOTE}
    return [p for p in root.iter(f"{W}p") if p.find(f".//{W}footnoteReference") is not None]


@pytest.mark.parametrize("plan, before", [
    (CONG_VAN, "2. Báo cáo kết quả thực hiện trước ngày 25 tháng 11 năm 2026"),
    (KE_HOACH, "Các đơn vị báo cáo kết quả trước ngày 25 tháng 11 năm 2026"),
    (TO_TRINH, "- Báo cáo kết quả trước ngày 25 tháng 11 năm 2026"),
    (QUYET_DINH, "2. Báo cáo kết quả trước ngày 25 tháng 11 năm 2026"),
], ids=["cong-van", "ke-hoach", "to-trinh", "quyet-dinh"])
def test_the_end_mark_follows_the_footnote_mark(tmp_path, plan, before):
    (marked,) = _body_paragraphs(tmp_path, plan)
    # One "." only: the sentence's full stop is the first character of "./.".
    assert _runs(marked) == [before, "[^1]", "./."]


def test_a_footnote_before_the_last_paragraph_keeps_its_full_stop(tmp_path):
    plan = CONG_VAN.replace(
        "  - numbered: Xây dựng kế hoạch của địa phương.\n"
        "  - numbered: Báo cáo kết quả thực hiện trước ngày 25 tháng 11 năm 2026.\n"
        "    footnote: {note}\n",
        "  - numbered: Xây dựng kế hoạch của địa phương.\n"
        "    footnote: {note}\n"
        "  - numbered: Báo cáo kết quả thực hiện trước ngày 25 tháng 11 năm 2026.\n")
    (marked,) = _body_paragraphs(tmp_path, plan)
    assert _runs(marked) == ["1. Xây dựng kế hoạch của địa phương.", "[^1]"]


def _tracked(tmp_path, monkeypatch, old: str, new: str) -> etree._Element:
    """The document part of ``compare --tracked`` between two Công văn plans."""
    from click.testing import CliRunner
    from tests.unit.test_compose_types import REGISTRY

    from vanban.cli import main
    (tmp_path / "_shared").mkdir()
    (tmp_path / "_shared" / "don-vi.yaml").write_text(REGISTRY, encoding="utf-8")
    (tmp_path / "old.yaml").write_text(old, encoding="utf-8")
    (tmp_path / "new.yaml").write_text(new, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["compare", "--tracked", "old.yaml", "new.yaml", "-o",
                                       "t.docx", "--author", "A", "--date", "2026-02-04"])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(tmp_path / "t.docx") as z:
        return etree.fromstring(z.read("word/document.xml"))


def _pieces(p) -> list[str]:
    """Each run's text, "[^id]" for a footnote mark; a revision as "<del>…" / "<ins>…" holding
    the pieces of its runs."""
    out = []
    for node in p.iterchildren(f"{W}r", f"{W}ins", f"{W}del"):
        if node.tag != f"{W}r":
            out.append(f"<{etree.QName(node).localname}>" + "|".join(_pieces(node)))
            continue
        ref = node.find(f"{W}footnoteReference")
        text = "".join(t.text or "" for t in node.iter(f"{W}t", f"{W}delText"))
        out.append(f"[^{ref.get(f'{W}id')}]" if ref is not None else text)
    return out


def test_a_tracked_comparison_keeps_the_end_mark_after_the_footnote_mark(tmp_path, monkeypatch):
    # `compare --tracked` lays the reworded text over the new document's runs: the footnote
    # mark stays where the build put it, inside the last paragraph's text, before "./.".
    new = CONG_VAN.format(note=NOTE)
    root = _tracked(tmp_path, monkeypatch, new.replace("ngày 25 tháng", "ngày 30 tháng"), new)
    (marked,) = [p for p in root.iter(f"{W}p") if p.find(f".//{W}footnoteReference") is not None]
    assert _pieces(marked) == ["2. ", "Báo cáo kết quả thực hiện trước ngày ", "<del>30",
                               "<ins>25", " tháng 11 năm 2026", "[^1]", "./."]


def test_a_deleted_last_paragraph_comes_back_with_the_end_mark_after_its_mark(
        tmp_path, monkeypatch):
    old = CONG_VAN.format(note=NOTE)
    new = old[:old.index("  - numbered: Báo cáo")] + old[old.index("signature:"):]
    root = _tracked(tmp_path, monkeypatch, old, new)
    (marked,) = [p for p in root.iter(f"{W}p") if p.find(f".//{W}footnoteReference") is not None]
    (mark,) = marked.iter(f"{W}footnoteReference")
    deleted = "2. Báo cáo kết quả thực hiện trước ngày 25 tháng 11 năm 2026"
    assert _pieces(marked) == [f"<del>{deleted}|[^{mark.get(f'{W}id')}]|./."]
