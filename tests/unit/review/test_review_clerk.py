"""What a new clerk found comparing versions: footnotes, body tables row by row, a Quyết
định's article label, a Công văn's Kính gửi turned into a list. Each through the real CLI, the
DOCX read back."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from vanban.cli import main
from vanban.ooxml.tracked import paragraph_text, resolve, revisions
from vanban.review_inputs import load_side, render_document

ROOT = Path(__file__).resolve().parents[3]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
YEAR = "plans/quang-binh/2025"


@pytest.fixture()
def ws(tmp_path, monkeypatch) -> Path:
    """The 2025 plans of Quảng Bình with their registries, in a folder of their own."""
    shutil.copytree(ROOT / "plans" / "_shared", tmp_path / "plans" / "_shared")
    shutil.copytree(ROOT / "plans" / "quang-binh" / "_shared",
                    tmp_path / "plans" / "quang-binh" / "_shared")
    shutil.copytree(ROOT / YEAR, tmp_path / YEAR)
    monkeypatch.chdir(tmp_path)
    return tmp_path / YEAR


def _edit(folder: Path, name: str, *pairs: tuple[str, str]) -> str:
    """A copy of plan ``name`` beside it ("moi-<name>") with ``pairs`` replaced; its path."""
    text = (folder / name).read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    out = folder / f"moi-{name}"
    out.write_text(text, encoding="utf-8")
    return str(out.relative_to(Path.cwd()))


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def _tracked(old: str, new: str) -> bytes:
    result = _run("compare", "--tracked", old, new, "-o", "t.docx", "--author", "A",
                  "--date", "2025-02-01")
    assert result.exit_code == 0, result.output
    return Path("t.docx").read_bytes()


def _part(data: bytes, name: str = "word/document.xml"):
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(name))


def _rendered(spec: str) -> bytes:
    (plan,) = load_side(spec, "new").plans.values()
    return render_document(plan.document)


def _accepted(root) -> None:
    """Accept every revision in place (keep insertions, drop deletions)."""
    for node in list(root.iter(f"{W}del")):
        if node.getparent().tag != f"{W}rPr":
            node.getparent().remove(node)
    for node in list(root.iter(f"{W}ins")):
        parent = node.getparent()
        if parent.tag == f"{W}rPr":
            parent.remove(node)
            continue
        for child in list(node):
            node.addprevious(child)
        parent.remove(node)


def _styled_runs(p) -> list[tuple[str, str]]:
    """A paragraph's text cut where the character style changes: (style, text)."""
    out: list[tuple[str, str]] = []
    for r in p.iter(f"{W}r"):
        style = r.find(f"{W}rPr/{W}rStyle")
        name = style.get(f"{W}val") if style is not None else ""
        text = "".join(t.text or "" for t in r.iter(f"{W}t", f"{W}delText"))
        if not text:
            continue
        if out and out[-1][0] == name:
            out[-1] = (name, out[-1][1] + text)
        else:
            out.append((name, text))
    return out


def _para(root, start: str):
    return next(p for p in root.iter(f"{W}p") if paragraph_text(p).startswith(start))


# 3. A Quyết định's changed article: only "Điều N." is the label.


def test_a_changed_article_keeps_its_label_apart_from_its_text(ws):
    qd = "quyet-dinh-ban-hanh-ke-hoach.yaml"
    new = _edit(ws, qd, ("Quyết định này có hiệu lực kể từ ngày ký.",
                         "Quyết định này có hiệu lực kể từ ngày 01 tháng 02 năm 2025."))
    data = _tracked(str(ws / qd), new)
    root = _part(data)
    dieu = _para(root, "Điều 2.")
    assert [(s, t) for s, t in _styled_runs(dieu) if s] == [("VBNhanDieu", "Điều 2.")]
    assert revisions(data)[:2] == [("del", "ký"), ("ins", "01 tháng 02 năm 2025")]
    _accepted(root)
    built = _para(_part(_rendered(new)), "Điều 2.")
    assert _styled_runs(_para(root, "Điều 2.")) == _styled_runs(built)
    assert _styled_runs(built) == [("VBNhanDieu", "Điều 2."), (
        "", " Quyết định này có hiệu lực kể từ ngày 01 tháng 02 năm 2025.")]


