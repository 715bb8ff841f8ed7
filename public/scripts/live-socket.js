// Tenring: what every page on a scoreboard socket shares (the scoreboard, the compare view), around htmx's
// ws extension, which reconnects with back-off and jitter (500 ms doubling to 60 s, ±30 %):
// - the status line (#live-status): connecting, then the match's state once connected (data-match and
//   data-match-label from the server: "Live", "Starts Sun 13 Dec, 09:00", "Finished", "Official"; a page
//   without them is live), reconnecting, paused, stopped;
// - a keep-alive "ping" every 30 s, answered "pong" by the server without waking it;
// - connecting even when htmx started before the extension registered: deferred scripts may interleave
//   with htmx's own start-up, so the socket element is processed once more after it (timers run in
//   order); the extension ignores an element that already has its connection.
// Pages read and swap the messages themselves. Plain ES, no inline script (CSP).
(function () {
  "use strict";

  var KEEPALIVE_MS = 30000;
  var keepalive = null;

  function setStatus(state, text) {
    var el = document.getElementById("live-status");
    if (!el) return;
    el.setAttribute("data-state", state);
    el.textContent = text;
  }

  document.addEventListener("htmx:ws:after:connection", function (evt) {
    var socket = evt.detail.connection.socket;
    if (keepalive) clearInterval(keepalive);
    keepalive = setInterval(function () {
      if (socket.readyState === WebSocket.OPEN) socket.send("ping");
    }, KEEPALIVE_MS);
    var el = document.getElementById("live-status");
    var match = (el && el.getAttribute("data-match")) || "live";
    setStatus(match, (el && el.getAttribute("data-match-label")) || "Live");
  });

  document.addEventListener("htmx:ws:close", function (evt) {
    if (keepalive) clearInterval(keepalive);
    keepalive = null;
    if (evt.detail.reason === "removed") return;
    var again = evt.detail.connection && evt.detail.connection.config.reconnectCodes.indexOf(evt.detail.code) >= 0;
    if (document.hidden) setStatus("paused", "Paused while the page is hidden");
    else if (again) setStatus("reconnecting", "Connection lost, reconnecting…");
    else setStatus("closed", "Live updates stopped. Reload the page to follow the scores.");
  });

  setTimeout(function () {
    var board = document.querySelector("[hx-ws\\:connect]");
    if (board && window.htmx) window.htmx.process(board);
  });

  /** The first shot of a match that had not started: the line says so at once. */
  function matchStarted() {
    var el = document.getElementById("live-status");
    if (!el || el.getAttribute("data-match") !== "upcoming") return;
    el.setAttribute("data-match", "live");
    el.setAttribute("data-match-label", "Live");
    setStatus("live", "Live");
  }

  window.tenringLive = { setStatus: setStatus, matchStarted: matchStarted };
})();
