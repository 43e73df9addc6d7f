"""Hostile and odd files: zip bombs, devices, FIFOs, huge paragraph counts, LibreOffice failing
on one file of a batch, signals during --pdf, and terminal control characters. Bounds are
checked by counts and by the test's own resource limits, never by the clock."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path

import pytest
from check_corpus_loader import build_module as corpus

from vanban.check.api import check_files, format_text, to_json
from vanban.errors import VanbanError
from vanban.ooxml import opc, reader
from vanban.ooxml.reader import read_docx

SRC = Path(__file__).resolve().parents[3] / "src"
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX files and signals")


def _bomb(inflated: int) -> bytes:
    """A DOCX whose document.xml inflates to ``inflated`` bytes (a few KB on disk)."""
    good = zipfile.ZipFile(io.BytesIO(corpus.build()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for item in good.infolist():
            if item.filename != "word/document.xml":
                out.writestr(item, good.read(item))
        with out.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(b"<w:document>")
            block = b" " * (1 << 20)
            for _ in range(inflated >> 20):
                member.write(block)
    return buf.getvalue()


def test_a_zip_bomb_is_refused_once_the_inflated_bytes_pass_the_cap(monkeypatch):
    monkeypatch.setattr(opc, "MAX_PART_BYTES", 2 << 20)
    data = _bomb(8 << 20)
    assert len(data) < 64 << 10
    with pytest.raises(VanbanError) as err:
        read_docx(data, name="bom.docx")
    (diag,) = err.value.diagnostics
    assert diag.code == "docx.too-large" and "giải nén ra hơn 2 MB" in diag.message


def test_the_real_caps_hold_a_300_mb_bomb_within_a_1_gb_address_space(tmp_path):
    # Run in a child whose address space is capped: reading the whole part (or parsing it)
    # would need far more than the limit and fail with MemoryError instead of the diagnostic.
    script = textwrap.dedent(f"""
        import resource, sys
        sys.path[:0] = [{str(SRC)!r}, {str(Path(__file__).parent)!r}]
        from test_check_hostile import _bomb
        data = _bomb(300 << 20)
        limit = 1 << 30
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        from vanban.errors import VanbanError
        from vanban.ooxml.reader import read_docx
        try:
            read_docx(data, name="bom.docx")
        except VanbanError as exc:
            print(exc.diagnostics[0].code)
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False,
                         cwd=tmp_path)
    assert out.stdout.strip() == "docx.too-large", out.stderr[-2000:]


def test_a_member_lying_about_its_size_is_corrupt_not_inflated(tmp_path):
    data = bytearray(_bomb(4 << 20))
    # Shrink the declared size in the central directory: zipfile then stops at the lie.
    at = data.rfind(b"PK\x01\x02")
    while at >= 0:
        name_len = int.from_bytes(data[at + 28:at + 30], "little")
        if data[at + 46:at + 46 + name_len] == b"word/document.xml":
            data[at + 24:at + 28] = (100).to_bytes(4, "little")
            break
        at = data.rfind(b"PK\x01\x02", 0, at)
    with pytest.raises(VanbanError) as err:
        read_docx(bytes(data), name="lies.docx")
    assert err.value.diagnostics[0].code in ("docx.corrupt", "docx.too-large")


def test_too_many_paragraphs_are_refused(monkeypatch):
    monkeypatch.setattr(reader, "MAX_PARAGRAPHS", 20)
    with pytest.raises(VanbanError) as err:
        read_docx(corpus.build(filler=30), name="dai.docx")
    assert err.value.diagnostics[0].code == "docx.too-large"
    assert "hơn 20 đoạn văn" in err.value.diagnostics[0].message


@posix_only
def test_dev_zero_and_a_fifo_are_not_read(tmp_path):
    fifo = tmp_path / "x.docx"
    os.mkfifo(fifo)  # opening it for reading would block until a writer comes: never here
    results = check_files(["/dev/zero", fifo])
    assert [f.rule for f in results["/dev/zero"]] == ["docx.not-a-file"]
    assert [f.rule for f in results[str(fifo)]] == ["docx.not-a-file"]


def test_a_file_too_large_on_disk_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "MAX_FILE_BYTES", 1000)
    big = tmp_path / "lon.docx"
    big.write_bytes(corpus.build())
    assert [f.rule for f in check_files([big])[str(big)]] == ["docx.too-large"]


def test_check_files_reads_each_file_once(tmp_path, monkeypatch):
    paths = []
    for k in range(3):
        paths.append(tmp_path / f"{k}.docx")
        paths[-1].write_bytes(corpus.build())
    calls = []
    real = reader.read_source

    def counted(path):
        calls.append(path)
        return real(path)

    # Both names: the API's own import and the reader's (a second read through read_docx).
    monkeypatch.setattr("vanban.check.api.read_source", counted)
    monkeypatch.setattr(reader, "read_source", counted)
    check_files(paths)
    assert calls == paths