def test_an_added_article_is_inserted_with_its_label_apart(ws):
    qd = "quyet-dinh-ban-hanh-ke-hoach.yaml"
    new = _edit(ws, qd, ("  - article: Quyết định này có hiệu lực kể từ ngày ký.\n",
                         ("  - article: Giao Sở Tư pháp theo dõi việc thực hiện.\n"
                          "  - article: Quyết định này có hiệu lực kể từ ngày ký.\n")))
    data = _tracked(str(ws / qd), new)
    dieu = _para(_part(data), "Điều 2.")
    assert [etree.QName(c).localname for c in dieu if c.tag != f"{W}pPr"] == ["ins"]
    assert _styled_runs(dieu) == [("VBNhanDieu", "Điều 2."),
                                  ("", " Giao Sở Tư pháp theo dõi việc thực hiện.")]
    assert ("ins", "Điều 2. Giao Sở Tư pháp theo dõi việc thực hiện.") in revisions(data)
    assert resolve(data, accept=True) == resolve(_rendered(new), accept=True)


# 1. A footnote is plan content: listed, a row of the bảng so sánh, tracked in its footnote.

TO_TRINH = "to-trinh-ban-hanh-ke-hoach.yaml"
NOTE = ("Theo Đề án, giai đoạn 2021-2025 có {} tổ hòa giải ở cơ sở trên địa bàn tỉnh (số "
        "liệu minh họa).")
NOTE_YAML = ("        footnote: >-\n          Theo Đề án, giai đoạn 2021-2025 có 1.106 tổ hòa "
             "giải ở cơ sở trên địa bàn tỉnh (số liệu\n          minh họa).\n")


def _notes(data: bytes, accept: bool) -> list[str]:
    return [x for x in resolve(data, accept=accept, part="word/footnotes.xml") if x]


def test_an_edited_footnote_is_listed_shown_and_tracked(ws):
    old = str(ws / TO_TRINH)
    new = _edit(ws, TO_TRINH, ("có 1.106 tổ", "có 1.146 tổ"))
    result = _run("diff", old, new)
    assert result.exit_code == 1
    assert result.output.splitlines()[1] == (
        "  [Mục I, đoạn 1] Chú thích: Theo Đề án, giai đoạn 2021-2025 có [-1.106-]{+1.146+} tổ hòa "
        "giải ở cơ sở trên địa bàn tỉnh (số liệu minh họa).")
    result = _run("compare", old, new, "-o", "b.docx")
    assert result.output.endswith("(1 thay đổi).\n"), result.output
    shown = _run("text", "b.docx").output.splitlines()
    assert f"T2.2.2 [VB Bảng L sp=3/3] <13pt> Chú thích: {NOTE.format('[-1.106-]')}" in shown
    assert ("T2.2.3 [VB Bảng L sp=3/3] <13pt> Chú thích: Theo Đề án, giai đoạn 2021-2025 có "
            " <13pt B U> 1.146 <13pt>  tổ hòa giải ở cơ sở trên địa bàn tỉnh (số liệu minh "
            "họa).") in shown
    result = _run("compare", "--tracked", old, new, "-o", "t.docx", "--author", "A")
    assert result.output.endswith("(2 chỗ sửa).\n"), result.output
    data = Path("t.docx").read_bytes()
    assert revisions(data) == [("del", "1.106"), ("ins", "1.146")]
    note = _para(_part(data, "word/footnotes.xml"), " Theo Đề án")
    assert [etree.QName(c).localname for c in note if c.tag in (f"{W}ins", f"{W}del")] == [
        "del", "ins"]
    assert _notes(data, True) == [" " + NOTE.format("1.146")]
    assert _notes(data, False) == [" " + NOTE.format("1.106")]
    assert resolve(data, accept=True) == resolve(_rendered(new), accept=True)


