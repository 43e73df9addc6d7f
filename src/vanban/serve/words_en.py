"""The preview's pages in English (``vanban serve --lang en``): the words of index.html and
plan.html, each Vietnamese phrase with its English one. The page scripts pick their own words
by the page's ``lang`` attribute."""

from __future__ import annotations

PAGE_WORDS = (
    ('<html lang="vi">', '<html lang="en">'),
    ("vanban: xem trước kế hoạch", "vanban: plan preview"),
    ("vanban: xem trước", "vanban: preview"),
    ("Chọn một kế hoạch. Trang sẽ tự cập nhật mỗi khi bạn lưu tệp YAML, danh mục hoặc mẫu.",
     ("Choose a plan. The page updates itself each time you save a YAML file, a registry or a "
     "template.")),
    ("← Danh sách", "← List"),
    ("Đang tải…", "Loading…"),
    ("Lỗi và cảnh báo của văn bản", "Errors and warnings of the document"),
    (">Bản in<", ">Printed pages<"),
    (">Nội dung chữ<", ">Text<"),
    ("Kiểm tra thể thức <span", "Format check <span"),
    (">Thay đổi<", ">Changes<"),
    ("Văn bản kèm theo <span", "Attached document <span"),
    ("Kết quả của <code>vanban check</code> trên bản DOCX dựng ra.",
     "What <code>vanban check</code> finds in the DOCX built."),
    ("So với phiên bản git <input", "Compared with git revision <input"),
    ("HEAD là lần commit gần nhất; HEAD~1 là lần trước đó; hoặc chọn một commit",
     "HEAD is the last commit; HEAD~1 the one before; or pick a commit"),
    (">So sánh<", ">Compare<"),
    ("Tên cột của bảng so sánh", "Column titles of the comparison table (bảng so sánh)"),
    ("<label>Cột cũ <input", "<label>Old column <input"),
    ("<label>Cột mới <input", "<label>New column <input"),
    ("<label>Cột lý do <input", "<label>Reasons column <input"),
)
"""(Vietnamese, English) pairs, replaced in this order."""

NO_PLANS = ("Không có kế hoạch nào (.yaml) trong thư mục này.",
            "No plan (.yaml) in this folder.")
NOT_FOUND = ("Không có trang này.", "No such page.")
READ_ONLY = ("Chỉ xem, không ghi.", "Read only.")
LOCAL_ONLY = ("Máy chủ này chỉ nhận địa chỉ 127.0.0.1.", "This server answers 127.0.0.1 only.")


def page(html: str, lang: str) -> str:
    """``html`` (a page in Vietnamese) in ``lang``."""
    if lang != "en":
        return html
    for vietnamese, english in PAGE_WORDS:
        html = html.replace(vietnamese, english)
    return html


def said(pair: tuple[str, str], lang: str) -> str:
    """One of the pairs above in ``lang``."""
    return pair[1] if lang == "en" else pair[0]
