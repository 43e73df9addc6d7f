// The plan page of `vanban serve`: reads the plan's state (JSON) and redraws it in place when
// the server says it changed (server-sent events), so the scroll position stays where it was.
"use strict";

const plan = document.body.dataset.plan;
const path = plan.split("/").map(encodeURIComponent).join("/");
let shown = -1;
let server = null; // a server started again counts its versions from 1 again

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

function fileUrl(build, name) {
  return `/file/${path}?build=${build}&name=${encodeURIComponent(name)}`;
}

// The page's words in its language (`vanban serve --lang en` serves it with lang="en").
const EN = document.documentElement.lang === "en";
const WORDS = EN ? {
  stale: ": showing the last good build (greyed)",
  openInCode: "Open the file at this line in VS Code",
  error: "error", warning: "warning",
  noFinding: "No finding: the layout conforms.",
  measured: "What vanban check --pdf finds: the DOCX built, with margins, lines and page numbers measured on the PDF.",
  unmeasured: "What vanban check finds in the DOCX built (not measured on the PDF).",
  counts: (errors, warnings) => `(${errors} error(s), ${warnings} warning(s))`,
  noOffice: "No printed pages: LibreOffice is not installed; see the “Text” tab.",
  page: "Page",
  gone: "This plan is no longer there (file deleted?)",
  reasonsFrom: (file) => `Reasons (Lý do, giải trình) from ${file}.`,
  noReasons: "No reasons file yet: put <plan name>.ly-do.yaml beside the plan (one line \"id: reason\" each).",
} : {
  stale: ": đang hiện bản dựng tốt gần nhất (mờ)",
  openInCode: "Mở tệp tại dòng này trong VS Code",
  error: "lỗi", warning: "cảnh báo",
  noFinding: "Không có phát hiện nào: đạt thể thức.",
  measured: "Kết quả của vanban check --pdf: bản DOCX dựng ra, và lề, đường kẻ, số trang đo trên bản PDF.",
  unmeasured: "Kết quả của vanban check trên bản DOCX dựng ra (chưa đo trên bản PDF).",
  counts: (errors, warnings) => `(${errors} lỗi, ${warnings} cảnh báo)`,
  noOffice: "Chưa có bản in vì máy chưa cài LibreOffice; xem thẻ “Nội dung chữ”.",
  page: "Trang",
  gone: "Không còn kế hoạch này (tệp đã bị xóa?)",
  reasonsFrom: (file) => `Lý do, giải trình lấy từ ${file}.`,
  noReasons: "Chưa có tệp lý do: đặt <tên kế hoạch>.ly-do.yaml cạnh kế hoạch (mỗi dòng \"mã: lý do\").",
};

const STATUS = EN ? {
  new: "Waiting to build…",
  queued: "Waiting to build…",
  building: "Building…",
  ok: "Up to date",
  error: "The plan has errors",
} : {
  new: "Đang chờ dựng…",
  queued: "Đang chờ dựng…",
  building: "Đang dựng…",
  ok: "Đã cập nhật",
  error: "Kế hoạch có lỗi",
};

function seconds(value) {
  if (value == null) return "";
  return EN ? ` (built in ${value} s)` : ` (dựng trong ${String(value).replace(".", ",")} giây)`;
}

function drawStatus(s) {
  let text = STATUS[s.status] || s.status;
  if (s.status === "ok") text += seconds(s.seconds);
  if (s.status === "error" && s.build != null) text += WORDS.stale;
  $("status").textContent = text;
  $("status").title = text;  // the header may cut it short
  document.body.className = `status-${s.status}`;
  document.body.dataset.version = s.version;
}

function drawDiagnostics(s) {
  const list = $("diagnostics");
  list.replaceChildren();
  const sorted = [...s.diagnostics].sort((a, b) =>
    (a.severity === "error" ? 0 : 1) - (b.severity === "error" ? 0 : 1));
  for (const d of sorted) {
    const where = d.link
      ? el("a", { href: d.link, title: WORDS.openInCode }, d.where)
      : el("span", {}, d.where);
    const label = d.severity === "error" ? WORDS.error : WORDS.warning;
    const item = el("li", { class: `diag ${d.severity}` }, where, ": ",
      el("span", { class: "severity" }, label), " ", el("code", {}, `[${d.code}]`), " ",
      d.path ? `${d.path}: ` : "", d.message);
    if (d.hint) item.append(" ", el("span", { class: "hint" }, d.hint));
    list.append(item);
  }
  $("problems").hidden = s.diagnostics.length === 0;
  placeProblems();
}

