// Article view: one stored article with its highlights; the selected event is kept in the URL
// (?doc=ID&event=e3) so an events table row opens the article on the event it came from.
"use strict";

(async () => {
  T.frame("Article");
  const params = T.pageParams();
  const app = document.getElementById("app");
  if (!params.doc) {
    T.status("No article given: open one from the Events view.", "error");
    return;
  }
  try {
    const coded = await T.api(`/api/documents/${encodeURIComponent(params.doc)}`);
    CodedView.render(app, coded, params.event || null, (id) => {
      const query = new URLSearchParams({ doc: params.doc, event: id }).toString();
      history.replaceState(null, "", `/article?${query}`);
    });
  } catch (error) { T.fail(error); }
})();
