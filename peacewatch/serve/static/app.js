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
  // Edit forms (rendered only when the server has a write token): POST a correction as JSON with
  // the token the analyst typed (kept in this tab's sessionStorage, never in the page or address),
  // then reload to show the corrected record; a refusal shows its coded message.
  var TOKEN_KEY = "peacewatch-write-token";
  document.querySelectorAll("form.correction").forEach(function (form) {
    var token = form.querySelector("input[name=token]");
    var remembered = window.sessionStorage.getItem(TOKEN_KEY);
    if (remembered && token) { token.value = remembered; }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var action = (event.submitter && event.submitter.value) || form.dataset.correction;
      var body = correctionBody(form, action);
      if (typeof body === "string") { return showError(form, body); }
      var note = form.querySelector("input[name=note]");
      if (note && note.value) { body.note = note.value; }
      if (action === "reject" && !window.confirm("Reject this event? Every report of it is dropped.")) { return; }
      submitCorrection(form, body, token ? token.value : "");
    });
  });

  function changed(form, name) {
    var select = form.querySelector("select[name=" + name + "]");
    if (!select || !select.value) { return null; }
    var initial = Array.prototype.find.call(select.options, function (o) { return o.defaultSelected; });
    return initial && initial.value === select.value ? null : select.value;
  }

  function correctionBody(form, action) {
    var target = form.dataset.target;
    if (action === "reject") { return {kind: "reject", event: target}; }
    if (action === "event") {
      var change = {};
      ["type", "status"].forEach(function (name) {
        var value = changed(form, name);
        if (value !== null) { change[name] = value; }
      });
      if (Object.keys(change).length === 0) { return "Nothing changed: choose another type or status."; }
      return {kind: "event", event: target, change: change};
    }
    var body = {kind: "commitment", commitment: target, status: form.querySelector("select[name=status]").value};
    var level = form.querySelector("select[name=level]").value;
    if (level !== "") { body.level = Number(level); }
    return body;
  }

  function showError(form, message) {
    var output = form.querySelector("output.correction-error");
    output.textContent = message;  // text, never markup
    output.hidden = false;
  }

  function submitCorrection(form, body, token) {
    var buttons = form.querySelectorAll("button");
    buttons.forEach(function (b) { b.disabled = true; });
    fetch("/api/corrections", {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "Authorization": "Bearer " + token},
      body: JSON.stringify(body)
    }).then(function (answer) {
      if (answer.ok) {
        window.sessionStorage.setItem(TOKEN_KEY, token);
        return answer.json().then(function (data) {
          // a retyped event gets a new ledger id: /corrected/N leads to where the correction shows
          if (form.dataset.correction === "event") { window.location.assign("/corrected/" + data.correction); }
          else { window.location.reload(); }
        });
      }
      if (answer.status === 401) { window.sessionStorage.removeItem(TOKEN_KEY); }
      return answer.json().then(function (data) {
        var e = (data && data.error) || {};
        showError(form, (e.code || "HTTP " + answer.status) + ": " + (e.message || answer.statusText));
      }, function () { showError(form, "HTTP " + answer.status + ": " + answer.statusText); });
    }).catch(function (err) {
      showError(form, "The correction was not sent: " + err);
    }).finally(function () {
      buttons.forEach(function (b) { b.disabled = false; });
    });
  }
});