def test_a_footnote_added_to_a_paragraph_is_inserted_with_its_mark(ws):
    old = _edit(ws, TO_TRINH, (NOTE_YAML, ""))
    new = str(ws / TO_TRINH)
    result = _run("diff", old, new)
    assert result.output.splitlines()[1] == (
        f"  [Mục I, đoạn 1] Thêm chú thích: {NOTE.format('1.106')}")
    data = _tracked(old, new)
    mark = next(_part(data).iter(f"{W}footnoteReference")).getparent()
    assert mark.getparent().tag == f"{W}ins"
    assert revisions(data) == [("ins", ""), ("ins", " " + NOTE.format("1.106"))]
    assert _notes(data, True) == [" " + NOTE.format("1.106")] and _notes(data, False) == []
    assert resolve(data, accept=False) == resolve(_rendered(old), accept=False)


PARA_YAML = ("      - paragraph: >-\n          Năm 2025 là năm cuối thực hiện Đề án; việc ban hành "
             "Kế hoạch nhằm tiếp tục củng cố,\n")
OTHER_YAML = "      - paragraph: Kế hoạch bảo đảm tính khả thi.\n"


def _without_the_noted_paragraph(ws, *, other_note: bool) -> str:
    """The Tờ trình with its footnoted paragraph replaced by another (itself footnoted or
    not); its path."""
    text = (ws / TO_TRINH).read_text(encoding="utf-8")
    start = text.index(PARA_YAML)
    end = text.index(NOTE_YAML) + len(NOTE_YAML)
    other = OTHER_YAML + ("        footnote: Ghi chú mới.\n" if other_note else "")
    return _edit(ws, TO_TRINH, (text[start:end], other))


@pytest.mark.parametrize("other_note", [False, True], ids=["last-footnote", "another-stays"])
def test_a_deleted_paragraph_keeps_its_footnote_deleted(ws, other_note):
    old, new = str(ws / TO_TRINH), _without_the_noted_paragraph(ws, other_note=other_note)
    data = _tracked(old, new)
    root, notes = _part(data), _part(data, "word/footnotes.xml")
    # The mark sits inside the deleted text, at its end; its footnote holds the old text.
    gone = next(p for p in root.iter(f"{W}p") if "".join(
        t.text for t in p.iter(f"{W}delText")).startswith("Năm 2025 là năm cuối"))
    ref = gone.find(f".//{W}del/{W}r/{W}footnoteReference")
    assert ref is not None and list(gone.iter(f"{W}r"))[-1] is ref.getparent()
    note = next(n for n in notes.iter(f"{W}footnote") if n.get(f"{W}id") == ref.get(f"{W}id"))
    assert "".join(t.text for t in note.iter(f"{W}delText")) == " " + NOTE.format("1.106")
    # Laid out as the build lays the old footnote out (style of its text and of its number).
    built = next(n for n in _part(_rendered(old), "word/footnotes.xml").iter(f"{W}footnote")
                 if n.get(f"{W}id") == "1")
    assert [etree.tostring(x) for x in note.iter(f"{W}pPr", f"{W}rPr")] == [
        etree.tostring(x) for x in built.iter(f"{W}pPr", f"{W}rPr")]
    # Reject All: the paragraph and its footnote are back; Accept All: both gone.
    assert resolve(data, accept=False) == resolve(_rendered(old), accept=False)
    assert _notes(data, False) == [" " + NOTE.format("1.106")]
    assert resolve(data, accept=True) == resolve(_rendered(new), accept=True)
    assert _notes(data, True) == ([" Ghi chú mới."] if other_note else [])
    _accepted(root)
    assert ref.get(f"{W}id") not in {r.get(f"{W}id") for r in root.iter(f"{W}footnoteReference")}
    ids = [n.get(f"{W}id") for n in notes.iter(f"{W}footnote")]
    assert len(ids) == len(set(ids))
    with zipfile.ZipFile(io.BytesIO(data)) as z:  # a part Word finds, with its styles
        assert "footnotes+xml" in z.read("[Content_Types].xml").decode()
        assert 'Target="footnotes.xml"' in z.read("word/_rels/document.xml.rels").decode()
        assert b'w:styleId="VBChuThich"' in z.read("word/styles.xml")
    assert _tracked(old, new) == data  # deterministic


