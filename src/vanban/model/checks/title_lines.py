"""How the trích yếu will fall into lines: a last line holding a word or two ("2025" alone under
two full lines) is warned, with the title broken into even lines to copy.

The lines are those Word and LibreOffice make: the summary is centred in the full text width,
bold, 14 pt (ô 5a), and both break it between words where the next word no longer fits
(``rules.metrics.wrap``, Times New Roman's advance widths). A title the clerk broke by hand
(``title: |-`` with one printed line per line) is left as written.
"""

from __future__ import annotations

from vanban.model.checks.base import Findings
from vanban.rules import nd30
from vanban.rules.metrics import even_lines, wrap

SUMMARY_WIDTH_PT = nd30.TEXT_WIDTH_MM * 72 / 25.4
SUMMARY_SIZE_PT = nd30.SUMMARY.size.default


def summary_lines(title: str) -> list[str] | None:
    """The summary ``title`` (one line as typed) in even lines, when as typed its last printed
    line would be short; None when it prints well."""
    return even_lines(" ".join(title.split()), SUMMARY_WIDTH_PT, SUMMARY_SIZE_PT, bold=True)


def check_title_lines(plan, out: Findings) -> None:
    """Warn when the summary's last printed line is short (not for a Công văn: its summary
    is the V/v line in the header, set in its own width)."""
    if getattr(plan, "type", None) == nd30.CONG_VAN or "\n" in plan.title.strip():
        return
    even = summary_lines(plan.title)
    if even is None:
        return
    last = wrap(" ".join(plan.title.split()), SUMMARY_WIDTH_PT, SUMMARY_SIZE_PT, bold=True)[-1]
    shown = " / ".join(f"\"{line}\"" for line in even)
    out.warning(
        "title.short-last-line", ("title",),
        f"Trích yếu xuống dòng để \"{last}\" đứng riêng ở dòng cuối.",
        f"The summary wraps leaving \"{last}\" alone on its last line.",
        "Ngắt dòng cho đều: viết \"title: |-\" rồi mỗi dòng in một dòng bên dưới (thụt vào "
        f"2 dấu cách), ví dụ {shown}.",
        "Break it into even lines: write \"title: |-\" and each printed line on its own line "
        f"below it (indented by 2 spaces), e.g. {shown}.")
