// Tenring: small progressive enhancements on every page. Plain ES, no inline scripts (CSP); every page works
// without it. Countdowns and the opening second live in countdown.js, loaded only where a page has them.
(function () {
  "use strict";

  // The header's tool menus (<details class="tool-menu">) work without script; with it, one is open at a
  // time, and a click elsewhere or Escape closes it (Escape gives the focus back to its summary).
  function closeMenus(except) {
    var open = document.querySelectorAll("details.tool-menu[open]");
    for (var i = 0; i < open.length; i++) if (open[i] !== except) open[i].open = false;
  }
  document.addEventListener("click", function (evt) {
    closeMenus(evt.target.closest ? evt.target.closest("details.tool-menu") : null);
  });
  document.addEventListener("keydown", function (evt) {
    if (evt.key !== "Escape") return;
    var menu = evt.target.closest ? evt.target.closest("details.tool-menu[open]") : null;
    if (!menu) return;
    menu.open = false;
    menu.querySelector("summary").focus();
  });
})();
