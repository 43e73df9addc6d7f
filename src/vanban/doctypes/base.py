"""What a document type is: one entry of the table of types, holding everything the pipeline needs
to build that type (its model, checks, composition, template and rule profile)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from vanban.compose.document import Document
from vanban.contract import Contract
from vanban.errors import Diagnostic
from vanban.resolve import Resolved


@dataclass(frozen=True)
class DocType:
    """One document type (``type:`` in a plan file), e.g. ``ke-hoach``."""

    key: str
    """The value of ``type:``."""
    name: str
    """The type name as printed (ô 5a), e.g. "KẾ HOẠCH"; empty for a Công văn, which has none."""
    abbr: str
    """The abbreviation that starts the code (ký hiệu), e.g. "KH"."""
    layout: str
    """The sample of Phụ lục III the type is laid out by, e.g. "Mẫu 1.4"."""
    model: Any
    """The pydantic model of a plan file of this type."""
    check: Callable[[Resolved], list[Diagnostic]]
    """The content checks on a resolved plan (located diagnostics)."""
    compose: Callable[[Resolved], Document]
    """The composition of a resolved plan into the document to print."""
    template: str
    """The file name of the type's default template (templates/ and the packaged copy)."""
    build_template: Callable[[], bytes]
    """Builds that default template from the rule pack (``build_frame``)."""
    contract: Contract
    """The variables and parts the template must contain."""
    profile: str = "nd30"
    """The rule pack (``vanban.rules.profile``) the type follows."""
    reads_other_files: bool = False
    """Its composition reads other sources with their own registries (a report: its plan,
    last year's report): an edit of the registry makes it again whatever it looked up."""

    @property
    def document(self) -> str:
        """What a file of this type is called in messages ("kế hoạch", "công văn" …)."""
        return self.name.lower() if self.name else "công văn"


def build_frame(contract: Contract) -> bytes:
    """The default template of ``contract``'s layout (``DocType.build_template``), python-docx
    imported only then: building or checking a plan never needs it."""
    from vanban.ooxml.frame import build_template

    return build_template(contract)
