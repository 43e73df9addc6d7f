"""Findings read in one language at a time, with numbers written the way that language writes them."""

from __future__ import annotations

import ast
import itertools
import json
import re
from functools import cache
from pathlib import Path

import pytest
from check_corpus_loader import build_module as corpus
from click.testing import CliRunner

from vanban.check.api import check_docx, format_text, to_json
from vanban.check.finding import PAGES, PARAGRAPHS, Text, and_more, mm, num, pt, pt_range
from vanban.cli import main
from vanban.rules import nd30

# Words the checker itself says in Vietnamese; none may reach an English report. (The document's own
# text, e.g. «Số 05/KH-SNV» or «tháng 03», is quoted as it is and is not in this list.)
VIETNAMESE_WORDS = ("không", "cần", "thấy", "hoặc", "dòng", "đoạn", "căn", "lệch", "đậm",
                    "nghiêng", "đứng", "lề", "trang", "đường kẻ", "chữ", "hàng", "đen", "dọc",
                    "ngang", "đặt", "lỗi", "cảnh báo", "và")
DECIMAL_POINT = re.compile(r"\d\.\d")
DECIMAL_COMMA = re.compile(r"\d,\d")


@cache
def _variant_findings() -> tuple:
    return tuple((c.id, f) for c in corpus.VARIANTS
                 for f in check_docx(corpus.build(**c.knobs), name=f"{c.id}.docx"))


def _write(tmp_path: Path, name: str, **knobs) -> Path:
    path = tmp_path / name
    path.write_bytes(corpus.build(**knobs))
    return path


@pytest.mark.parametrize("value, lang, places, shown", [
    (15.0, "vi", 1, "15"),
    (12.7, "vi", 1, "12,7"),
    (12.7, "en", 1, "12.7"),
    (215.9, "en", 1, "215.9"),
    (1.625, "vi", 2, "1,62"),
    (0.04, "vi", 1, "0"),
    (-0.04, "en", 1, "0"),
    (20.0, "en", 0, "20"),
], ids=["whole-vi", "comma-vi", "point-en", "long-en", "two-places-vi", "rounds-to-zero",
        "no-negative-zero", "no-places"])
def test_num_drops_trailing_zero_and_uses_the_language_decimal_mark(value, lang, places, shown):
    assert num(value, lang, places) == shown


def test_units_follow_the_language():
    assert (mm(15.0), mm(12.7), mm(12.7, "en"), mm(None), mm(None, "en")) == \
        ("15 mm", "12,7 mm", "12.7 mm", "không đặt", "not set")
    assert (pt(13.0), pt(10.5), pt(10.5, "en")) == ("13 pt", "10,5 pt", "10.5 pt")
    assert pt_range(nd30.BODY.size) == "13–14 pt"
    assert pt_range(nd30.NOI_NHAN_LABEL.size) == "12 pt"


def test_english_findings_say_nothing_in_vietnamese():
    leaks = []
    for case_id, f in _variant_findings():
        for field, text in zip(("message", "expected", "found"), f.pick("en")):
            words = [w for w in VIETNAMESE_WORDS if re.search(rf"(?<!\w){w}(?!\w)", text)]
            if words or DECIMAL_COMMA.search(text):
                leaks.append((case_id, f.rule, field, text))
    assert leaks == []


def test_every_rules_citation_reads_in_english():
    # "[ô 7a, Phụ lục I, II.7]" told an English reader nothing of what "ô" is.
    from vanban.check.finding import RULES, citation_en

    words = ("ô", "Phụ lục", "Mẫu", "Điều", "khoản", "văn bản", "Nghị định", "mọi", "phông")
    leaks = [(r.id, citation_en(r.citation)) for r in RULES.values()
             if any(re.search(rf"(?<!\w){w}(?!\w)", citation_en(r.citation)) for w in words)]
    assert leaks == []
    assert citation_en("ô 7a, Phụ lục I, II.7; Điều 13") == "box 7a, Appendix I, II.7; Article 13"


def test_vietnamese_findings_write_decimal_commas():
    points = [(case_id, f.rule, text) for case_id, f in _variant_findings()
              for text in f.pick("vi") if DECIMAL_POINT.search(text)]
    assert points == []


def test_cli_lang_en_prints_english_expected_and_found(tmp_path):
    doc = _write(tmp_path, "no-indent.docx", indent_mm=0)
    result = CliRunner().invoke(main, ["check", "--lang", "en", str(doc)])
    assert result.exit_code == 1
    assert "(expected: 10 mm to 12.7 mm; found: 0 mm (and 8 more paragraphs))" in result.output
    assert "hoặc" not in result.output and "12,7" not in result.output
    assert "does not conform to Decree 30/2020/ND-CP (1 error, 0 warnings)." in result.output


def test_cli_lang_vi_writes_decimal_commas(tmp_path):
    doc = _write(tmp_path, "letter.docx", page=(215.9, 279.4))
    result = CliRunner().invoke(main, ["check", str(doc)])
    assert result.exit_code == 1
    assert "thấy: 215,9 mm × 279,4 mm)" in result.output
    assert "Khổ giấy phải là A4 (210 × 297 mm)." in result.output
    assert not DECIMAL_POINT.search(result.output.replace(str(tmp_path), ""))


