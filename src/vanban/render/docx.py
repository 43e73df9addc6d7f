"""Render a document into DOCX bytes with docxtpl, in a sandboxed, strict, autoescaping Jinja."""

from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path

import jinja2
import jinja2.meta
from docxtpl import DocxTemplate, Listing
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from markupsafe import Markup

from vanban.compose.document import Document
from vanban.contract import MAU_1_4, Contract, Var
from vanban.errors import Diagnostic, Span, VanbanError, read_reason
from vanban.ooxml import finish
from vanban.ooxml.notes import add_footnotes
from vanban.ooxml.package import docx_bytes
from vanban.output import source_date
from vanban.render.context import build_context, footnotes, section_orientations, xml_parts


class _Environment(SandboxedEnvironment):
    """The sandbox, compiling each template text once per process: docxtpl asks for the same
    texts (body, headers, footers) for every document, and compiling was ~40% of its time."""

    def __init__(self, **options) -> None:
        super().__init__(**options)
        self._compiled: dict[str, jinja2.Template] = {}

    def from_string(self, source, globals=None, template_class=None):
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        found = self._compiled.get(source)
        if found is None:
            if len(self._compiled) > 256:  # a long-running process (watch, serve) stays bounded
                self._compiled.clear()
            found = self._compiled[source] = super().from_string(source)
        return found


_ENV: list[_Environment] = []

_PATCHED: dict[str, str] = {}


class _Template(DocxTemplate):
    """docxtpl's template, its XML clean-up (``patch_xml``, a pure function of the part's text)
    done once per distinct text in this process: every document of a template hands it the
    same body, headers and footers."""

    def patch_xml(self, src_xml: str) -> str:
        found = _PATCHED.get(src_xml)
        if found is None:
            if len(_PATCHED) > 64:  # a long-running process (watch, serve) stays bounded
                _PATCHED.clear()
            found = _PATCHED[src_xml] = super().patch_xml(src_xml)
        return found


def _environment() -> SandboxedEnvironment:
    """The one sandboxed environment of this process (its compiled templates are reused)."""
    if not _ENV:
        _ENV.append(_Environment(undefined=jinja2.StrictUndefined, autoescape=True))
    return _ENV[0]


OPENING = re.compile(r"\{[{%]")


def _tags(line: str) -> list[str]:
    """Every tag of a line, each from its opening to its closing (or to the next opening)."""
    out = []
    for m in OPENING.finditer(line):
        after = OPENING.search(line, m.end())
        limit = after.start() if after else len(line)
        end = line.find("}}" if m.group(0) == "{{" else "%}", m.end(), limit)
        out.append(line[m.start():end + 2 if end >= 0 else limit].strip())
    return out


def _broken(tag: str) -> bool:
    """True when a single tag cannot be read by Jinja on its own."""
    if tag.startswith("{%"):
        return not tag.endswith("%}")
    try:
        _environment().parse(tag)
    except jinja2.TemplateSyntaxError:
        return True
    return False


def _source_lines(tpl: DocxTemplate) -> list[str]:
    """The template's body as docxtpl hands it to Jinja (one line per paragraph), tags only."""
    try:
        src = tpl.patch_xml(tpl.get_xml())
    except Exception:  # noqa: BLE001 - only used to find a tag for a message
        return []
    src = re.sub(r"<w:p([ >])", r"\n<w:p\1", src)
    return [html.unescape(re.sub(r"<[^>]+>", "", line)) for line in src.split("\n")]


def _template_frame(exc: BaseException) -> int:
    """The line of the deepest template frame in ``exc``'s traceback (0: not from a template)."""
    line, tb = 0, exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _template_line(exc: BaseException) -> int:
    """The line of the Jinja source that failed: the syntax error's, or the deepest template
    frame of a runtime error's traceback (0 when unknown)."""
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.lineno:
        return exc.lineno
    return _template_frame(exc)


def _needle(exc: BaseException) -> str | None:
    """The name the failing tag must contain, read from Jinja's message."""
    text = str(getattr(exc, "message", None) or exc)
    for pattern in (r"'([^']+)' is undefined", r"has no attribute '([^']+)'",
                    r"unknown tag '([^']+)'",
                    r"access to attribute '([^']+)'", r"unsafe"):
        m = re.search(pattern, text)
        if m:
            return m.group(1) if m.groups() else None
    return None


def _offending_tag(exc: BaseException, lines: list[str], line: int) -> tuple[str, int]:
    """The tag text that failed and its paragraph number (1-based; 0 when unknown)."""
    needle = _needle(exc)
    if "Unexpected end of template" in str(exc):
        return _unclosed(lines)
    order = list(range(len(lines)))
    if 0 < line <= len(lines):
        order.remove(line - 1)
        order.insert(0, line - 1)
    for i in order:
        tags = _tags(lines[i])
        if needle is not None:
            pattern = r"(?<!\w)" + re.escape(needle) + r"(?!\w)"
            found = [t for t in tags if re.search(pattern, t)]
        elif i == line - 1:
            found = [t for t in tags if _broken(t)] or tags or [lines[i].strip()[:80]]
        else:
            found = []
        if found and found[0]:
            # An extra "{% endfor %}" is the last of its kind on the line Jinja names.
            return (found[-1] if "unknown tag" in str(exc) else found[0]), i
    return "", 0


