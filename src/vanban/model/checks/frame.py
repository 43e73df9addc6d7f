"""The frame around the body: the number and code (ô 3), the signature (ô 7), Nơi nhận (ô 9)."""

from __future__ import annotations

import re

from vanban.model.checks.base import Findings
from vanban.model.plan import Plan
from vanban.resolve import Resolved
from vanban.rules import nd30

CODE = nd30.CODE_PATTERN
ABBREVIATION = re.compile(r"^[A-ZĐ][A-ZĐ0-9]*(?:[.\-&][A-ZĐ0-9]+)*$")
AUTHORITY_NAMES = {"KT.": "ký thay", "Q.": "quyền", "TL.": "thừa lệnh", "TUQ.": "thừa ủy quyền"}


def check_code(resolved: Resolved, out: Findings) -> None:
    """The code (ký hiệu) is "<type>-<issuer>…", e.g. KH-UBND for a Kế hoạch of a UBND."""
    plan = resolved.plan
    if plan.code is None:
        return
    type_name, abbr = resolved.type_name, resolved.type_abbr
    code = plan.code
    if not CODE.match(code):
        out.error(
            "plan.code-format", ("code",),
            f"Ký hiệu \"{code}\" không đúng dạng: chữ viết tắt tên loại, dấu gạch nối, chữ viết "
            "tắt cơ quan (không dấu cách, không dấu \"/\"), ví dụ \"KH-UBND\".",
            f'The code "{code}" is malformed; write e.g. "KH-UBND".',
            f"Ví dụ: \"{abbr}-UBND\" hoặc \"{abbr}-STP\".", f'E.g. "{abbr}-UBND".')
        return
    if abbr and code.split("-")[0] != abbr:
        out.error(
            "plan.code-type", ("code",),
            f"Ký hiệu \"{code}\" không khớp loại văn bản: {type_name.capitalize()} phải có ký "
            f"hiệu bắt đầu bằng \"{abbr}-\".",
            f'The code "{code}" does not match the document type: it must start with "{abbr}-".',
            f"Viết \"{abbr}-{'-'.join(code.split('-')[1:])}\", hoặc sửa \"type\".",
            f"Write \"{abbr}-{'-'.join(code.split('-')[1:])}\", or fix \"type\".")
        return
    issuer = resolved.issuer
    first = code.split("-")[0]
    typed = {a: n for n, a in nd30.DOCUMENT_TYPES.values() if a}
    own = issuer.unit.abbr if issuer is not None else None
    if not abbr and first in typed and first != own:  # a Công văn's code names no type
        rest = "-".join(code.split("-")[1:])
        out.error(
            "plan.code-type", ("code",),
            f"Ký hiệu \"{code}\" bắt đầu bằng \"{first}\", chữ viết tắt của "
            f"{typed[first].capitalize()}: công văn không có tên loại nên ký hiệu bắt đầu bằng "
            "chữ viết tắt cơ quan ban hành, rồi đơn vị soạn thảo.",
            f'The code "{code}" starts with "{first}", the abbreviation of another document '
            "type: a Công văn's code is the issuer's abbreviation, then the drafting unit's.",
            f"Viết \"{own or '…'}-{'…' if rest in ('', own) else rest}\", hoặc bỏ code để vanban tự "
            "ghép từ cơ quan và drafter.",
            f'Write "{own or "…"}-…", or drop code: vanban derives it from the issuer and drafter.')
        return
    groups = code.split("-")[1:] if abbr else code.split("-")[:1]  # a Công văn: issuer first
    if issuer is not None and issuer.unit.abbr and issuer.unit.abbr not in groups:
        out.warning(
            "plan.code-issuer", ("code",),
            f"Ký hiệu \"{code}\" không có chữ viết tắt của cơ quan ban hành "
            f"(\"{issuer.unit.abbr}\").",
            f'The code "{code}" lacks the issuer\'s abbreviation ("{issuer.unit.abbr}").',
            f"Ví dụ: \"{abbr or issuer.unit.abbr}-{issuer.unit.abbr if abbr else '…'}\".",
            f'E.g. "{abbr or issuer.unit.abbr}-{issuer.unit.abbr if abbr else "…"}".')


