// Code an article: paste text or pick a file, see it coded by the server's Coder on the spot,
// and store it when the server was started writable.
"use strict";

(async () => {
  const { el, api, status, fail } = T;
  T.frame("Code an article");
  const app = document.getElementById("app");
  let stats = { allow_store: false, max_upload: 0 };
  try { stats = await api("/api/stats"); } catch (error) { fail(error); }
  const result = el("div", { id: "coded", class: "docview" });
  const form = el("form", { id: "codeform", class: "codeform" },
    el("label", {}, "Article text", el("textarea", { name: "text", rows: 10, cols: 90,
      placeholder: "Paste an article (plain text or Markdown)…" })),
    el("label", {}, "or a file (.txt .md .html)", el("input", { type: "file", name: "file", accept: ".txt,.md,.html,.htm,text/*" })),
    el("label", {}, "Title", el("input", { name: "title" })),
    el("label", {}, "Published", el("input", { type: "date", name: "published" })),
    el("label", { class: "check", title: stats.allow_store ? "" : "start the server with --allow-store to store" },
      el("input", { type: "checkbox", name: "store", value: "true", disabled: !stats.allow_store }),
      stats.allow_store ? "store it in the database" : "store it (the server is read-only)"),
    el("button", { type: "submit", id: "codebutton" }, "Code it"),
    el("p", { class: "hint" }, `Up to ${Math.round(stats.max_upload / 1024)} KB` +
      (stats.max_code_chars ? ` and ${stats.max_code_chars.toLocaleString()} characters of article text` : "") +
      ". The first article takes a few seconds while the coder loads."));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const body = new FormData(form);
    const file = body.get("file");
    if (file && file.size === 0) body.delete("file");
    status("Coding…");
    try {
      const answer = await api("/api/code", null, { method: "POST", body });
      status(`${answer.coded.events.length} events; ${answer.message}.`);
      CodedView.render(result, answer.coded, null, null);
    } catch (error) { fail(error); }
  });
  app.replaceChildren(form, result);
})();
