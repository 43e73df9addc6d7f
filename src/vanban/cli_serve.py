"""``vanban serve``: the command line side of the live preview (see ``vanban.serve``)."""

from __future__ import annotations

from pathlib import Path

import click

from vanban.cli import _at_workspace, _fail, _lang_option, main


@main.command(epilog="""\b
Ví dụ:
  vanban serve                        xem trước mọi kế hoạch trong plans/
  vanban serve plans/quang-binh --open
  vanban serve --port 8765            chọn cổng khác (mặc định 8000)
  vanban serve --out ban-xem-truoc    ghi thêm DOCX/PDF mới nhất vào thư mục này
""")
@click.argument("path", required=False, default=None,
                type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Cổng của máy chủ (0: một cổng còn trống).")
@click.option("--open", "open_browser", is_flag=True, help="Mở trang trong trình duyệt.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False),
              default=None, help="Ghi thêm DOCX/PDF của mỗi lần dựng vào thư mục này "
              "(mặc định: chỉ vào một thư mục tạm).")
@_lang_option
def serve(path: Path | None, port: int, open_browser: bool, out_dir: Path | None, lang: str
          ) -> None:
    """Xem trước kế hoạch trong trình duyệt, tự cập nhật mỗi khi lưu tệp.

    Mở một trang web trên máy này (chỉ địa chỉ 127.0.0.1) liệt kê các kế hoạch trong PATH
    (mặc định plans/). Mỗi kế hoạch hiện: các trang PDF đúng như khi in (qua LibreOffice), lỗi
    của kế hoạch kèm tệp:dòng:cột (bấm để mở trong VS Code), kết quả kiểm tra thể thức, và
    nút tải DOCX/PDF. Khi lưu kế hoạch, danh mục (_shared) hoặc mẫu (templates/), trang tự dựng
    lại phần thay đổi. Không ghi gì vào thư mục kế hoạch. Dừng bằng Ctrl+C.
    """
    from vanban.errors import VanbanError
    from vanban.serve.app import run

    opener = None
    if open_browser:
        import webbrowser

        opener = webbrowser.open
    with _at_workspace(() if path is None else (path,), out_dir) as (named, (out,)):
        plans = named[0] if named else Path("plans")  # the workspace's (see _at_workspace)
        if not plans.is_dir():
            raise click.UsageError(
                "No plans/ folder: run it in the project folder, or name the folder of plans."
                if lang == "en" else "Không có thư mục plans/: chạy lệnh trong thư mục dự án, "
                "hoặc chỉ rõ thư mục kế hoạch.")
        try:
            run(plans, port=port, out=out, lang=lang, say=lambda line: click.echo(line),
                opened=opener)
        except VanbanError as exc:
            _fail(exc, lang)
