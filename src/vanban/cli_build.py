"""The build command: plans (YAML) → DOCX/PDF in outputs/, its printed report and closing
summary, and --watch (build again after each save).

Registered on ``vanban.cli.main`` by the import at the end of cli.py; heavy imports stay inside
the functions so that ``vanban --help`` answers at once.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from vanban.cli import _at_workspace, _lang_option, _print_diagnostics, main


@main.command(epilog="""\b
Ví dụ:
  vanban build                          mọi tệp .yaml trong plans/ → outputs/
  vanban build plans/quang-binh/2025    chỉ các kế hoạch năm 2025
  vanban build plans --out ban-in --pdf  kèm PDF (cần LibreOffice)
  vanban build --watch                  dựng lại mỗi khi lưu tệp (khi đang soạn)
""")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False),
              default=None, help="Thư mục ghi kết quả (mặc định: outputs/ của thư mục dự án, "
              "nơi có plans/).")
@click.option("--pdf", is_flag=True, help="Xuất thêm PDF cạnh mỗi DOCX (qua LibreOffice).")
@click.option("--jobs", type=click.IntRange(1, 64), default=None,
              help="Số tiến trình dựng song song (mặc định: số nhân của máy).")
@click.option("--force", is_flag=True,
              help="Dựng lại mọi văn bản, kể cả văn bản có nguồn không đổi từ lần dựng trước.")
@click.option("--strict", is_flag=True, help="Coi cảnh báo là lỗi.")
@click.option("--watch", is_flag=True,
              help="Sau khi dựng, theo dõi plans/ và templates/: mỗi lần lưu tệp thì dựng lại "
                   "những gì đã đổi (Ctrl+C để dừng).")
@_lang_option
def build(paths: tuple[Path, ...], out_dir: Path | None, pdf: bool, jobs: int | None,
          force: bool, strict: bool, watch: bool, lang: str) -> None:
    """Dựng văn bản (YAML) thành DOCX đúng thể thức.

    PATHS là tệp kế hoạch hoặc thư mục (mặc định: plans/). Cấu trúc thư mục được giữ nguyên:
    plans/quang-binh/2024/ke-hoach.yaml → outputs/quang-binh/2024/ke-hoach.docx.
    Không ghi tệp nào nếu có kế hoạch lỗi; tệp cũ được giữ nguyên. Văn bản có nguồn (kế hoạch,
    danh mục, mẫu, phiên bản vanban) không đổi từ lần dựng trước thì không dựng lại; dấu vết
    được lưu trong OUT/.vanban-stamps.json.
    """
    with _at_workspace(paths, out_dir) as (named, (out,)):
        plans_root = Path("plans")
        options = {"paths": named, "out_dir": out or Path("outputs"), "pdf": pdf,
                   "jobs": jobs, "strict": strict, "lang": lang}
        ok = _build_once(force=force, **options)
        if not watch:
            sys.exit(0 if ok else 1)
        _watch([p for p in (named or (plans_root,))] + [Path("templates")], options)


def _build_once(*, paths: tuple[Path, ...], out_dir: Path, pdf: bool, jobs: int | None,
                force: bool, strict: bool, lang: str, replay: bool = True) -> bool:
    """One build with its printed report; False when it failed (and wrote nothing). Without
    ``replay`` (a --watch rebuild after a save) the warnings kept from the last build of the
    documents not made again are not printed again, only counted: the saved plan's own are
    not buried under a province's hundreds."""
    from vanban.batch import build as run_build
    from vanban.batch import default_jobs
    from vanban.errors import VanbanError, display_path
    from vanban.jobs import discover

    plans_root = Path("plans")
    try:
        jobs_list = discover(paths or (plans_root,), out_dir, plans_root)
        if not jobs_list:
            click.echo("Không có kế hoạch nào (.yaml) để dựng." if lang == "vi"
                       else "No plan (.yaml) to build.", err=True)
            return False
        with _progress(len(jobs_list), lang) as advance:
            result = run_build(jobs_list, out_dir=out_dir, workspace=Path.cwd(), strict=strict,
                               pdf=pdf, progress=advance, workers=jobs or default_jobs(),
                               force=force)
    except VanbanError as exc:
        _print_diagnostics(exc.diagnostics, lang)
        click.echo(_failed_summary(exc.diagnostics, lang), err=True)
        return False
    warnings = result.warnings
    if not replay:
        skipped = set(result.skipped)
        kept = {job.display for job in jobs_list if job.target in skipped}
        warnings = [w for w in result.warnings if w.span.file not in kept]
    _print_diagnostics(warnings, lang)
    if len(warnings) < len(result.warnings):
        hidden = len(result.warnings) - len(warnings)
        click.echo(f"({hidden} cảnh báo của các văn bản không đổi không in lại.)" if lang == "vi"
                   else f"({hidden} warning(s) of unchanged documents not shown again.)",
                   err=True)
    for path in result.written:
        click.echo(("Đã ghi " if lang == "vi" else "Wrote ") + display_path(path))
    if len(result.unchanged) > UNCHANGED_LISTED:  # a shared registry's edit: one line
        count = len(result.unchanged)
        click.echo(f"Không đổi: {count} tệp (dựng lại giống hệt tệp đang có, không ghi lại)."
                   if lang == "vi" else f"Unchanged: {count} files (made again, identical).")
    else:
        for path in result.unchanged:
            click.echo(("Không đổi " if lang == "vi" else "Unchanged ") + display_path(path))
    click.echo(_build_summary(len(result.written), len(result.unchanged), len(result.skipped),
                              lang), err=True)
    return True


