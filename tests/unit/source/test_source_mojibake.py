"""Legacy-font words pasted among Unicode text: found per word, reported once per line at the
first such word, converted without touching the Unicode around them."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from vanban.errors import Diagnostic, VanbanError
from vanban.source.encoding import detect, fix_encoding, mojibake_lines
from vanban.source.legacy import unicode_to_tcvn3, unicode_to_vni
from vanban.source.loader import load_text

ROOT = Path(__file__).resolve().parents[3]
TCVN3 = "TCVN3 (ABC, phông .VnTime)"
VNI = "VNI (phông VNI-Times)"


def _mojibake(text: str) -> list[Diagnostic]:
    try:
        found = load_text(text, "kh.yaml").warnings
    except VanbanError as exc:
        found = exc.diagnostics
    return [d for d in found if d.code == "text.mojibake"]


# id, file text, line, col, encoding label, the legacy run as shown, its Unicode reading
MIXED = [
    ("title", "title: Uû ban nh©n d©n tØnh Triển khai thực hiện Đề án\n",
     1, 8, TCVN3, "Uû ban nh©n d©n tØnh", "Uỷ ban nhân dân tỉnh"),
    ("task-after-comma",
     "tasks:\n  - text: Phối hợp cấp tỉnh, tuyªn truyÒn ph¸p luËt vÒ hßa gi¶i ë c¬ së\n",
     2, 30, TCVN3, "tuyªn truyÒn ph¸p luËt vÒ hßa gi¶i ë c¬ …",
     "tuyên truyền pháp luật về hòa giải ở cơ …"),
    ("recipient", "noi_nhan:\n  - Bé T\xad ph¸p\n  - Lưu: VT, NCVX.\n",
     2, 5, TCVN3, "Bé T\xad ph¸p", "Bộ Tư pháp"),
    ("vni-middle", "ten: Kế hoạch của UÛy ban nhaân daân tænh năm 2024\n",
     1, 19, VNI, "UÛy ban nhaân daân tænh", "Ủy ban nhân dân tỉnh"),
    ("two-runs-one-warning", "ten: Uû ban nh©n d©n tØnh phối hợp với Së T\xad ph¸p\n",
     1, 6, TCVN3, "Uû ban nh©n d©n tØnh", "Uỷ ban nhân dân tỉnh"),
    ("unicode-word-reading-both-ways-stays", "ten: Kế hoạch có tuyªn truyÒn ph¸p luËt\n",
     1, 18, TCVN3, "tuyªn truyÒn ph¸p luËt", "tuyên truyền pháp luật"),
    ("whole-line", "co_quan: Uû ban nh©n d©n tØnh Qu¶ng B×nh\n",
     1, 10, TCVN3, "Uû ban nh©n d©n tØnh Qu¶ng B×nh", "Uỷ ban nhân dân tỉnh Quảng Bình"),
    ("single-word-with-symbol", "ten: Triển khai tØnh\n",
     1, 17, TCVN3, "tØnh", "tỉnh"),
]


@pytest.mark.parametrize(("text", "line", "col", "label", "run", "reading"),
                         [c[1:] for c in MIXED], ids=[c[0] for c in MIXED])
def test_mixed_line_is_reported_at_the_first_legacy_word(
        text: str, line: int, col: int, label: str, run: str, reading: str) -> None:
    found = _mojibake(text)
    assert [(d.span.line, d.span.col, d.code, d.message) for d in found] == [(
        line, col, "text.mojibake",
        f'Có chữ gõ bằng bảng mã {label} rồi dán vào, nên hiện sai dấu: "{run}".')]
    assert found[0].hint == (
        f'Có phải "{reading}"? Hãy chuyển tệp sang Unicode (UTF-8) bằng lệnh: vanban '
        f"fix-encoding kh.yaml (hoặc dùng Unikey Toolkit: chọn bảng mã nguồn {label}, đích "
        "Unicode).")
    assert found[0].message_en and found[0].hint_en.startswith("Did you mean")
    guess = detect(text.encode())
    assert (guess.encoding, guess.line, guess.col) == ("utf-8", line, col)


# id, line before, line after fix_encoding
FIXED = [
    ("title", "title: Uû ban nh©n d©n tØnh Triển khai thực hiện Đề án",
     "title: Uỷ ban nhân dân tỉnh Triển khai thực hiện Đề án"),
    ("task", "  - text: Phối hợp cấp tỉnh, tuyªn truyÒn ph¸p luËt vÒ hßa gi¶i ë c¬ së",
     "  - text: Phối hợp cấp tỉnh, tuyên truyền pháp luật về hòa giải ở cơ sở"),
    ("recipient", "  - Bé T\xad ph¸p", "  - Bộ Tư pháp"),
    ("vni-middle", "ten: Kế hoạch của UÛy ban nhaân daân tænh năm 2024",
     "ten: Kế hoạch của Ủy ban nhân dân tỉnh năm 2024"),
    ("two-runs", "ten: Uû ban nh©n d©n tØnh phối hợp với Së T\xad ph¸p",
     "ten: Uỷ ban nhân dân tỉnh phối hợp với Sở Tư pháp"),
    ("unicode-word-reading-both-ways", "ten: Kế hoạch có tuyªn truyÒn ph¸p luËt",
     "ten: Kế hoạch có tuyên truyền pháp luật"),
    ("unicode-after", "ten: Uû ban nh©n d©n tØnh Tây Ninh", "ten: Uỷ ban nhân dân tỉnh Tây Ninh"),
    ("tcvn3-number", "ten: " + unicode_to_tcvn3("Quyết định số 087/QĐ-UBND ngày 16 tháng 01"),
     "ten: Quyết định số 087/QĐ-UBND ngày 16 tháng 01"),
    ("vni-number", "ten: " + unicode_to_vni("Quyết định số 087/QĐ-UBND ngày 16 tháng 01"),
     "ten: Quyết định số 087/QĐ-UBND ngày 16 tháng 01"),
]


@pytest.mark.parametrize(("before", "after"), [c[1:] for c in FIXED], ids=[c[0] for c in FIXED])
def test_fix_encoding_converts_only_the_legacy_words(before: str, after: str) -> None:
    text = f"a: Hà Nội\n{before}\nb: Sở Tư pháp\n"
    assert fix_encoding(text.encode()) == f"a: Hà Nội\n{after}\nb: Sở Tư pháp\n"


def test_forced_legacy_encoding_converts_only_the_legacy_words() -> None:
    text = "ten: Uû ban nh©n d©n tØnh Triển khai\nb: Café, Tây Ninh\n"
    assert fix_encoding(text.encode(), "tcvn3") == (
        "ten: Uỷ ban nhân dân tỉnh Triển khai\nb: Café, Tây Ninh\n")


GENUINE = [
    "Tây Ninh", "Cà Mau", "Đắk Lắk", "©", "A&B", "Số 15/KH-UBND", "ngày 05/3/2024",
    "- Lưu: VT, NCVX.", "https://stp.quangbinh.gov.vn/tin-tuc?id=15&trang=2",
    "https://vi.wikipedia.org/wiki/Tây_Ninh", "vanthu@quangbinh.gov.vn", "Hội Luật gia",
    "thẩm phán", "© 2024 Sở Tư pháp", "Café, résumé, naïve", "25°C, ± 5%, 3×4 m², ½, µm",
    "daß der Schlüssel gehört", "può", "Tüm etkilenen öz", "«Kế hoạch»", "Noël à Paris",
    "có khác tên bé phó cá tô", "Bé Na có tên khác", "São Paulo, Zürich, Ångström",
    "§ 5 Abs. 2", "Điều 5. Trách nhiệm thi hành", "Lê Văn Tám; Nguyễn Thị Ánh",
]


@pytest.mark.parametrize("text", GENUINE, ids=GENUINE)
def test_genuine_text_is_not_mojibake(text: str) -> None:
    for line in (f"ten: {text}", f"ten: Kế hoạch {text} năm 2024", f"- {text}"):
        raw = f"{line}\n".encode()
        assert mojibake_lines(f"{line}\n") == {}
        assert detect(raw).mojibake is None
        assert fix_encoding(raw) == f"{line}\n"


def test_example_plans_are_not_mojibake() -> None:
    files = sorted((ROOT / "plans").rglob("*.yaml")) + sorted((ROOT / "tests/cases").rglob("*"))
    texts = {p: p.read_text(encoding="utf-8") for p in files
             if p.is_file() and p.suffix in (".yaml", ".txt")}
    assert len(texts) > 10
    assert {str(p): mojibake_lines(t) for p, t in texts.items() if mojibake_lines(t)} == {}


# id, file text, --from, Vietnamese label, English label
DESCRIBED = [
    ("utf8", "a: Hà Nội\n", None, "UTF-8", "utf-8"),
    ("utf8-with-tcvn3", "a: Uû ban nh©n d©n tØnh Triển khai\n", None,
     "UTF-8, có các dòng gõ bằng TCVN3 đã được chuyển", "utf-8, tcvn3 lines converted"),
    ("utf8-with-vni", "a: UÛy ban nhaân daân tænh\n", None,
     "UTF-8, có các dòng gõ bằng VNI đã được chuyển", "utf-8, vni lines converted"),
    ("forced-tcvn3", "a: Uû ban nh©n d©n tØnh\n", "abc",
     "UTF-8, có các dòng gõ bằng TCVN3 đã được chuyển", "utf-8, tcvn3 lines converted"),
]


@pytest.mark.parametrize(("text", "source", "label", "label_en"), [c[1:] for c in DESCRIBED],
                         ids=[c[0] for c in DESCRIBED])
def test_describe_says_what_was_converted(text: str, source: str | None, label: str,
                                          label_en: str) -> None:
    assert detect(text.encode()).describe(source) == (label, label_en)


def test_describe_a_whole_legacy_file() -> None:
    raw = b"a: " + unicode_to_tcvn3("Ủy ban nhân dân").encode("latin-1") + b"\n"
    assert detect(raw).describe() == ("TCVN3 (ABC, phông .VnTime)", "tcvn3")
    assert detect(raw).describe("vni") == ("VNI (phông VNI-Times)", "vni")


def test_cli_names_the_converted_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from vanban.cli import main

    monkeypatch.chdir(tmp_path)
    Path("kh.yaml").write_text("title: Uû ban nh©n d©n tØnh Triển khai\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["fix-encoding", "kh.yaml"])
    assert result.exit_code == 0, result.output
    assert result.output == (
        "kh.yaml: đã chuyển (bảng mã đoán được: UTF-8, có các dòng gõ bằng TCVN3 đã được "
        "chuyển).\n")
    assert Path("kh.yaml").read_text(encoding="utf-8") == "title: Uỷ ban nhân dân tỉnh Triển khai\n"


def test_no_legacy_reading_changes_ascii():
    """Why an ASCII word is plain without being read (``mojibake._kind`` skips it): every
    byte a legacy encoding gives a letter of its own is above 0x7F."""
    from vanban.source import legacy, mojibake

    ascii_text = "".join(map(chr, range(128)))
    for convert in mojibake.CONVERTERS.values():
        assert convert(ascii_text) == ascii_text
    assert all(not key.isascii() for key in (*legacy.TCVN3_DECODE, *legacy.VNI_DECODE))
