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

  // The admin tabs scroll sideways on a phone: bring the open one into view (browsers without
  // scroll-initial-target), centred when it was hidden, without moving the page.
  var current = document.querySelector(".admin-nav [aria-current=page]");
  var tabs = current && current.closest("ul");
  if (tabs && tabs.scrollWidth > tabs.clientWidth) {
    var left = current.offsetLeft - tabs.offsetLeft;
    if (left < tabs.scrollLeft || left + current.offsetWidth > tabs.scrollLeft + tabs.clientWidth) {
      tabs.scrollLeft = left - (tabs.clientWidth - current.offsetWidth) / 2;
    }
  }

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
