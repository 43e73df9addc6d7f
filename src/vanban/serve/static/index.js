// The list of plans of `vanban serve`: redrawn in place when the server says it changed (a plan
// added, removed, or with new errors), through the same server-sent events as the plan page.
"use strict";

const list = document.getElementById("plans");
let shown = -1;
let server = null; // a server started again counts its versions from 1 again

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

// The page's words in its language (`vanban serve --lang en` serves it with lang="en").
const EN = document.documentElement.lang === "en";

function badge(p) {
  if (p.status === "building" || p.status === "queued") return ["busy", EN ? "building…" : "đang dựng…"];
  if (p.errors == null) return ["unknown", EN ? "checking…" : "đang kiểm tra…"];
  if (p.errors > 0) return ["error", EN ? `${p.errors} error(s)` : `${p.errors} lỗi`];
  if (p.warnings > 0) return ["warning", EN ? `${p.warnings} warning(s)` : `${p.warnings} cảnh báo`];
  return ["ok", EN ? "valid" : "hợp lệ"];
}

function draw(answer) {
  list.replaceChildren();
  for (const p of answer.plans) {
    const href = "/plan/" + p.plan.split("/").map(encodeURIComponent).join("/");
    const [kind, text] = badge(p);
    list.append(el("li", { "data-plan": p.plan, class: `plan ${kind}` },
      el("a", { href }, p.plan), " ", el("span", { class: `badge ${kind}` }, text)));
  }
  if (answer.plans.length === 0) {
    list.append(el("li", {}, EN ? "No plan (.yaml) in this folder."
      : "Không có kế hoạch nào (.yaml) trong thư mục này."));
  }
  document.body.dataset.version = answer.version;
}

async function refresh() {
  const answer = await fetch("/api/plans", { cache: "no-store" });
  if (!answer.ok) return;
  const a = await answer.json();
  if (a.server !== server) { server = a.server; shown = -1; }
  if (a.version <= shown) return;
  draw(a);
  shown = a.version;
}

const events = new EventSource("/events/?since=0");
events.addEventListener("state", () => refresh());
refresh();