function placeProblems() {
  // Under the header and the tabs (both stay at the top), so every tab can still be chosen.
  // (The tabs stick under the header once scrolled to; before, a notice may lie above them.)
  const header = document.querySelector("header").getBoundingClientRect().height;
  const tabs = document.querySelector(".tabs").getBoundingClientRect().bottom;
  const root = document.documentElement.style;
  root.setProperty("--header-height", `${header}px`);
  root.setProperty("--header-bottom", `${tabs}px`);
  // The other tabs start below the errors (they would hide their first lines); the pages do
  // not move (the errors lie over them, the pages greyed).
  const problems = $("problems");
  root.setProperty("--problems-height",
    problems.hidden ? "0px" : `${problems.getBoundingClientRect().height}px`);
}
window.addEventListener("resize", placeProblems);
window.addEventListener("scroll", placeProblems, { passive: true });

function drawFindings(s) {
  const list = $("findings");
  list.replaceChildren();
  for (const f of s.findings) {
    list.append(el("li", { class: `finding ${f.severity}` }, f.text));
  }
  if (s.findings.length === 0 && s.build != null) {
    list.append(el("li", { class: "finding ok" }, WORDS.noFinding));
  }
  $("findings-note").textContent = s.measured ? WORDS.measured : WORDS.unmeasured;
  const errors = s.findings.filter((f) => f.severity === "error").length;
  $("findings-count").textContent = s.findings.length ? WORDS.counts(errors, s.findings.length - errors) : "";
}

const DOWNLOADS = EN ? {
  "document.docx": "Download DOCX", "document.pdf": "Download PDF",
  "attached.docx": "Download attached DOCX", "attached.pdf": "Download attached PDF",
} : {
  "document.docx": "Tải DOCX", "document.pdf": "Tải PDF",
  "attached.docx": "Tải DOCX kèm theo", "attached.pdf": "Tải PDF kèm theo",
};

function drawDownloads(s) {
  const nav = $("downloads");
  nav.replaceChildren();
  for (const name of s.files) {
    const attrs = { href: fileUrl(s.build, name), download: "" };
    if (name.startsWith("attached")) attrs.title = s.attached_name;
    nav.append(el("a", attrs, DOWNLOADS[name] || name));
  }
}

function drawPages(s) {
  // Without LibreOffice the box above the tabs says what to install; here, where to look.
  const notice = s.office === "none" ? WORDS.noOffice : s.notice;
  $("notice").textContent = notice;
  $("notice").hidden = !notice;
  const stale = s.status === "error" || s.status === "building";
  const attached = s.files.includes("attached.docx");
  $("pages").classList.toggle("stale", stale);
  $("attached-pages").classList.toggle("stale", stale);
  if (s.build == null) return;
  drawImages($("pages"), s, s.pages, "document.pdf");
  // A second output (a Quyết định's "-kem-theo" document): its pages follow the first's.
  $("attached").hidden = !attached || (s.attached_pages.length === 0
    && !s.files.includes("attached.pdf"));
  $("attached-name").textContent = s.attached_name;
  drawImages($("attached-pages"), s, attached ? s.attached_pages : [],
    attached ? "attached.pdf" : null);
}

function drawImages(box, s, pages, pdf) {
  if (pages.length === 0 && pdf && s.files.includes(pdf)) {
    // No pdftoppm: the browser's own PDF viewer shows the same pages.
    box.replaceChildren(el("object", { data: fileUrl(s.build, pdf),
      type: "application/pdf", class: "pdf" }));
    box.dataset.build = s.build;
    return;
  }
  const imgs = [...box.querySelectorAll("img.page")];
  box.querySelectorAll("object").forEach((o) => o.remove());
  let waiting = pages.length;
  box.dataset.want = s.build;
  const done = () => {
    if (--waiting <= 0 && box.dataset.want === String(s.build)) box.dataset.build = s.build;
  };
  pages.forEach((name, i) => {
    const url = fileUrl(s.build, name);
    let img = imgs[i];
    if (!img) {
      img = el("img", { class: "page", alt: `${WORDS.page} ${i + 1}` });
      box.append(img);
    }
    img.dataset.want = url; // the newest build wins, whichever image loads first
    if (img.getAttribute("src") === url) return done();
    // Load the new image first, then swap: the page keeps its height, the scroll stays.
    // The density descriptor shows the image at its printed size (96 CSS pixels an inch).
    const srcset = `${url} ${s.dpi / 96}x`;
    const next = new Image();
    next.onload = () => {
      if (img.dataset.want === url) { img.srcset = srcset; img.src = url; }
      done();
    };
    next.onerror = done;
    next.srcset = srcset;
    next.src = url;
  });
  imgs.slice(pages.length).forEach((img) => img.remove());
  if (pages.length === 0) box.dataset.build = s.build;
}

