"""convert_to_pdf() with stand-in executables: discovery, failures, batching, atomic writes."""

from __future__ import annotations

import os
import stat
import sys
import time
from pathlib import Path

import pytest

from vanban.errors import VanbanError
from vanban.pdf import convert
from vanban.pdf.convert import convert_to_pdf

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="stand-ins are shell scripts")

# Writes "<stem>.pdf" into --outdir for every *.docx argument and logs each call.
FAKE = """#!/bin/sh
echo call >> "{log}"
out=""; prev=""
for a in "$@"; do
  if [ "$prev" = "--outdir" ]; then out="$a"; fi
  case "$a" in *.docx) printf '%%PDF-1.4 fake' > "$out/$(basename "$a" .docx).pdf";; esac
  prev="$a"
done
"""


def _script(path, body: str):
    path.write_text(body, encoding="utf-8")
    path.chmod(0o755)
    return path


def _docx(path):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"PK fake docx")
    return path


@pytest.fixture
def fake(tmp_path, monkeypatch):
    """A stand-in soffice; returns the log file it appends one line to per call."""
    log = tmp_path / "calls.log"
    script = _script(tmp_path / "fake-soffice",
                     FAKE.format(log=log))
    monkeypatch.setenv("VANBAN_SOFFICE", str(script))
    return log


def _codes(exc: pytest.ExceptionInfo[VanbanError]) -> list[str]:
    return [d.code for d in exc.value.diagnostics]


def test_missing_override_is_no_libreoffice(tmp_path, monkeypatch):
    monkeypatch.setenv("VANBAN_SOFFICE", str(tmp_path / "no" / "soffice"))
    with pytest.raises(VanbanError) as exc:
        convert_to_pdf([_docx(tmp_path / "a.docx")])
    [diag] = exc.value.diagnostics
    assert diag.code == "pdf.no-libreoffice"
    assert "VANBAN_SOFFICE" in diag.message and diag.message_en


