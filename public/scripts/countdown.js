// Tenring: countdowns to a registration opening, and the opening second on a tournament page. Plain ES, no
// inline scripts (CSP); loaded only by pages that show a countdown (the page works without it).
(function () {
  "use strict";

  // Same format as formatRemaining() in src/domain/time/format.ts.
  function formatRemaining(ms) {
    var total = Math.max(0, Math.floor(ms / 1000));
    var days = Math.floor(total / 86400);
    var clock = [Math.floor((total % 86400) / 3600), Math.floor((total % 3600) / 60), total % 60]
      .map(function (n) {
        return String(n).padStart(2, "0");
      })
      .join(":");
    return days > 0 ? days + " d " + clock : clock;
  }

  function isoDuration(ms) {
    var total = Math.max(0, Math.floor(ms / 1000));
    var days = Math.floor(total / 86400);
    return (
      "P" + (days > 0 ? days + "D" : "") + "T" + Math.floor((total % 86400) / 3600) + "H" +
      Math.floor((total % 3600) / 60) + "M" + (total % 60) + "S"
    );
  }

  // Set once `registration-opens` has fired: a page announces the opening once.
  var opened = false;

  // A countdown: <p data-countdown="<epoch ms>" data-countdown-zero="reload|event" data-countdown-done="...">.
  // At zero it reloads the page or fires `registration-opens` on the body (fragments listen with
  // hx-trigger="registration-opens from:body"). Only a countdown that was still running when the page loaded
  // acts at zero, so a cached copy that is already past its target never reloads in a loop.
  function startCountdown(el) {
    if (el.dataset.countdownStarted) return;
    el.dataset.countdownStarted = "1";
    var target = Number(el.dataset.countdown);
    if (!isFinite(target)) return;
    var left = el.querySelector(".countdown-left");
    var label = el.querySelector(".countdown-label");
    var armed = target - Date.now() > 0;
    var timer = null;

    function finish() {
      if (timer !== null) clearInterval(timer);
      el.classList.add("countdown-done");
      if (label && el.dataset.countdownDone) label.textContent = el.dataset.countdownDone;
      if (left) left.hidden = true;
      if (!armed) return;
      // A little past zero, so the server's clock has passed the instant too.
      setTimeout(function () {
        if (el.dataset.countdownZero === "reload") window.location.reload();
        else if (!opened) {
          // Once per page, however many countdowns show the same opening (page and registration panel).
          opened = true;
          document.body.dispatchEvent(new CustomEvent("registration-opens", { bubbles: true }));
        }
      }, 1500);
    }

    function tick() {
      var ms = target - Date.now();
      if (ms <= 0) return finish();
      if (left) {
        left.textContent = formatRemaining(ms);
        left.setAttribute("datetime", isoDuration(ms));
      }
    }

    tick();
    if (target - Date.now() > 0) timer = setInterval(tick, 1000);
  }

  function startAll(root) {
    var found = (root || document).querySelectorAll("[data-countdown]");
    for (var i = 0; i < found.length; i++) startCountdown(found[i]);
  }

  // The opening second: the page's badge and countdown follow the registration panel. A mutation observer
  // runs before the browser paints the swapped panel, so the page never shows "Opens soon" beside an open
  // form (nor "open" beside a countdown).
  var PANEL_PHASE = { open: ["open", "Registration open"], closed: ["closed", "Registration closed"] };

  function followPanel() {
    var panel = document.querySelector('#registration [data-testid="registration-panel"]');
    var phase = document.getElementById("tournament-phase");
    var next = panel && PANEL_PHASE[panel.getAttribute("data-state")];
    if (!next || !phase || phase.getAttribute("data-phase") !== "soon") return;
    var badge = document.createElement("span");
    badge.className = "badge " + next[0];
    badge.textContent = next[1];
    phase.replaceChildren(badge);
    phase.setAttribute("data-phase", next[0]);
    var countdown = document.getElementById("opening-countdown");
    if (countdown) countdown.remove();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { startAll(); });
  else startAll();
  // Countdowns inside fragments htmx swaps in later.
  document.addEventListener("htmx:after:swap", function (evt) {
    var target = evt.detail && evt.detail.ctx && evt.detail.ctx.target;
    startAll(target && target.querySelectorAll ? target : document);
  });

  function watchPanel() {
    var registration = document.getElementById("registration");
    if (!registration || !document.getElementById("opening-countdown")) return;
    new MutationObserver(followPanel).observe(registration, { childList: true, subtree: true, attributes: true });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watchPanel);
  else watchPanel();
})();