# 2. A changed body table: only its changed rows, each a line of its own.

CONG_VAN = "cong-van-trien-khai-ke-hoach.yaml"


def test_a_table_is_compared_row_by_row(ws):
    old = str(ws / CONG_VAN)
    new = _edit(ws, CONG_VAN, (
        "[2, Số hòa giải viên (trong đó nữ), người]",
        "[2, Số hòa giải viên (trong đó nữ; dưới 35 tuổi), người]"), (
        "          - [3, Số vụ việc tiếp nhận; hòa giải thành; không thành, vụ việc]\n", ""), (
        "“Tổ hòa giải ở cơ sở 5 tốt”, tổ]\n",
        "“Tổ hòa giải ở cơ sở 5 tốt”, tổ]\n          - [5, Số hòa giải viên mới, người]\n"))
    result = _run("diff", old, new)
    assert result.exit_code == 1
    assert result.output.splitlines()[1:4] == [
        ("  [bảng 1] Sửa dòng 2 (Số hòa giải viên (trong đó nữ; dưới 35 tuổi)): Nội dung báo "
         "cáo: Số hòa giải viên (trong đó nữ{+; dưới 35 tuổi+})"),
        ("  [bảng 1] Bỏ dòng 3 (Số vụ việc tiếp nhận; hòa giải thành; không thành): STT: 3; "
         "Nội dung báo cáo: Số vụ việc tiếp nhận; hòa giải thành; không thành; Đơn vị tính: vụ "
         "việc"),
        ("  [bảng 1] Thêm dòng 4 (Số hòa giải viên mới): STT: 5; Nội dung báo cáo: Số hòa giải "
         "viên mới; Đơn vị tính: người"),
    ]
    data = json.loads(_run("diff", old, new, "--format", "json", "--lang", "en").output)
    first = data["plans"][0]["changes"][0]
    assert (first["code"], first["ref"], first["row"], first["cells"]) == (
        "table.row", "bảng 1", "row 2 (Số hòa giải viên (trong đó nữ; dưới 35 tuổi))",
        [{"column": "Nội dung báo cáo", "old": "Số hòa giải viên (trong đó nữ)",
          "new": "Số hòa giải viên (trong đó nữ; dưới 35 tuổi)"}])
    result = _run("compare", old, new, "-o", "b.docx")
    assert result.output.endswith("(1 thay đổi).\n"), result.output  # one table, one reason
    shown = [x for x in _run("text", "b.docx").output.splitlines() if x.startswith("T2.2.")]
    cell = "[VB Bảng L sp=3/3] <13pt> Bảng 1, "
    row2 = "dòng 2 (Số hòa giải viên (trong đó nữ; dưới 35 tuổi)): Nội dung báo cáo: "
    assert shown == [
        "T2.2.1 [VB Bảng - STT C sp=3/3] <13pt> 1",
        # the old column names the row as it stood
        (f"T2.2.2 {cell}dòng 2 (Số hòa giải viên (trong đó nữ)): Nội dung báo cáo: Số hòa "
         "giải viên (trong đó nữ)"),
        (f"T2.2.2 {cell}dòng 3 (Số vụ việc tiếp nhận; hòa giải thành; không thành): STT: "
         "[-3-]; Nội dung báo cáo: [-Số vụ việc tiếp nhận; hòa giải thành; không thành-]; Đơn "
         "vị tính: [-vụ việc-]"),
        f"T2.2.3 {cell}{row2}Số hòa giải viên (trong đó nữ <13pt B U> ; dưới 35 tuổi <13pt> )",
        (f"T2.2.3 {cell}dòng 4 (Số hòa giải viên mới): STT:  <13pt B U> 5 <13pt> ; Nội dung "
         "báo cáo:  <13pt B U> Số hòa giải viên mới <13pt> ; Đơn vị tính:  <13pt B U> người"),
        "T2.2.4 [VB Bảng L sp=3/3]",
    ]
    data = _tracked(old, new)  # the tracked table is marked cell by cell, row by row, as before
    assert [k for k, _ in revisions(data)].count("del-row") == 1
    assert [k for k, _ in revisions(data)].count("ins-row") == 1


