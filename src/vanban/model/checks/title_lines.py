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
from vanban.rules.metrics import text_width_pt, wrap

PT_PER_MM = 72 / 25.4
SHORT = 0.25
"""A last line narrower than this share of the text width stands out under full lines."""


def check_title_lines(plan, out: Findings) -> None:
    """Warn when the summary's last printed line is short (not for a Công văn: its summary
    is the V/v line in the header, set in its own width)."""
    if getattr(plan, "type", None) == nd30.CONG_VAN or "\n" in plan.title.strip():
        return
    title = " ".join(plan.title.split())
    width = nd30.TEXT_WIDTH_MM * PT_PER_MM
    size = nd30.SUMMARY.size.default
    lines = wrap(title, width, size, bold=True)
    if len(lines) < 2 or text_width_pt(lines[-1], size, bold=True) >= SHORT * width:
        return
    shown = " / ".join(f"\"{line}\"" for line in balanced(title, width, size, len(lines)))
    out.warning(
        "title.short-last-line", ("title",),
        f"Trích yếu xuống dòng để \"{lines[-1]}\" đứng riêng ở dòng cuối.",
        f"The summary wraps leaving \"{lines[-1]}\" alone on its last line.",
        "Ngắt dòng cho đều: viết \"title: |-\" rồi mỗi dòng in một dòng bên dưới (thụt vào "
        f"2 dấu cách), ví dụ {shown}.",
        "Break it into even lines: write \"title: |-\" and each printed line on its own line "
        f"below it (indented by 2 spaces), e.g. {shown}.")


def balanced(text: str, width: float, size: float, count: int) -> list[str]:
    """``text`` in ``count`` lines as even as the words allow: wrapped at the narrowest width
    that still gives ``count`` lines (found by bisection on the width)."""
    low, high = 0.0, width
    for _ in range(30):
        middle = (low + high) / 2
        if len(wrap(text, middle, size, bold=True)) <= count:
            high = middle
        else:
            low = middle
    return wrap(text, high, size, bold=True)
