"""Make LibreOffice's PDF bytes reproducible.

LibreOffice 7.4 stamps every PDF with the wall-clock time (``/CreationDate``) and derives the
trailer ``/ID`` and its own ``/DocChecksum`` from it; it ignores ``SOURCE_DATE_EPOCH``. Everything
else in its output is already stable for a given DOCX and LibreOffice version. We rewrite exactly
those three values *in place with the same byte length*, so the cross-reference offsets stay
valid, and leave the file untouched whenever a value has a shape we do not recognise.
"""

from __future__ import annotations

import hashlib
import re
import time

_DATE = re.compile(rb"/(?:CreationDate|ModDate)\s*\((D:[0-9A-Za-z+\-']*)\)")
_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]{32})>\s*<([0-9A-Fa-f]{32})>\s*\]")
_CHECKSUM = re.compile(rb"/DocChecksum\s*/([0-9A-Fa-f]{32})")

# Time-zone suffixes for UTC, keyed by the total length of the date string they produce, so a
# replacement always has the length of the value it replaces. "Z'" is LibreOffice's own form.
_UTC_SUFFIX = {16: "", 17: "Z", 18: "Z'", 22: "+00'00", 23: "+00'00'"}


def pdf_date(epoch: int, length: int) -> bytes | None:
    """The PDF date string ``D:YYYYMMDDHHmmSS…`` for ``epoch`` (UTC) with exactly ``length`` bytes,
    or None when no UTC form has that length."""
    suffix = _UTC_SUFFIX.get(length)
    if suffix is None:
        return None
    return (time.strftime("D:%Y%m%d%H%M%S", time.gmtime(epoch)) + suffix).encode("ascii")


def normalize_pdf(data: bytes, epoch: int) -> bytes:
    """``data`` with its creation/modification dates set to ``epoch`` and its ``/ID`` and
    ``/DocChecksum`` replaced by a hash of the content; same length as ``data``."""
    out = bytearray(data)
    for m in _DATE.finditer(data):
        new = pdf_date(epoch, len(m.group(1)))
        if new is not None:
            out[m.start(1):m.end(1)] = new

    holes = [m.span(g) for m in _ID.finditer(data) for g in (1, 2)]
    holes += [m.span(1) for m in _CHECKSUM.finditer(data)]
    hashed = bytearray(out)
    for start, end in holes:
        hashed[start:end] = b"0" * (end - start)
    digest = hashlib.md5(bytes(hashed), usedforsecurity=False).hexdigest().upper().encode("ascii")
    for start, end in holes:
        out[start:end] = digest
    assert len(out) == len(data)
    return bytes(out)