# 4. A Công văn's single addressee turned into a list: the addressee added is the change; the
# "Kính gửi:" heading is frame, not an addressee.

ONE_ADDRESSEE = (("kinh_gui:\n  - Ủy ban nhân dân các huyện, thị xã, thành phố\n"
                  "  - Phòng Tư pháp các huyện, thị xã, thành phố\n"),
                 "kinh_gui: Ủy ban nhân dân các huyện, thị xã, thành phố\n")
UBND, PTP = "Ủy ban nhân dân các huyện, thị xã, thành phố", "Phòng Tư pháp các huyện, thị xã, thành phố"


def test_kinh_gui_from_one_line_to_a_list_lists_the_addressee_added(ws):
    old, new = _edit(ws, CONG_VAN, ONE_ADDRESSEE), str(ws / CONG_VAN)
    assert _run("diff", old, new).output.splitlines()[1:2] == [f"  [kinh-gui] Thêm nơi kính gửi: {PTP}"]
    assert _run("diff", new, old).output.splitlines()[1:2] == [f"  [kinh-gui] Bỏ nơi kính gửi: {PTP}"]


def test_kinh_gui_from_one_line_to_a_list_in_the_bang_so_sanh(ws):
    from tests.unit.review.marks import cell_marks

    old, new = _edit(ws, CONG_VAN, ONE_ADDRESSEE), str(ws / CONG_VAN)
    result = _run("compare", old, new, "-o", "ss.docx")
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("(1 thay đổi)."), result.output
    table = next(t for t in _part(Path("ss.docx").read_bytes()).iter(f"{W}tbl")
                 if "Lý do" in "".join(x.text or "" for x in t.iter(f"{W}t")))
    row = [cell_marks(tc) for tc in table.findall(f"{W}tr")[1].findall(f"{W}tc")]
    assert row[1:3] == [[f"Kính gửi: {UBND}."],
                        ["Kính gửi:", f"- {UBND};", f"{{+- {PTP}.+}}"]]


