"""Regenerate the default template(s) from the rule pack: templates/ and the packaged copy."""

import datetime as dt
import sys
from pathlib import Path

from vanban.ooxml.frame import build_template
from vanban.output import ZIP_EPOCH, normalise_zip

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    data = normalise_zip(build_template(), dt.datetime(*ZIP_EPOCH))
    for target in (ROOT / "templates/mau-1-4.docx", ROOT / "src/vanban/templates/mau-1-4.docx"):
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        print(f"wrote {target.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
