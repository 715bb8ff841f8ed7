// Tenring admin: small enhancements. Plain ES, no inline scripts (CSP); every admin page works without it.
(function () {
  "use strict";

  document.documentElement.classList.add("js");

  // <button data-print>: print the page (start lists).
  document.addEventListener("click", function (evt) {
    var button = evt.target instanceof Element ? evt.target.closest("[data-print]") : null;
    if (!button) return;
    evt.preventDefault();
    window.print();
  });

  // <form data-confirm="Question?">: ask before a destructive plain form is sent.
  document.addEventListener(
    "submit",
    function (evt) {
      var form = evt.target;
      if (!(form instanceof HTMLFormElement) || !form.dataset.confirm) return;
      if (!window.confirm(form.dataset.confirm)) {
        evt.preventDefault();
        evt.stopImmediatePropagation();
      }
    },
    true,
  );

  // After a check-in tap the row is replaced: keep the keyboard focus on its button.
  document.addEventListener("htmx:after:swap", function (evt) {
    var target = evt.detail && evt.detail.ctx && evt.detail.ctx.target;
    var id = target && target.id;
    if (!id || id.indexOf("checkin-") !== 0) return;
    var row = document.getElementById(id);
    var button = row && row.querySelector("button");
    if (button) button.focus({ preventScroll: true });
  });
})();