def check_signature(resolved: Resolved, out: Findings) -> None:
    """KT./Q./TL./TUQ. and TM. used as Decree 30 (Điều 13) says; titles in upper case."""
    sig = resolved.plan.signature
    position = resolved.position
    where_position = ("signature", "position") if sig.position else ("signature", "signer")
    if sig.authority != "none" and not sig.head:
        name = AUTHORITY_NAMES[sig.authority]
        out.error(
            "signature.head-missing", ("signature", "authority"),
            f"Ký \"{sig.authority}\" ({name}) cần chức vụ của người đứng đầu ở \"head\", ví dụ "
            "head: CHỦ TỊCH.",
            f'Signing "{sig.authority}" needs the head\'s title in "head", e.g. CHỦ TỊCH.')
    if sig.authority == "none" and sig.head:
        out.warning(
            "signature.head-unused", ("signature", "head"),
            f"\"head: {sig.head}\" không được in vì không có quyền hạn ký (authority).",
            f'"head: {sig.head}" is not printed because there is no "authority".',
            "Thêm authority: KT. (ký thay), Q., TL. hoặc TUQ.; hoặc bỏ dòng head.",
            "Add authority: KT., Q., TL. or TUQ.; or remove head.")
    deputy = bool(position) and position.upper().startswith(nd30.DEPUTY_WORD + " ")
    if deputy and sig.authority == "none":
        out.error(
            "signature.deputy-needs-kt", where_position,
            f"\"{position}\" là cấp phó: cấp phó ký thay người đứng đầu nên phải có dòng "
            f"\"KT. …\" (Điều 13 Nghị định 30/2020/NĐ-CP).",
            f'"{position}" is a deputy: a deputy signs for the head with a "KT." line.',
            "Thêm authority: KT. và head: <chức vụ người đứng đầu>, ví dụ head: CHỦ TỊCH.",
            "Add authority: KT. and head: <the head's title>.")
    if sig.authority == nd30.KY_THAY and position and not deputy:
        same = sig.head and position.upper() == sig.head.upper()
        out.error(
            "signature.kt-deputy", where_position,
            f"Ký thay (KT.) thì người ký là cấp phó: chức vụ phải bắt đầu bằng "
            f"\"{nd30.DEPUTY_WORD}\" (ví dụ \"PHÓ CHỦ TỊCH\"), nhưng ở đây là \"{position}\".",
            f'KT. (signing for the head) needs a deputy: the position must start with "PHÓ", '
            f'not "{position}".',
            "Người đứng đầu tự ký thì bỏ \"authority: KT.\"." if same else
            "Sửa chức vụ người ký, hoặc bỏ \"authority: KT.\".",
            'The head signs in person: remove "authority: KT.".' if same else
            'Fix the position, or remove "authority: KT.".')
    _signer_of_issuer(resolved, out)
    if sig.on_behalf_of:
        issuer = resolved.issuer
        if issuer is not None and not issuer.unit.collective:
            out.warning(
                "signature.tm-not-collective", ("signature", "on_behalf_of"),
                f"\"TM. {sig.on_behalf_of}\" chỉ dùng cho cơ quan làm việc theo chế độ tập thể; "
                f"\"{issuer.unit.name}\" không được khai báo là tập thể (collective: true).",
                f'"TM." is for collective bodies; "{issuer.unit.name}" is not marked '
                "collective: true.",
                "Bỏ on_behalf_of, hoặc thêm collective: true cho đơn vị trong danh mục.",
                "Remove on_behalf_of, or mark the unit collective: true in the registry.")
    elif (resolved.issuer is not None and resolved.issuer.unit.collective
          and sig.authority == nd30.KY_THAY):  # a deputy signs for the head of a collective
        unit = resolved.issuer.unit
        body = (unit.header[0] if unit.header else unit.name).upper()
        out.warning(
            "signature.tm-missing", ("signature",),
            f"\"{unit.name}\" làm việc theo chế độ tập thể (collective: true) nhưng khối chữ ký "
            f"không có dòng \"TM. {body}\" (Điều 13 Nghị định 30/2020/NĐ-CP).",
            f'"{unit.name}" is a collective body (collective: true) but the signature block '
            f'has no "TM. {body}" line (Article 13).',
            f"Thêm on_behalf_of: {body} vào signature (in \"TM. {body}\" trên dòng "
            f"\"KT. {sig.head or ''}\").",
            f"Add on_behalf_of: {body} to signature (printed above the KT. line).")
    for name in ("on_behalf_of", "head", "position"):
        value = getattr(sig, name)
        if name == "position" and value is None:
            value = position  # from the registry of signers
        if value and value != value.upper():
            out.warning(
                "signature.not-upper", ("signature", name),
                f"Chức danh trong khối chữ ký phải viết IN HOA: \"{value.upper()}\".",
                f'Titles in the signature block are upper case: "{value.upper()}".')


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip(" \t-–+;.,").casefold())


