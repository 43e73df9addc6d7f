"""Opening a DOCX package safely: the zip, its relationships, and parts parsed on demand."""

from __future__ import annotations

import io
import posixpath
import zipfile

from lxml import etree

from vanban.errors import error
from vanban.ooxml.props import W_NS

_STRICT_W_NS = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Bounds on what one DOCX may make us hold: the bytes actually inflated (members may lie about
# their size, so the count is of what comes out of the decompressor), per part and in all.
# A 1,700-page report's document.xml is about 40 MB; a zip bomb is refused before it grows.
MAX_PART_BYTES = 96 * 1024 * 1024
MAX_INFLATED_BYTES = 192 * 1024 * 1024
_CHUNK = 1024 * 1024


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                           load_dtd=False, remove_comments=True)


class _Package:
    """The zip, its parts parsed on demand."""

    def __init__(self, data: bytes, name: str):
        self.name = name
        if data[:8] == _OLE_MAGIC:
            utf16 = "EncryptionInfo".encode("utf-16-le")
            if utf16 in data:
                raise error("docx.encrypted",
                            f"Tệp {name} được mã hóa bằng mật khẩu; hãy gỡ mật khẩu rồi lưu lại "
                            "dạng .docx.", name,
                            message_en=f"{name} is password-protected; remove the password and "
                                       "save it as .docx again.")
            raise error("docx.not-docx",
                        f"Tệp {name} là định dạng Word 97–2003 (.doc), không phải .docx; hãy mở "
                        "bằng Word hoặc LibreOffice và lưu lại dạng .docx.", name,
                        message_en=f"{name} is a Word 97-2003 .doc file, not .docx; save it as "
                                   ".docx first.")
        if data.lstrip()[:5] == b"%PDF-":
            raise error("docx.not-docx",
                        f"Tệp {name} là tệp PDF, không phải .docx: thể thức được kiểm tra trên tệp "
                        "Word; hãy kiểm tra tệp .docx gốc của văn bản.", name,
                        message_en=f"{name} is a PDF, not .docx: the format is checked on the "
                                   "Word file; check the document's original .docx.")
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, ValueError):
            raise error("docx.not-docx", f"Tệp {name} không phải là tệp DOCX (không phải tệp nén "
                        "zip của Word).", name,
                        message_en=f"{name} is not a DOCX file (not a zip package).") from None
        self.names = set(self.zip.namelist())
        self.inflated = 0
        self.main = self._main_part()
        if self.main not in self.names:
            raise self.corrupt(f"thiếu phần {self.main}", f"{self.main} is missing")

    def corrupt(self, why_vi: str, why_en: str):
        return error("docx.corrupt", f"Tệp {self.name} bị hỏng: {why_vi}.", self.name,
                     message_en=f"{self.name} is corrupt: {why_en}.")

    def read(self, part: str) -> bytes | None:
        if part not in self.names:
            return None
        info = self.zip.getinfo(part)
        if info.file_size > MAX_PART_BYTES:
            raise self.too_large(part)
        chunks, size = [], 0
        try:
            with self.zip.open(info) as member:
                while chunk := member.read(_CHUNK):
                    size += len(chunk)
                    self.inflated += len(chunk)
                    if size > MAX_PART_BYTES or self.inflated > MAX_INFLATED_BYTES:
                        raise self.too_large(part)
                    chunks.append(chunk)
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError) as exc:
            raise self.corrupt(f"không giải nén được {part}", f"cannot unzip {part} ({exc})") \
                from None
        return b"".join(chunks)

    def too_large(self, part: str):
        limit = MAX_PART_BYTES // (1024 * 1024)
        return error("docx.too-large",
                     f"Tệp {self.name} quá lớn: phần {part} giải nén ra hơn {limit} MB (có thể là "
                     "tệp nén độc hại); không đọc tiếp.", self.name,
                     message_en=f"{self.name} is too large: its part {part} inflates to more than "
                                f"{limit} MB (possibly a zip bomb); not read further.")

    def xml(self, part: str) -> etree._Element | None:
        data = self.read(part)
        if data is None:
            return None
        data = data.replace(_STRICT_W_NS, W_NS.encode())
        try:
            root = etree.fromstring(data, _parser())
        except etree.XMLSyntaxError as exc:
            raise self.corrupt(f"XML của {part} không đọc được ({exc})",
                               f"XML of {part} does not parse ({exc})") from None
        if root is None:
            raise self.corrupt(f"{part} rỗng", f"{part} is empty")
        return root

    def _main_part(self) -> str:
        rels = self._rels_of("")
        for typ, target in rels.values():
            if typ.endswith("/officeDocument"):
                return target
        return "word/document.xml"

    def _rels_of(self, part: str) -> dict[str, tuple[str, str]]:
        """rId → (type, absolute part name) for a part ('' for the package)."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels") if part else "_rels/.rels"
        root = self.xml(rels_name)
        out: dict[str, tuple[str, str]] = {}
        if root is None:
            return out
        for rel in root.iter(f"{{{PKG_REL_NS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            full = target.lstrip("/") if target.startswith("/") else \
                posixpath.normpath(posixpath.join(folder, target))
            out[rel.get("Id", "")] = (rel.get("Type", ""), full)
        return out

    def rels(self) -> dict[str, tuple[str, str]]:
        return self._rels_of(self.main)

    def part_of_type(self, suffix: str) -> etree._Element | None:
        for typ, target in self.rels().values():
            if typ.endswith(suffix):
                return self.xml(target)
        return None