def test_nothing_on_path_is_no_libreoffice(tmp_path, monkeypatch):
    monkeypatch.delenv("VANBAN_SOFFICE", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(convert, "_KNOWN_PATHS", ())
    with pytest.raises(VanbanError) as exc:
        convert_to_pdf([_docx(tmp_path / "a.docx")])
    [diag] = exc.value.diagnostics
    assert diag.code == "pdf.no-libreoffice"
    assert diag.message.startswith("Không tìm thấy LibreOffice (lệnh soffice).")
    assert diag.span.file == str(tmp_path / "a.docx")


@posix_only
def test_all_files_one_call_into_out_dir(tmp_path, fake):
    sources = [_docx(tmp_path / "src" / f"{name}.docx") for name in ("kh", "bc", "qd")]
    out = tmp_path / "out"
    pdfs = convert_to_pdf(sources, out)
    assert pdfs == [out / "kh.pdf", out / "bc.pdf", out / "qd.pdf"]
    assert all(p.read_bytes() == b"%PDF-1.4 fake" for p in pdfs)
    assert fake.read_text().count("call") == 1
    assert stat.S_IMODE(pdfs[0].stat().st_mode) == 0o644
    assert sorted(p.name for p in out.iterdir()) == ["bc.pdf", "kh.pdf", "qd.pdf"]  # no temp


@posix_only
def test_same_name_in_two_folders_still_one_call(tmp_path, fake):
    sources = [_docx(tmp_path / "a" / "kh.docx"), _docx(tmp_path / "b" / "kh.docx")]
    assert convert_to_pdf(sources) == [tmp_path / "a" / "kh.pdf", tmp_path / "b" / "kh.pdf"]
    assert fake.read_text().count("call") == 1


@posix_only
def test_unchanged_pdf_is_not_rewritten(tmp_path, fake):
    source = _docx(tmp_path / "kh.docx")
    [pdf] = convert_to_pdf([source])
    before = pdf.stat()
    time.sleep(0.01)
    convert_to_pdf([source])
    after = pdf.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_name_clash_and_missing_input_reported_together(tmp_path, fake):
    sources = [_docx(tmp_path / "a" / "kh.docx"), _docx(tmp_path / "b" / "kh.docx"),
               tmp_path / "missing.docx"]
    with pytest.raises(VanbanError) as exc:
        convert_to_pdf(sources, tmp_path / "out")
    assert sorted(_codes(exc)) == ["pdf.convert-failed", "pdf.name-clash"]
    assert not fake.exists()  # LibreOffice never started
    assert not (tmp_path / "out").exists()


@posix_only
def test_no_pdf_produced_names_each_file(tmp_path, monkeypatch):
    script = _script(tmp_path / "soffice", "#!/bin/sh\necho 'Error: source file could not "
                                            "be loaded'\nexit 0\n")
    monkeypatch.setenv("VANBAN_SOFFICE", str(script))
    sources = [_docx(tmp_path / "kh.docx"), _docx(tmp_path / "bc.docx")]
    with pytest.raises(VanbanError) as exc:
        convert_to_pdf(sources)
    assert _codes(exc) == ["pdf.convert-failed", "pdf.convert-failed"]
    assert [d.span.file for d in exc.value.diagnostics] == [str(s) for s in sources]
    assert "could not be loaded" in exc.value.diagnostics[0].hint
    assert not list(tmp_path.glob("*.pdf"))


@posix_only
def test_timeout_kills_the_whole_process_group(tmp_path, monkeypatch):
    # The child `sleep` keeps the output pipe open: only killing the group lets us return.
    pids = tmp_path / "pids"
    script = _script(tmp_path / "soffice",
                     f"#!/bin/sh\necho $$ > {pids}\nsleep 30 &\necho $! >> {pids}\nwait\n")
    monkeypatch.setenv("VANBAN_SOFFICE", str(script))
    with pytest.raises(VanbanError) as exc:
        convert_to_pdf([_docx(tmp_path / "kh.docx")], timeout=0.5)
    assert _codes(exc) == ["pdf.convert-failed"]
    assert "0.5 giây" in exc.value.diagnostics[0].message
    # Neither the stand-in nor its child is left running (no wall-clock bound: a count of the living).
    alive = []
    for pid in map(int, pids.read_text().split()):
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            pass
        stat_file = Path(f"/proc/{pid}/stat")
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            continue
        if not stat_file.exists() or stat_file.read_text().split()[2] != "Z":  # not a zombie
            alive.append(pid)
    assert alive == []


def test_empty_input_starts_nothing(monkeypatch):
    monkeypatch.setenv("VANBAN_SOFFICE", os.devnull + "-absent")
    assert convert_to_pdf([]) == []


@posix_only
@pytest.mark.parametrize(("sig", "raised"), [("SIGTERM", SystemExit), ("SIGINT", KeyboardInterrupt)])
def test_a_signal_arriving_while_libreoffice_starts_still_ends_it(tmp_path, monkeypatch, sig,
                                                                    raised):
    """The signal lands inside subprocess.Popen, after the child exists but before Popen
    returns (a window a busy machine widens): the child must still be ended."""
    import signal
    import subprocess

    pids = tmp_path / "pids"
    script = _script(tmp_path / "soffice", f"#!/bin/sh\necho $$ > {pids}\nexec sleep 30\n")
    monkeypatch.setenv("VANBAN_SOFFICE", str(script))
    real = subprocess.Popen

    def popen_then_signal(*args, **kwargs):
        proc = real(*args, **kwargs)
        for _ in range(400):  # until the stand-in runs (bounded by count)
            if pids.exists() and pids.read_text().strip():
                break
            time.sleep(0.01)
        os.kill(os.getpid(), getattr(signal, sig))
        for _ in range(100):  # let the interpreter run the handler here, inside "Popen"
            time.sleep(0.001)
        return proc

    monkeypatch.setattr(convert.subprocess, "Popen", popen_then_signal)
    with pytest.raises(raised):
        convert_to_pdf([_docx(tmp_path / "kh.docx")])
    child = int(pids.read_text())
    try:
        os.waitpid(child, os.WNOHANG)
    except ChildProcessError:
        pass
    with pytest.raises(ProcessLookupError):
        os.kill(child, 0)