UNCHANGED_LISTED = 20
"""Up to this many files made again identical are named one a line; more (an edit of a shared
registry remakes a province's hundreds of documents) are counted in one line: the files
written are what the clerk looks for."""


def _failed_summary(diagnostics, lang: str) -> str:
    """The last line of a build that stopped: how many errors, and that nothing was written."""
    from vanban.errors import Severity

    errors = sum(d.severity is Severity.ERROR for d in diagnostics) or len(diagnostics)
    if lang == "vi":
        return f"Dừng: {errors} lỗi; không ghi tệp nào, các tệp đã có được giữ nguyên."
    return (f"Stopped: {errors} error{'s' if errors != 1 else ''}; nothing written, "
            "existing files kept.")


def _watch(folders: list[Path], options: dict) -> None:
    """Build again (incrementally) after each burst of saves, until Ctrl+C."""
    import threading

    from vanban.watcher import Watcher

    lang = options["lang"]
    lock = threading.Lock()

    def again(changed: list[Path]) -> None:
        with lock:
            names = ", ".join(sorted({p.name for p in changed}))
            click.echo(f"--- Đã lưu: {names}; dựng lại ---" if lang == "vi"
                       else f"--- Saved: {names}; building again ---", err=True)
            _build_once(force=False, replay=False, **options)

    watcher = Watcher([f for f in folders if f.exists()], again)
    watcher.start()
    try:
        watcher.ready.wait()
        click.echo("Đang theo dõi thay đổi (Ctrl+C để dừng)…" if lang == "vi"
                   else "Watching for changes (Ctrl+C to stop)…", err=True)
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        watcher.stop()
    click.echo("Đã dừng theo dõi." if lang == "vi" else "Stopped watching.", err=True)


def _build_summary(written: int, unchanged: int, skipped: int, lang: str) -> str:
    """One closing line: what was written, what was already current and why."""
    if lang == "en":
        parts = [f"{written} file(s) written"] if written else []
        parts += [f"{unchanged} file(s) made again and identical"] if unchanged else []
        parts += [(f"{skipped} document(s) skipped (sources unchanged since the last build; "
                  "--force builds them)")] if skipped else []
        head = "Done: " if written else "Every output was already current: "
        return head + "; ".join(parts or ["nothing to do"]) + "."
    parts = [f"đã ghi {written} tệp"] if written else []
    parts += [f"{unchanged} tệp dựng lại giống hệt tệp đang có"] if unchanged else []
    parts += [(f"{skipped} văn bản bỏ qua vì nguồn không đổi từ lần dựng trước (--force để "
              "dựng lại)")] if skipped else []
    head = "Xong: " if written else "Các tệp kết quả đã đúng với nguồn, không cần ghi lại: "
    return head + "; ".join(parts or ["không có việc gì"]) + "."


class _progress:
    """A rich progress bar on a terminal when there are several documents; silent otherwise."""

    def __init__(self, total: int, lang: str) -> None:
        self.total, self.lang, self.bar = total, lang, None

    def __enter__(self):
        if self.total < 3 or not sys.stderr.isatty() or os.environ.get("CI"):
            return None
        from rich.progress import Progress

        self.bar = Progress(transient=True)
        self.bar.start()
        task = self.bar.add_task("Đang dựng" if self.lang == "vi" else "Building",
                                 total=self.total)
        return lambda _name: self.bar.advance(task)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()