def check_recipients(plan: Plan, out: Findings) -> None:
    """Nơi nhận: no line twice, no hand-written "Lưu" line, no typed dashes; a short archive unit."""
    first: dict[str, int] = {}
    # Kính gửi heads the Nơi nhận as "- Như trên;" (Phụ lục I, II.9.b): one of its addressees
    # listed again is sent twice (a report's recipients copied from its plan by report init).
    addressed = ({_key(t) for t in getattr(plan, "kinh_gui", ()) or ()}
                 if plan.type in nd30.KINH_GUI_TYPES else set())
    for i, text in enumerate(plan.recipients):
        path = ("recipients", i)
        key = _key(text)
        if re.match(r"^[-–+•]\s*", text):
            # The fix drops the typed dash and the end mark too: the tool adds "- " and ";".
            bare = text.lstrip("-–+• ").rstrip(" ;.")
            out.warning(
                "recipients.typed-dash", path,
                "Không gõ dấu \"-\" đầu dòng Nơi nhận: công cụ tự thêm \"- \" và \";\".",
                'Do not type "-" before a recipient: the tool adds "- " and ";".',
                f"Viết: \"{bare}\".", f"Write: \"{bare}\".")
        computed = re.match(r"^như (trên|điều \d+)$", key)
        if computed:
            out.warning(
                "recipients.computed-line", path,
                f"Dòng \"- {text.strip(' -;.')};\" do công cụ tự thêm vào đầu Nơi nhận (\"- Như "
                "trên;\" khi văn bản có Kính gửi, \"- Như Điều N;\" ở Quyết định); không gõ dòng này.",
                f'"{text}" is added by the tool at the top of Nơi nhận where it applies; do not '
                "type it.",
                "Xóa dòng này.", "Remove this line.")
            continue
        if re.match(r"^lưu\b", key):
            out.error(
                "recipients.archive-line", path,
                "Dòng \"Lưu: VT, …\" do khóa \"archive\" tạo ra ở cuối Nơi nhận; dòng này sẽ "
                "bị in hai lần.",
                'The "Lưu: VT, …" line is written from "archive"; this line would print twice.',
                "Xóa dòng này và ghi: archive: {unit: <viết tắt đơn vị soạn thảo>}.",
                "Remove this line and use archive: {unit: …}.")
            continue
        if key in addressed:
            out.warning(
                "recipients.kinh-gui", path,
                f"Nơi nhận \"{text}\" đã có ở Kính gửi: dòng \"- Như trên;\" (công cụ tự thêm) "
                "đã gồm nơi này, nên nơi này sẽ được ghi hai lần.",
                f'The recipient "{text}" is already addressed in Kính gửi, which the line '
                '"- Như trên;" covers; it would be listed twice.',
                "Xóa dòng này.", "Remove this line.")
        if key in first:
            out.error(
                "recipients.duplicate", path,
                f"Nơi nhận \"{text}\" bị trùng với dòng {out.line(('recipients', first[key]))}.",
                f'The recipient "{text}" is listed twice (see line '
                f"{out.line(('recipients', first[key]))}).",
                "Xóa một trong hai dòng.", "Remove one of them.")
        else:
            first[key] = i
    if plan.archive is None:  # a Công văn's default: its drafting unit
        return
    unit = plan.archive.unit
    parts = [p.strip() for p in unit.split(",")]
    if parts and parts[0].upper() == "VT":
        out.warning(
            "archive.unit-format", ("archive", "unit"),
            "\"VT\" (văn thư) đã được in sẵn trong dòng \"Lưu: VT, …\"; ở đây chỉ ghi đơn vị "
            "soạn thảo.", 'The tool already prints "VT"; give only the drafting unit here.',
            f"Viết: unit: {', '.join(parts[1:]) or 'NCVX'}",
            f"Write: unit: {', '.join(parts[1:]) or 'NCVX'}")
    elif not all(ABBREVIATION.match(p) for p in parts):
        out.warning(
            "archive.unit-format", ("archive", "unit"),
            f"Đơn vị lưu \"{unit}\" nên là chữ viết tắt IN HOA của đơn vị soạn thảo (ví dụ "
            "\"NCVX\", \"PBGDPL\"), in sau \"Lưu: VT,\".",
            f'The archive unit "{unit}" should be the drafting unit\'s upper-case abbreviation.')


