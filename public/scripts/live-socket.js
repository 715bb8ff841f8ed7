// Tenring: the scoreboard socket, for every page that follows one (the scoreboard, the compare view). The
// page's element with data-live-socket="<path>" names the socket; this script
// - connects, and reconnects after a drop with back-off and jitter (500 ms doubling to 60 s, ±30 %) on the
//   codes that mean "try again" (a server's policy close, 1003/1008/1009, is final);
// - closes the socket while the page is hidden and connects again when it is shown;
// - keeps the status line (#live-status): connecting, then the match's state once connected (data-match and
//   data-match-label from the server: "Live", "Starts Sun 13 Dec, 09:00", "Finished", "Official"; a page
//   without them is live), reconnecting, paused, stopped;
// - sends a keep-alive "ping" every 30 s, answered "pong" by the server without waking it;
// - hands every message to the page as a "tenring:live:message" event (detail: data, socket), and says
//   "tenring:live:open" (detail: socket) on every (re)connect. Pages read and apply the messages themselves.
// Plain ES, no inline script (CSP), no library.
(function () {
  "use strict";

  var KEEPALIVE_MS = 30000;
  var FIRST_DELAY_MS = 500;
  var MAX_DELAY_MS = 60000;
  var JITTER = 0.3;
  var RECONNECT_CODES = [1001, 1005, 1006, 1011, 1012, 1013, 1014];

  var board = document.querySelector("[data-live-socket]");
  if (!board) return;
  var url = new URL(board.getAttribute("data-live-socket"), location.href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";

  var socket = null;
  var keepalive = null;
  var retry = null;
  var attempts = 0;

  function setStatus(state, text) {
    var el = document.getElementById("live-status");
    if (!el) return;
    el.setAttribute("data-state", state);
    el.textContent = text;
  }

  function say(name, detail) {
    document.dispatchEvent(new CustomEvent(name, { detail: detail }));
  }

  function connect() {
    retry = null;
    if (socket || document.hidden) return;
    var ws = new WebSocket(url.href);
    socket = ws;
    ws.addEventListener("open", function () {
      attempts = 0;
      if (keepalive) clearInterval(keepalive);
      keepalive = setInterval(function () {
        if (ws.readyState === WebSocket.OPEN) ws.send("ping");
      }, KEEPALIVE_MS);
      var el = document.getElementById("live-status");
      var match = (el && el.getAttribute("data-match")) || "live";
      setStatus(match, (el && el.getAttribute("data-match-label")) || "Live");
      say("tenring:live:open", { socket: ws });
    });
    ws.addEventListener("message", function (evt) {
      if (socket === ws) say("tenring:live:message", { data: evt.data, socket: ws });
    });
    ws.addEventListener("close", function (evt) {
      if (socket !== ws) return;
      socket = null;
      if (keepalive) clearInterval(keepalive);
      keepalive = null;
      if (document.hidden) return setStatus("paused", "Paused while the page is hidden");
      if (evt.reason === "hidden") return connect(); // shown again before the close came through
      if (RECONNECT_CODES.indexOf(evt.code) < 0) {
        return setStatus("closed", "Live updates stopped. Reload the page to follow the scores.");
      }
      setStatus("reconnecting", "Connection lost, reconnecting…");
      var delay = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * Math.pow(2, attempts++));
      retry = setTimeout(connect, delay * (1 - JITTER + Math.random() * 2 * JITTER));
    });
  }

  document.addEventListener("visibilitychange", function () {
    if (document.hidden) {
      if (socket && socket.readyState === WebSocket.OPEN) socket.close(1000, "hidden");
    } else if (!socket) {
      if (retry) clearTimeout(retry);
      attempts = 0;
      connect();
    }
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
  connect();
})();