def test_control_and_bidi_characters_are_escaped_in_text_and_json(tmp_path):
    doc = tmp_path / "x.docx"
    doc.write_bytes(corpus.build(end="Kế hoạch \x9b2J này\u202e được thực hiện."))
    results = check_files([doc])
    text = format_text(results)
    assert "\x9b" not in text and "\u202e" not in text
    assert "\\x9b2J" in text and "\\u202e" in text
    raw = to_json(results)
    assert "\u202e" not in raw and "\x9b" not in raw
    assert "\u202e" in json.dumps(json.loads(raw), ensure_ascii=False)


# --- check --pdf with a LibreOffice stand-in ----------------------------------------------------

# A minimal one-page PDF (what the stand-in "converts" every loadable file into).
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
       b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
       b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
       b"trailer<</Root 1 0 R>>\n%%EOF\n")

# Converts every *.docx argument except those named *hong*, like LibreOffice printing
# "Error: source file could not be loaded" for a file it cannot open.
FAKE = """#!/bin/sh
out=""; prev=""
for a in "$@"; do
  if [ "$prev" = "--outdir" ]; then out="$a"; fi
  case "$a" in
    *hong*.docx) echo "Error: source file could not be loaded";;
    *.docx) cp "{pdf}" "$out/$(basename "$a" .docx).pdf";;
  esac
  prev="$a"
done
"""

# Writes its pid, then waits like a LibreOffice busy with a large batch.
SLOW = """#!/bin/sh
echo $$ > "{pid}"
exec sleep 60
"""


def _stand_in(tmp_path: Path, body: str) -> Path:
    script = tmp_path / "soffice"
    script.write_text(body, encoding="utf-8")
    script.chmod(0o755)
    return script


@posix_only
def test_one_file_libreoffice_cannot_load_does_not_hide_the_others(tmp_path, monkeypatch):
    (tmp_path / "one.pdf").write_bytes(PDF)
    monkeypatch.setenv("VANBAN_SOFFICE", str(_stand_in(tmp_path, FAKE.format(
        pdf=tmp_path / "one.pdf"))))
    good, bad = tmp_path / "tot.docx", tmp_path / "hong.docx"
    good.write_bytes(corpus.build())
    bad.write_bytes(corpus.build(number_size=12))
    results = check_files([good, bad], pdf=True)
    assert [f.rule for f in results[str(bad)]] == ["pdf.convert-failed", "ND30-NUMBER"]
    assert "pdf.convert-failed" not in {f.rule for f in results[str(good)]}


# ``check --pdf`` through the CLI; ``build --pdf`` converts through the same
# vanban.pdf.convert.convert_to_pdf, run here on its own.
CHECK = ["-c", "from vanban.cli import main; main()", "check", "--pdf", "{doc}"]
BUILD = ["-c", ("import sys; from pathlib import Path; from vanban.pdf.convert import "
               "convert_to_pdf; convert_to_pdf([Path(sys.argv[1])])"), "{doc}"]


@posix_only
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["sigterm", "ctrl-c"])
@pytest.mark.parametrize("command", [CHECK, BUILD], ids=["check", "build"])
def test_a_signal_during_pdf_conversion_ends_libreoffice_and_removes_its_folder(
        tmp_path, sig, command):
    pid_file = tmp_path / "soffice.pid"
    temp = tmp_path / "tmp"
    temp.mkdir()
    doc = tmp_path / "x.docx"
    doc.write_bytes(corpus.build())
    env = dict(os.environ, VANBAN_SOFFICE=str(_stand_in(tmp_path, SLOW.format(pid=pid_file))),
               TMPDIR=str(temp), PYTHONPATH=str(SRC))
    proc = subprocess.Popen([sys.executable, *(a.format(doc=doc) for a in command)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(600):  # until the stand-in has started (bounded by count)
            if proc.poll() is not None or (pid_file.exists() and pid_file.read_text().strip()):
                break
            time.sleep(0.05)
        child = int(pid_file.read_text())
        proc.send_signal(sig)
        _out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode != 0
    assert command is BUILD or b"Traceback" not in err
    with pytest.raises(ProcessLookupError):
        for _ in range(100):  # the stand-in is reaped by init once killed
            os.kill(child, 0)
            time.sleep(0.05)
    assert list(temp.iterdir()) == []


def test_a_failed_pdf_conversion_alone_is_not_an_unread_file():
    """The file was read and checked; only LibreOffice failed: the verdict says the finding,
    not "could not be read"."""
    from vanban.check.api import _unreadable
    from vanban.check.finding import Findings
    from vanban.errors import Diagnostic, Span

    failed = Findings([_unreadable(Diagnostic("pdf.convert-failed", "LibreOffice không mở được.",
                                              Span("x.docx")))])
    text = format_text({"x.docx": failed})
    assert "không đọc được" not in text and "(1 lỗi, 0 cảnh báo)" in text
    unread = Findings([_unreadable(Diagnostic("docx.not-docx", "Không phải DOCX.",
                                              Span("y.docx")))])
    assert format_text({"y.docx": unread}).endswith("y.docx: không đọc được, không kiểm tra.")
