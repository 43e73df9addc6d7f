"""Regenerate src/vanban/rules/times_metrics.json from the Liberation Serif 2 fonts.

Liberation Serif is metric-compatible with Times New Roman: the advance widths are the same, so
the renderer can size horizontal rules without any font installed. Run once; the JSON is committed.
"""

import json
import sys
from pathlib import Path

from fontTools.ttLib import TTFont

FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
STYLES = {"regular": "Regular", "bold": "Bold", "italic": "Italic", "bolditalic": "BoldItalic"}
RANGES = [(0x20, 0x7F), (0xA0, 0x180), (0x1A0, 0x1B1), (0x300, 0x324), (0x1EA0, 0x1EFA),
          (0x2010, 0x2027), (0x2030, 0x203B)]


def main() -> None:
    out: dict = {"units_per_em": 2048, "styles": {}}
    for key, suffix in STYLES.items():
        font = TTFont(FONT_DIR / f"LiberationSerif-{suffix}.ttf")
        assert font["head"].unitsPerEm == 2048
        cmap, hmtx = font.getBestCmap(), font["hmtx"]
        widths = {}
        for lo, hi in RANGES:
            for cp in range(lo, hi):
                if cp in cmap:
                    widths[chr(cp)] = hmtx[cmap[cp]][0]
        out["styles"][key] = widths
    target = Path(__file__).resolve().parents[1] / "src/vanban/rules/times_metrics.json"
    target.write_text(json.dumps(out, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
                      encoding="utf-8")
    print(f"wrote {target}", file=sys.stderr)


if __name__ == "__main__":
    main()
