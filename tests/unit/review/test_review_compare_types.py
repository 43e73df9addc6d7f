"""vanban compare of every type: a bảng so sánh with its own frame (BẢNG SO SÁNH, the table,
Nơi nhận, the signature), never the compared document's V/v, Kính gửi, authority line or
"QUYẾT ĐỊNH:", and rows that name the changed parts in the type's terms."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from tests.unit.review.marks import cell_marks

from vanban.cli import main

ROOT = Path(__file__).resolve().parents[3]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
YEAR = "quang-binh/2025"

# Each type: (plan, the new text made from the real plan, the old text made from the new one).
EDITS = {
    "ke-hoach": ("ke-hoach-hoa-giai.yaml", [],
                 [("Tháng 5, tháng 10 năm 2025", "Tháng 5, tháng 9 năm 2025")]),
    "cong-van": ("cong-van-trien-khai-ke-hoach.yaml", [], [
        ("  - Phòng Tư pháp các huyện, thị xã, thành phố\n",
         "  - Phòng Tư pháp các huyện, thị xã, thành phố\n  - Công an tỉnh\n"),
        ("ngày 28 tháng 02 năm 2025", "ngày 15 tháng 02 năm 2025")]),
    "quyet-dinh": ("quyet-dinh-ban-hanh-ke-hoach.yaml", [(
        "  - article: Quyết định này có hiệu lực kể từ ngày ký.\n",
        ("  - article: Quyết định này có hiệu lực kể từ ngày ký.\n    content:\n"
        "      - numbered: Bãi bỏ Kế hoạch số 20/KH-UBND ngày 10 tháng 01 năm 2024.\n"
        "      - numbered: Các văn bản khác giữ nguyên hiệu lực.\n"))], [
        ("Kế hoạch số 20/KH-UBND", "Kế hoạch số 19/KH-UBND"),
        ("Tờ trình số 08/TTr-STP", "Tờ trình số 07/TTr-STP")]),
    "to-trinh": ("to-trinh-ban-hanh-ke-hoach.yaml", [], [
        ("kinh_gui: Ủy ban nhân dân tỉnh Quảng Bình", "kinh_gui: Ủy ban nhân dân tỉnh")]),
}

TITLES = {
    "ke-hoach": "Dự thảo Kế hoạch triển khai",
    "cong-van": "Dự thảo Công văn về việc triển khai Kế hoạch thực hiện Đề án",
    "quyet-dinh": "Dự thảo Quyết định ban hành Kế hoạch triển khai",
    "to-trinh": "Dự thảo Tờ trình về việc ban hành Kế hoạch",
}

# Each type's rows: (old cell, new cell), each a list of paragraphs written with the marks
# [-struck-] and {+inserted+}.
ROWS = {
    "ke-hoach": None,  # checked below: the one row of the moved deadline
    "cong-van": [
        # The addressee removed, not the end marks that change with it.
        (["Kính gửi:", "- Ủy ban nhân dân các huyện, thị xã, thành phố;",
          "- Phòng Tư pháp các huyện, thị xã, thành phố;", "[-- Công an tỉnh.-]"],
         ["Kính gửi:", "- Ủy ban nhân dân các huyện, thị xã, thành phố;",
          "- Phòng Tư pháp các huyện, thị xã, thành phố."]),
        ([("1. Xây dựng, ban hành kế hoạch thực hiện Đề án năm 2025 tại địa phương, bảo đảm phù "
          "hợp với nội dung Kế hoạch của Ủy ban nhân dân tỉnh và tình hình thực tế; gửi về Sở "
          "Tư pháp trước ngày [-15-] tháng 02 năm 2025.")],
         [("1. Xây dựng, ban hành kế hoạch thực hiện Đề án năm 2025 tại địa phương, bảo đảm phù "
          "hợp với nội dung Kế hoạch của Ủy ban nhân dân tỉnh và tình hình thực tế; gửi về Sở "
          "Tư pháp trước ngày {+28+} tháng 02 năm 2025.")]),
    ],
    "quyet-dinh": [
        ([("Theo đề nghị của Giám đốc Sở Tư pháp tại Tờ trình số [-07-]/TTr-STP ngày 06 tháng 01 "
          "năm 2025.")],
         [("Theo đề nghị của Giám đốc Sở Tư pháp tại Tờ trình số {+08+}/TTr-STP ngày 06 tháng 01 "
          "năm 2025.")]),
        (["Điều 2, khoản 1: Bãi bỏ Kế hoạch số [-19-]/KH-UBND ngày 10 tháng 01 năm 2024."],
         ["Điều 2, khoản 1: Bãi bỏ Kế hoạch số {+20+}/KH-UBND ngày 10 tháng 01 năm 2024."]),
    ],
    "to-trinh": [
        (["Kính gửi: Ủy ban nhân dân tỉnh."], ["Kính gửi: Ủy ban nhân dân tỉnh {+Quảng Bình+}."]),
    ],
}


@pytest.fixture(scope="module")
def tables(tmp_path_factory) -> dict[str, Path]:
    """The bảng so sánh of each type, from copies of the example plans (same registry)."""
    work = tmp_path_factory.mktemp("types")
    shutil.copytree(ROOT / "plans", work / "plans")
    folder = work / "plans" / YEAR
    out = {}
    for key, (name, to_new, to_old) in EDITS.items():
        text = (folder / name).read_text(encoding="utf-8")
        for a, b in to_new:
            assert a in text
            text = text.replace(a, b)
        (folder / name).write_text(text, encoding="utf-8")
        for a, b in to_old:
            assert a in text, a
            text = text.replace(a, b)
        old = folder / f"cu-{name}"
        old.write_text(text, encoding="utf-8")
        out[key] = work / f"{key}.docx"
        result = CliRunner().invoke(main, ["compare", str(old), str(folder / name), "-o",
                                           str(out[key])])
        assert result.exit_code == 0, result.output
    return out


def _document(path: Path):
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read("word/document.xml"))


@pytest.mark.parametrize("key", list(EDITS))
def test_each_type_passes_the_checker(tables, key):
    from vanban.check.api import check_docx, format_text

    findings = check_docx(tables[key])
    assert findings == [], format_text({key: findings})


@pytest.mark.parametrize("key", list(EDITS))
def test_each_type_has_the_frame_of_a_bang_so_sanh(tables, key):
    root = _document(tables[key])
    paragraphs = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p")]
    assert "BẢNG SO SÁNH" in paragraphs
    title = paragraphs[paragraphs.index("BẢNG SO SÁNH") + 1]
    assert title.startswith(TITLES[key]), title
    for foreign in ("Kính gửi:", "QUYẾT ĐỊNH:", "ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH"):
        assert not any(p.startswith(foreign) for p in paragraphs
                       if p not in "".join(t.text or "" for tbl in root.iter(f"{W}tbl")
                                           for t in tbl.iter(f"{W}t"))), foreign
    assert not any(p.startswith(("V/v", "Theo đề nghị", "Căn cứ")) for p in paragraphs
                   if not _in_table(root, p))
    assert root.find(f"{W}body/{W}sectPr/{W}pgSz").get(f"{W}orient") == "landscape"


def _in_table(root, text: str) -> bool:
    return any(text == "".join(t.text or "" for t in p.iter(f"{W}t"))
               for tbl in root.iter(f"{W}tbl") for p in tbl.iter(f"{W}p"))


@pytest.mark.parametrize("key", list(EDITS))
def test_each_type_rows(tables, key):
    root = _document(tables[key])
    table = next(t for t in root.iter(f"{W}tbl") if "Lý do, giải trình" in "".join(
        x.text or "" for x in t.iter(f"{W}t")))
    rows = [[cell_marks(tc) for tc in tr.findall(f"{W}tc")] for tr in table.findall(f"{W}tr")][1:]
    got = [(r[1], r[2]) for r in rows]
    if key == "ke-hoach":
        assert len(got) == 1 and "Thời gian thực hiện: Tháng 5, tháng [-9-] năm 2025" in got[0][0]
        return
    assert got == ROWS[key]


@pytest.mark.pdf
@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")
def test_a_quyet_dinh_table_passes_the_checker_with_pdf(tables):
    """Laid out by LibreOffice too: the frame of the table, not the Quyết định's."""
    from vanban.check.api import check_files, format_text

    results = check_files([tables["quyet-dinh"]], pdf=True)
    assert results == {str(tables["quyet-dinh"]): []}, format_text(results)
