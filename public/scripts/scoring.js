// Tenring scoring page: what htmx leaves to the page. Plain ES, no inline script (CSP); the page works without it.
// - htmx focuses the new score field after each answer (autofocus); after a refused shot its text is also
//   selected, so typing the right value replaces the wrong one.
// - Ctrl+Z (Cmd+Z) in the empty score field sends the card's undo form, so the last shot can be undone
//   without leaving the keyboard. With text in the field, the key keeps its usual meaning.
(function () {
  "use strict";

  function prepare() {
    var field = document.getElementById("shot-value");
    if (field && field.getAttribute("aria-invalid") === "true" && document.activeElement === field) field.select();
    var undo = document.querySelector("#scorecard .undo-form button");
    if (undo) {
      undo.setAttribute("aria-keyshortcuts", "Control+Z");
      undo.title = "Or press Ctrl+Z in the empty score field";
    }
  }

  document.addEventListener("keydown", function (evt) {
    var field = evt.target;
    if (!field || field.id !== "shot-value" || field.value !== "") return;
    if (!(evt.ctrlKey || evt.metaKey) || evt.shiftKey || evt.altKey || evt.key.toLowerCase() !== "z") return;
    var form = document.querySelector("#scorecard .undo-form");
    if (!form) return;
    evt.preventDefault();
    form.requestSubmit();
  });

  document.addEventListener("htmx:after:settle", prepare);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", prepare);
  else prepare();
})();
