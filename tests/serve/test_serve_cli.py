"""``vanban serve`` on the command line: its help, its usage errors, a port already in use, and
``--out`` (the only way it writes outside its temporary folder)."""

from __future__ import annotations

import socket

from click.testing import CliRunner
from tests.serve.helpers import PLAN_2024, TWO_FILES, make_workspace


def _run(*args: str):
    from vanban.cli import main

    return CliRunner().invoke(main, list(args))


def test_help_is_vietnamese_with_examples():
    result = _run("serve", "--help")
    assert result.exit_code == 0
    assert "Xem trước kế hoạch trong trình duyệt" in result.output
    assert "vanban serve plans/quang-binh --open" in result.output
    assert "serve" in _run("--help").output


def test_a_missing_folder_is_a_usage_error():
    result = _run("serve", "khong-co-thu-muc-nay")
    assert result.exit_code == 2
    assert "Lỗi cách dùng lệnh" in result.output and "khong-co-thu-muc-nay" in result.output


def test_a_port_in_use_is_a_located_error(tmp_path, monkeypatch):
    ws = make_workspace(tmp_path)
    monkeypatch.chdir(ws)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = _run("serve", "plans", "--port", str(port))
    assert result.exit_code == 1
    assert result.output == (f"--port: lỗi [serve.port-busy] Cổng {port} đang được dùng; chọn "
                             f"cổng khác, ví dụ --port {port + 1}.\n")


def test_out_gets_the_docx_and_the_plans_folder_nothing(tmp_path):
    from vanban.serve.site import Site

    ws = make_workspace(tmp_path)
    before = sorted(p.relative_to(ws) for p in ws.rglob("*"))
    site = Site(ws / "plans", ws, tmp_path / "cache", office=None, out=tmp_path / "out")
    try:
        site._build(PLAN_2024, ws / "plans" / PLAN_2024)  # what the builder thread runs
    finally:
        site.close()
    out = tmp_path / "out" / PLAN_2024.replace(".yaml", ".docx")
    assert out.read_bytes()[:2] == b"PK"
    assert sorted((tmp_path / "out").rglob("*.*")) == [out]  # no PDF without LibreOffice
    assert sorted(p.relative_to(ws) for p in ws.rglob("*")) == before


def test_a_second_output_is_built_shown_and_written_like_vanban_build(tmp_path, monkeypatch):
    """A Quyết định in the two-files layout: the preview has both documents (text, files,
    findings of each), ``--out`` gets both, byte for byte what ``vanban build`` writes."""
    from vanban.cli import main
    from vanban.serve.site import Site

    ws = make_workspace(tmp_path)
    site = Site(ws / "plans", ws, tmp_path / "cache", office=None, out=tmp_path / "out")
    try:
        site._build(TWO_FILES, ws / "plans" / TWO_FILES)
        s = site.snapshot(TWO_FILES)
    finally:
        site.close()
    assert s["status"] == "ok" and s["files"] == ["document.docx", "attached.docx"]
    assert s["attached_name"] == "du-thao-quyet-dinh-hai-tep-kem-theo.docx"
    decision, _, plan = s["text"].partition(
        "\n\nVĂN BẢN KÈM THEO: du-thao-quyet-dinh-hai-tep-kem-theo.docx\n\n")
    assert "QUYẾT ĐỊNH" in decision and "KẾ HOẠCH" not in decision
    assert "KẾ HOẠCH" in plan and "I. MỤC ĐÍCH, YÊU CẦU" in plan.upper()
    monkeypatch.chdir(ws)
    result = CliRunner().invoke(main, ["build", f"plans/{TWO_FILES}", "--out",
                                       str(tmp_path / "built")])
    assert result.exit_code == 0, result.output
    built = tmp_path / "built" / "quang-binh" / "2025"
    served = tmp_path / "out" / "quang-binh" / "2025"
    names = ["du-thao-quyet-dinh-hai-tep.docx", "du-thao-quyet-dinh-hai-tep-kem-theo.docx"]
    assert sorted(p.name for p in served.iterdir()) == sorted(names)
    for name in names:
        assert (served / name).read_bytes() == (built / name).read_bytes(), name