BLOCK = re.compile(r"\{%-?\s*(end)?(for|if|with|macro|call|filter|block|set)\b")


def _unclosed(lines: list[str]) -> tuple[str, int]:
    """The innermost block tag ({% for %}, {% if %} …) that is never closed."""
    stack: list[tuple[str, str, int]] = []
    for i, line in enumerate(lines):
        for tag in _tags(line):
            m = BLOCK.match(tag)
            if m and m.group(1):
                if stack and stack[-1][0] == m.group(2):
                    stack.pop()
            elif m and not (m.group(2) == "set" and "=" in tag):
                stack.append((m.group(2), tag, i))
    return (stack[-1][1], stack[-1][2]) if stack else ("", 0)


_KINDS = {
    "template.unsafe": ("Mẫu {t} dùng thẻ không được phép (mẫu không được đọc tệp hay chạy mã)",
                        "Template {t} uses a forbidden tag (no file access, no code)"),
    "template.undefined": ("Mẫu {t} dùng biến không có", "Template {t} uses an unknown variable"),
    "template.syntax": ("Mẫu {t} có thẻ Jinja viết sai", "Template {t} has a broken Jinja tag"),
    "template.error": ("Mẫu {t} có thẻ gây lỗi khi dựng", "Template {t} has a tag that failed"),
}


_JINJA_VI = (
    (r"unexpected '(.+?)'", r"thừa hoặc sai ký tự '\1'"),
    (r"unexpected end of template, expected '(.+?)'", r"mẫu hết mà thẻ chưa đóng, cần '\1'"),
    (r"Unexpected end of template\.?.*", "mẫu hết mà một thẻ {% … %} chưa được đóng"),
    (r"Encountered unknown tag '(.+?)'\.?.*", r"thẻ '\1' không có hoặc không đúng chỗ"),
    (r"expected token '(.+?)', got '(.+?)'", r"cần '\1' nhưng gặp '\2'"),
    (r"No filter named '(.+?)'\.?", r"không có bộ lọc '\1'"),
    (r"No test named '(.+?)'\.?", r"không có phép thử '\1'"),
    (r"(?:integer |float )?division(?: or modulo)? by zero", "chia cho 0"),
)


def _jinja_vi(detail: str) -> str:
    """Jinja's own explanation in Vietnamese where we know its wording (else as it is)."""
    for pattern, replacement in _JINJA_VI:
        new = re.sub(pattern, replacement, detail)
        if new != detail:
            return new
    return detail


def _template_error(template: str, exc: BaseException, tpl: DocxTemplate,
                    known: list[str]) -> VanbanError:
    if isinstance(exc, SecurityError):
        code = "template.unsafe"
    elif isinstance(exc, jinja2.UndefinedError):
        code = "template.undefined"
    elif isinstance(exc, jinja2.TemplateSyntaxError):
        code = "template.syntax"
    else:
        code = "template.error"
    lines = _source_lines(tpl)
    tag, index = _offending_tag(exc, lines, _template_line(exc))
    if re.match(r"\{%-?\s*(include|import|extends|from)\b", tag):
        code = "template.unsafe"  # a template never reads another file
    vi, en = (part.format(t=template) for part in _KINDS[code])
    detail = str(getattr(exc, "message", None) or exc)
    if tag:
        where_vi = f" (đoạn thứ {index} của mẫu)" if index else ""
        where_en = f" (paragraph {index} of the template)" if index else ""
        vi += f": {tag}{where_vi}."
        en += f": {tag}{where_en}."
    else:
        vi, en = vi + ".", en + "."
    hint = {"template.undefined": "Các biến có sẵn: " + ", ".join(sorted(known)) + ".",
            "template.unsafe": "Xóa thẻ này khỏi mẫu.",
            }.get(code, f"Chi tiết: {_jinja_vi(detail)}")
    hint_en = {"template.undefined": "Known variables: " + ", ".join(sorted(known)) + ".",
               "template.unsafe": "Remove this tag from the template.",
               }.get(code, f"Details: {detail}")
    return VanbanError([Diagnostic(code, vi, Span(template, 0, 0), message_en=en, hint=hint,
                                   hint_en=hint_en)])


