"""Regenerate the default templates from the rule pack: one per layout in the table of document
types (``vanban.doctypes``), written to templates/ and to the packaged copy."""

import datetime as dt
import sys
from pathlib import Path

from vanban.doctypes import templates
from vanban.output import ZIP_EPOCH, normalise_zip

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    for name, doctype in sorted(templates().items()):
        data = normalise_zip(doctype.build_template(), dt.datetime(*ZIP_EPOCH))
        for target in (ROOT / "templates" / name, ROOT / "src/vanban/templates" / name):
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            print(f"wrote {target.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