def test_json_picks_expected_and_found_by_language(tmp_path):
    doc = _write(tmp_path, "letter.docx", page=(215.9, 279.4))
    results = {str(doc): check_docx(doc)}
    vi = json.loads(to_json(results))["files"][0]["findings"][0]
    en = json.loads(to_json(results, "en"))["files"][0]["findings"][0]
    assert (vi["found"], en["found"]) == ("215,9 mm × 279,4 mm", "215.9 mm × 279.4 mm")
    assert (vi["message"], en["message"]) == ("Khổ giấy phải là A4 (210 × 297 mm).",
                                              "The paper must be A4 (210 × 297 mm).")


@pytest.mark.parametrize("found, more, noun, vi, en", [
    ("Arial", 0, PARAGRAPHS, "Arial", "Arial"),
    ("Arial", 1, PARAGRAPHS, "Arial (và 1 đoạn khác)", "Arial (and 1 more paragraph)"),
    (Text("không đặt", "not set"), 3, PAGES, "không đặt (và 3 trang khác)",
     "not set (and 3 more pages)"),
], ids=["alone", "one-more", "three-more"])
def test_a_finding_counting_other_places_says_so_in_one_wording(found, more, noun, vi, en):
    assert and_more(found, more, noun) == Text(vi, en)


@pytest.mark.parametrize("knobs, tail", [
    ({}, "(0 errors, 0 warnings)."),
    ({"number": "Số: 5/KH-SNV"}, "(1 error, 0 warnings)."),
    ({"end": "Thực hiện nghiêm."}, "(0 errors, 1 warning)."),
    ({"number": "Số: 5/KH-SNV", "qh_bold": False}, "(2 errors, 0 warnings)."),
], ids=["none", "one-error", "one-warning", "two-errors"])
def test_english_counts_take_a_plural_only_when_not_one(knobs, tail):
    findings = check_docx(corpus.build(**knobs))
    assert format_text({"x.docx": findings}, "en").endswith(tail)
    errors = sum(f.severity.value == "error" for f in findings)
    assert f"({errors} lỗi, {len(findings) - errors} cảnh báo)." in format_text({"x.docx": findings})


@pytest.mark.parametrize("lang, line", [
    ("vi", ("{p}: lỗi [docx.not-docx] Tệp {p} không phải là tệp DOCX (không phải tệp nén zip "
            "của Word).")),
    ("en", "{p}: error [docx.not-docx] {p} is not a DOCX file (not a zip package)."),
])
def test_unreadable_file_prints_the_reader_message_cleanly(tmp_path, lang, line):
    bad = tmp_path / "not-a-docx.docx"
    bad.write_bytes(b"not a zip")
    result = CliRunner().invoke(main, ["check", "--lang", lang, str(bad)])
    assert result.exit_code == 1
    first = result.output.splitlines()[0]
    assert first == line.format(p=bad)
    assert "[]" not in result.output and "docx.not-docx)" not in result.output


def test_unreadable_file_in_json_has_no_expected_or_citation(tmp_path):
    bad = tmp_path / "not-a-docx.docx"
    bad.write_bytes(b"not a zip")
    result = CliRunner().invoke(main, ["check", "--json", "--lang", "en", str(bad)])
    finding = json.loads(result.output)["files"][0]["findings"][0]
    assert finding["rule"] == "docx.not-docx"
    assert finding["message"].endswith("is not a DOCX file (not a zip package).")
    assert (finding["expected"], finding["found"], finding["citation"]) == ("", "", "")


# --- one rule pack: the checker's own code holds no Decree-30 value ---------------------------------
_CHECK = Path(__file__).resolve().parents[3] / "src" / "vanban" / "check"
_MEASURE = re.compile(r"\d+(?:[.,]\d+)?\s*(?:pt|mm|cm)\b")


def _string_constants(path: Path) -> list[tuple[int, str]]:
    """String literals of a module, without docstrings (they may show examples)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    # A bare string right after an assignment documents an attribute.
    for node in ast.walk(tree):
        for field in ("body", "orelse"):
            block = getattr(node, field, None)
            if isinstance(block, list):
                for prev, stmt in itertools.pairwise(block):
                    if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) and \
                            isinstance(prev, (ast.Assign, ast.AnnAssign)):
                        docstrings.add(id(stmt.value))
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings]


@pytest.mark.parametrize("path", sorted(_CHECK.glob("*.py")), ids=lambda p: p.name)
def test_checker_reads_sizes_and_authority_words_from_the_rule_pack(path):
    words = (*nd30.AUTHORITY_PREFIXES, nd30.DEPUTY_WORD)
    hard_coded = [(line, text) for line, text in _string_constants(path)
                  if _MEASURE.search(text)
                  or any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text) for w in words)]
    assert hard_coded == []


def test_a_paper_of_no_administrative_type_cites_appendix_iii_in_english(tmp_path):
    doc = _write(tmp_path, "tham-luan.docx", type_name="THAM LUẬN")
    result = CliRunner().invoke(main, ["check", "--lang", "en", str(doc)])
    assert (f"{doc}: paragraph 10 «THAM LUẬN»: warning [ND30-FRAME] 'THAM LUẬN' is not a type of "
            "administrative document of Decree 30; this document was not checked against the "
            "decree's layout. (expected: an administrative type name (Appendix III); found: "
            "THAM LUẬN) [Article 8, Appendix I]") in result.output.splitlines(), result.output