def _open(template: Path, shown: str) -> DocxTemplate:
    """The template, or a located error when the file is not a readable DOCX."""
    problem = ""
    try:
        with zipfile.ZipFile(template) as z:
            if "word/document.xml" not in z.namelist():
                problem = "thiếu word/document.xml"
    except (OSError, zipfile.BadZipFile) as exc:
        problem = (read_reason(exc)[0] if isinstance(exc, OSError)
                   else "không phải tệp DOCX (zip)")
    tpl = _Template(str(template))
    if not problem:
        try:
            tpl.render_init()
        except (OSError, KeyError, ValueError, SyntaxError, zipfile.BadZipFile) as exc:
            problem = str(exc)[:120] or type(exc).__name__
    if problem:
        raise VanbanError([Diagnostic(
            "template.read", f"Không đọc được mẫu {shown}: {problem}.", Span(shown, 0, 0),
            message_en=f"Cannot read the template {shown}: {problem}.",
            hint="Mở và lưu lại mẫu bằng Word (dạng .docx), hoặc xóa nó để dùng mẫu có sẵn.",
            hint_en="Open and save it in Word as .docx, or delete it to use the built-in one.")])
    return tpl


_USED: dict[tuple[str, int, int], frozenset[str]] = {}


def _used_names(tpl: DocxTemplate, template: Path) -> frozenset[str] | None:
    """The variables the template's body uses (None when Jinja cannot read it: the render
    reports that with the failing tag). Cached per file version within one run."""
    stat = template.stat()
    key = (str(template), stat.st_mtime_ns, stat.st_size)
    if key not in _USED:
        try:
            tree = _environment().parse(tpl.patch_xml(tpl.get_xml()))
            _USED[key] = frozenset(jinja2.meta.find_undeclared_variables(tree))
        except jinja2.TemplateError:
            return None
    return _USED[key]


def _check_complete(used: frozenset[str] | None, shown: str, names: list[str]) -> None:
    """Every part of the document has its tag in the template: a template whose clerk deleted
    {{ nguoi_ky }} would otherwise give a document without the signer's name."""
    missing = sorted(set(names) - used) if used is not None else []
    if missing:
        tags = ", ".join("{{ " + name + " }}" for name in missing)
        raise VanbanError([Diagnostic(
            "template.missing", f"Mẫu {shown} thiếu thẻ: {tags}; văn bản sẽ thiếu phần đó.",
            Span(shown, 0, 0), message_en=f"The template {shown} lacks the tags: {tags}.",
            hint="Thêm lại thẻ vào đúng chỗ trong mẫu, hoặc xóa mẫu để dùng mẫu có sẵn.",
            hint_en="Put the tags back, or delete the template to use the built-in one.")])


def _check_page_setup(missing: str | None, shown: str) -> None:
    """The template keeps its page setup (paper size and margins) at the end of its body."""
    if missing:
        raise VanbanError([Diagnostic(
            "template.page-setup",
            f"Mẫu {shown} thiếu thiết lập trang (khổ giấy, lề) ở cuối thân văn bản ({missing}).",
            Span(shown, 0, 0),
            message_en=f"The template {shown} lacks its page setup (paper size, margins) at the "
                       f"end of its body ({missing}).",
            hint="Mở mẫu bằng Word, đặt lại khổ giấy và lề (Layout > Margins, Size) rồi lưu, "
                 "hoặc xóa mẫu để dùng mẫu có sẵn.",
            hint_en="Open it in Word, set the paper size and margins again and save, or delete "
                    "it to use the built-in one.")])


def render(doc: Document, template: Path, display: str | None = None,
           contract: Contract = MAU_1_4, *, attachment_only: bool = False) -> bytes:
    """DOCX bytes of ``doc`` laid out by ``template``, which must hold every name of its type's
    ``contract``: deterministic, not yet written anywhere."""
    shown = display or str(template)
    tpl = _open(template, shown)
    context = build_context(doc)
    context.update({k: Markup(v) for k, v in xml_parts(doc).items()})
    context[Var.TRICH_YEU] = Listing(doc.title)  # a line break typed in the title is kept
    used = _used_names(tpl, template)
    try:
        tpl.render(context, jinja_env=_environment(), autoescape=True)
    except jinja2.TemplateError as exc:
        raise _template_error(shown, exc, tpl, list(context)) from None
    except Exception as exc:
        if not _template_frame(exc):  # raised by vanban, not by an expression of the template
            raise
        raise _template_error(shown, exc, tpl, list(context)) from None
    _check_complete(used, shown, list(contract.names))  # after the render, which names a broken tag
    document = tpl.docx
    body = document.element.body
    _check_page_setup(finish.page_setup_missing(body), shown)
    finish.split_sections(body, section_orientations(doc))
    if attachment_only:  # the document issued with a Quyết định, as a file of its own
        finish.drop_first_section(body)
    finish.ensure_last_paragraph(body)
    add_footnotes(document, footnotes(doc))
    finish.size_rules(body, document.styles.element)
    when = source_date(doc.date_iso)
    finish.set_core_properties(document.core_properties, title=doc.title, author=doc.author,
                               subject=f"{doc.type_name or doc.v_v} {doc.number_line}", when=when)
    return docx_bytes(document, when)