function draw(s) {
  drawStatus(s);
  drawDiagnostics(s);
  drawFindings(s);
  drawDownloads(s);
  drawPages(s);
  $("text").textContent = s.text || (s.build == null ? "" : $("text").textContent);
  $("text").classList.toggle("stale", s.status === "error");
  $("findings").classList.toggle("stale", s.status === "error");
  $("install").textContent = s.office === "none" ? s.install : "";
  $("install").hidden = s.office !== "none";
  if (s.office === "none" && shown < 0) select("text");
  if (!$("tab-changes").hidden && s.status !== "building" && s.status !== "queued") changes();
}

async function refresh() {
  const answer = await fetch(`/api/plan/${path}`, { cache: "no-store" });
  if (!answer.ok) { $("status").textContent = WORDS.gone; return; }
  const s = await answer.json();
  if (s.server !== server) { server = s.server; shown = -1; }
  if (s.version <= shown) return;
  draw(s);
  shown = s.version;
}

function select(tab) {
  for (const b of document.querySelectorAll(".tabs button")) {
    b.classList.toggle("active", b.dataset.tab === tab);
  }
  for (const t of document.querySelectorAll(".tab")) t.hidden = t.id !== `tab-${tab}`;
  if (tab === "changes") changes();
}

const COMPARE_LINKS = EN ? [
  ["bang-so-sanh", "Download the comparison table (bảng so sánh, DOCX)"],
  ["theo-doi-thay-doi", "Download the tracked-changes document (DOCX)"],
] : [
  ["bang-so-sanh", "Tải bảng so sánh (DOCX)"],
  ["theo-doi-thay-doi", "Tải bản theo dõi thay đổi (DOCX)"],
];

const COLUMN_PARAMETERS = ["old-header", "new-header", "reason-header"];

async function changes() {
  const rev = $("rev").value.trim() || "HEAD";
  const answer = await fetch(`/api/changes/${path}?rev=${encodeURIComponent(rev)}`,
    { cache: "no-store" });
  if (!answer.ok) { $("changes").textContent = WORDS.gone; return; }
  const c = await answer.json();
  $("changes").textContent = c.text;
  $("revisions").replaceChildren(...(c.revisions || []).map(
    (r) => el("option", { value: r.rev, label: r.label })));
  const links = $("compare-links");
  links.replaceChildren();
  if (c.documents) {
    // Made when clicked (a second or two); the server answers with the file to save. The
    // bảng so sánh takes the column headers typed here (vanban compare's --old-header …).
    let columns = "";
    for (const name of COLUMN_PARAMETERS) {
      const value = $(name).value.trim();
      if (value) columns += `&${name}=${encodeURIComponent(value)}`;
    }
    for (const [kind, label] of COMPARE_LINKS) {
      const extra = kind === "bang-so-sanh" ? columns : "";
      links.append(el("a", {
        href: `/compare/${path}?rev=${encodeURIComponent(rev)}&kind=${kind}${extra}`,
        class: `compare ${kind}` }, label));
    }
    links.append(el("span", { class: "reasons" },
      c.reasons ? WORDS.reasonsFrom(c.reasons) : WORDS.noReasons));
  } else if (c.ok) {
    links.append(el("span", { class: "why" }, c.why));
  }
  links.hidden = links.childElementCount === 0;
}

for (const b of document.querySelectorAll(".tabs button")) {
  b.addEventListener("click", () => select(b.dataset.tab));
}
$("changes-form").addEventListener("submit", (e) => { e.preventDefault(); changes(); });
for (const name of COLUMN_PARAMETERS) $(name).addEventListener("change", () => changes());

const events = new EventSource(`/events/${path}?since=0`);
events.addEventListener("state", () => refresh());
refresh();