def check_kinh_gui(resolved: Resolved, out: Findings) -> None:
    """Kính gửi is used by Công văn, Tờ trình and Báo cáo sent to a superior body (ô 9a); the
    template of any other type has no place for it."""
    plan = resolved.plan
    if getattr(plan, "kinh_gui", ()) and plan.type not in nd30.KINH_GUI_TYPES:
        out.error(
            "plan.kinh-gui-type", ("kinh_gui",),
            f"{resolved.type_name.capitalize()} không có \"Kính gửi\": Nghị định 30 chỉ dùng "
            "Kính gửi cho công văn, tờ trình và báo cáo gửi cấp trên (ô 9a).",
            f'A {plan.type} has no "Kính gửi": only công văn, tờ trình and báo cáo use it.',
            "Bỏ kinh_gui, ghi những nơi đó ở recipients.", "Remove kinh_gui; use recipients.",
            key=True)


def _signer_of_issuer(resolved: Resolved, out: Findings) -> None:
    """A registered signer of another agency printing their own title ("PHÓ CHỦ TỊCH" of the
    provincial committee under "KT. GIÁM ĐỐC" of a department) is almost surely the wrong id;
    a position written in the plan says the clerk chose the role (Trưởng ban …): no finding."""
    signer, issuer, sig = resolved.signer, resolved.issuer, resolved.plan.signature
    if signer is None or issuer is None or not signer.unit or sig.position:
        return
    if signer.unit == issuer.id or signer.unit in issuer.unit.departments:
        return
    home = resolved.registry.units.get(signer.unit)
    home_name = home.name if home else signer.unit
    out.warning(
        "signature.signer-unit", ("signature", "signer"),
        f"Người ký \"{signer.name}\" ({signer.position}) thuộc {home_name} trong danh mục, không "
        f"phải cơ quan ban hành ({issuer.unit.name}): khối chữ ký sẽ in chức vụ của cơ quan khác.",
        f'The signer "{signer.name}" ({signer.position}) belongs to {home_name}, not to the '
        f"issuer ({issuer.unit.name}): the block would print another agency's title.",
        "Kiểm tra lại signer; nếu đúng người này ký với chức danh khác (ví dụ Trưởng Ban), ghi "
        "thêm position: <chức danh>.",
        "Check the signer; if this person signs in another role, write position: <title>.")

