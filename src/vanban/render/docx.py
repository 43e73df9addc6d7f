"""Render a document into DOCX bytes with docxtpl, in a sandboxed, strict, autoescaping Jinja."""

from __future__ import annotations

from pathlib import Path

import jinja2
from docxtpl import DocxTemplate, Listing
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from vanban.compose.document import Document
from vanban.errors import Diagnostic, Span, VanbanError
from vanban.ooxml import finish
from vanban.ooxml.package import docx_bytes
from vanban.output import source_date
from vanban.render.context import build_context, xml_parts


def _environment() -> SandboxedEnvironment:
    return SandboxedEnvironment(undefined=jinja2.StrictUndefined, autoescape=True)


def _template_error(template: str, exc: Exception) -> VanbanError:
    line = getattr(exc, "lineno", 0) or 0
    if isinstance(exc, jinja2.UndefinedError):
        code = "template.undefined"
        msg = f"Mẫu dùng biến không có: {exc.message}."
        en = f"The template uses an unknown variable: {exc.message}."
    else:
        code = "template.syntax"
        msg = f"Thẻ Jinja trong mẫu bị lỗi: {getattr(exc, 'message', exc)}."
        en = f"Broken Jinja tag in the template: {getattr(exc, 'message', exc)}."
    return VanbanError([Diagnostic(code, msg, Span(template, 0, 0), message_en=en)])


def render(doc: Document, template: Path, display: str | None = None) -> bytes:
    """DOCX bytes of ``doc`` laid out by ``template``: deterministic, not yet written anywhere."""
    shown = display or str(template)
    tpl = DocxTemplate(str(template))
    context = build_context(doc)
    context.update({k: Markup(v) for k, v in xml_parts(doc).items()})
    context["trich_yeu"] = Listing(doc.title)  # a line break typed in the title is kept
    try:
        tpl.render(context, jinja_env=_environment(), autoescape=True)
    except jinja2.TemplateError as exc:
        raise _template_error(shown, exc) from None
    document = tpl.docx
    body = document.element.body
    finish.split_appendix_section(body, any(a.landscape for a in doc.appendices))
    finish.ensure_last_paragraph(body)
    finish.size_rules(body, document.styles.element)
    when = source_date(doc.date_iso)
    finish.set_core_properties(document.core_properties, title=doc.title, author=doc.author,
                               subject=f"{doc.type_name} {doc.number_line}", when=when)
    return docx_bytes(document, when)
