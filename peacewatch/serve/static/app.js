// peacewatch dashboard: the little the pages do in the browser. Every view works without it;
// its state stays in the address, so nothing here is needed to share or reload a view.
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  // A filter's select applies itself when changed (the form still has its button).
  document.querySelectorAll("form.filters select").forEach(function (select) {
    select.addEventListener("change", function () { select.form.requestSubmit(); });
  });
  // Empty fields stay out of the address, so permalinks are short.
  document.querySelectorAll("form.filters").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("input, select").forEach(function (field) {
        if (!field.value) { field.disabled = true; }
      });
    });
  });
  // "Copy link" copies this view's permalink.
  var copy = document.querySelector("button.copy-link");
  if (copy && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(window.location.href).then(function () { copy.textContent = "Link copied"; });
    });
  }
  // A row's "source sentences" opens with a click anywhere on the row.
  document.querySelectorAll("table.events tr.event").forEach(function (row) {
    row.addEventListener("click", function (event) {
      if (event.target.closest("a")) { return; }
      var details = row.nextElementSibling && row.nextElementSibling.querySelector("details");
      if (details) { details.open = !details.open; }
    });
  });
});
