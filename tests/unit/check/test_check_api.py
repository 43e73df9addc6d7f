"""The checker's entry points: unreadable files, text and JSON output, exit decision."""

from __future__ import annotations

import json

from check_corpus_loader import build_module as corpus

from vanban.check.api import check_files, format_text, has_errors, rule_table, to_json


def test_unreadable_file_is_one_error_finding_not_a_traceback(tmp_path):
    bad = tmp_path / "hỏng.docx"
    bad.write_bytes(b"not a zip")
    good = tmp_path / "tốt.docx"
    good.write_bytes(corpus.build())
    results = check_files([bad, good])
    assert [f.rule for f in results[str(bad)]] == ["docx.not-docx"]
    assert results[str(good)] == []
    assert has_errors(results)


def test_text_and_json_output(tmp_path):
    doc = tmp_path / "thang-03.docx"
    doc.write_bytes(corpus.build(date="Quảng Bình, ngày 15 tháng 03 năm 2024"))
    results = check_files([doc])
    text = format_text(results)
    assert "[ND30-DATE-PADDING]" in text and "tháng 3" in text and "ô 4" in text
    assert "chưa đạt thể thức" in text
    assert "Only days below 10" in format_text(results, "en")
    data = json.loads(to_json(results))
    finding = data["files"][0]["findings"][0]
    assert finding["rule"] == "ND30-DATE-PADDING" and finding["found"] == "tháng 03"
    assert data["files"][0]["ok"] is False


def test_rule_table_lists_unique_ids_with_citations():
    table = rule_table()
    assert len({row[0] for row in table}) == len(table) >= 30
    assert all(row[3] for row in table)