def test_kinh_gui_from_one_line_to_a_list_rejects_to_the_original(ws):
    old = _edit(ws, CONG_VAN, ONE_ADDRESSEE)
    new = str(ws / CONG_VAN)
    data = _tracked(old, new)
    root = _part(data)
    texts = ["".join(t.text or "" for t in p.iter(f"{W}t", f"{W}delText"))
             for p in root.iter(f"{W}p")]
    at = texts.index(f"Kính gửi: {UBND}.")
    assert texts[at:at + 3] == [f"Kính gửi: {UBND}.", f"- {UBND};", f"- {PTP}."]
    # "Kính gửi:" stays as printed; the old name leaves its line for a line of its own.
    assert [r for r in revisions(data) if r[0] != "ins-mark"] == [
        ("del", f" {UBND}."), ("ins", f"- {UBND};"), ("ins", f"- {PTP}.")]
    line = list(root.iter(f"{W}p"))[at]
    before = _para(_part(_rendered(old)), "Kính gửi:")
    assert etree.tostring(line.find(f"{W}pPr/{W}pStyle")) == etree.tostring(
        before.find(f"{W}pPr/{W}pStyle"))
    assert resolve(data, accept=False) == resolve(_rendered(old), accept=False)
    assert resolve(data, accept=True) == resolve(_rendered(new), accept=True)
    # Back again: the list's lines come back deleted, in the style of those lines.
    data = _tracked(new, old)
    assert [r for r in revisions(data) if r[0] != "del-mark"] == [
        ("ins", f" {UBND}."), ("del", f"- {UBND};"), ("del", f"- {PTP}.")]
    gone = next(p for p in _part(data).iter(f"{W}p")
                if "".join(t.text for t in p.iter(f"{W}delText")) == f"- {PTP}.")
    printed = _para(_part(_rendered(new)), f"- {PTP}.")  # as the build prints that line
    assert etree.tostring(gone.find(f"{W}pPr/{W}pStyle")) == etree.tostring(
        printed.find(f"{W}pPr/{W}pStyle"))
    assert resolve(data, accept=False) == resolve(_rendered(new), accept=False)
    assert resolve(data, accept=True) == resolve(_rendered(old), accept=True)


def test_a_footnote_removed_is_listed_and_said_not_marked(ws):
    """A footnote whose paragraph stays has no mark left to track: listed, and warned."""
    old = str(ws / TO_TRINH)
    new = _edit(ws, TO_TRINH, (NOTE_YAML, ""))
    result = _run("diff", old, new)
    assert result.output.splitlines()[1] == f"  [Mục I, đoạn 1] Bỏ chú thích: {NOTE.format('1.106')}"
    result = _run("compare", "--tracked", old, new, "-o", "t.docx")
    assert result.exit_code == 0
    assert result.stderr == (f"{new}: cảnh báo [compare.tracked-unmarked] 1 thay đổi không có "
                             "đoạn in tương ứng nên không được đánh dấu (xem vanban diff hoặc "
                             "bảng so sánh).\n")


def test_a_removed_article_comes_back_with_its_label_apart(ws):
    qd = "quyet-dinh-ban-hanh-ke-hoach.yaml"
    old = str(ws / qd)
    new = _edit(ws, qd, ("  - article: Quyết định này có hiệu lực kể từ ngày ký.\n", ""))
    data = _tracked(old, new)
    gone = next(p for p in _part(data).iter(f"{W}p") if "".join(
        t.text for t in p.iter(f"{W}delText")).startswith("Điều 2."))
    assert _styled_runs(gone) == [("VBNhanDieu", "Điều 2."),
                                  ("", " Quyết định này có hiệu lực kể từ ngày ký.")]
    assert "Điều 2. Quyết định này có hiệu lực kể từ ngày ký." in resolve(data, accept=False)
    assert resolve(data, accept=True) == resolve(_rendered(new), accept=True)


# 5. A list line reworded and the next one removed (Nơi nhận): the removed line comes back
# after the reworded one, where it stood.


def test_a_recipient_removed_after_a_reworded_one_rejects_in_order(ws):
    new = _edit(ws, CONG_VAN, ("  - Giám đốc, các Phó Giám đốc Sở\n",
                               "  - Giám đốc, các Phó Giám đốc Sở\n  - Sở Tài chính tỉnh\n"))
    old = _edit(ws, "moi-" + CONG_VAN, ("  - Sở Tài chính tỉnh\n",
                                        "  - Sở Tài chính\n  - Công an tỉnh\n"))
    data = _tracked(old, new)
    assert [r for r in revisions(data) if r[0] != "del-mark"] == [
        ("ins", " tỉnh"), ("del", "- Công an tỉnh;")]
    assert resolve(data, accept=False) == resolve(_rendered(old), accept=False)
    assert resolve(data, accept=True) == resolve(_rendered(new), accept=True)
