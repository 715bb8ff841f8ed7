// Tenring live scoreboard: what htmx's ws extension leaves to the page. Plain ES, no inline script (CSP).
// - Sequence numbers: every message starts with <data id="live-seq" value="N" data-kind="update|snapshot">.
//   An update already applied is skipped; after a gap, or on every (re)connect, the page sends
//   {"type":"hello","seq":N} and the server answers with a snapshot when N is not current.
// - Keep-alive "ping" every 30 s (answered "pong" by the server without waking it); "pong" is never swapped.
// - Rows re-sort in a view transition (each row is named after its id) and flash once when changed.
// - The viewer's own row (from the uncached /fragments/live fragment) is marked after every swap.
// Reconnecting with back-off and jitter is hx-ws's own (reconnectDelay 500 ms doubling to 60 s, ±30 %).
(function () {
  "use strict";

  var MARKER = /^\s*<hx-partial [^>]*><data id="live-seq" value="(\d+)" data-kind="(update|snapshot)"/;
  var KEEPALIVE_MS = 30000;

  var applied = null; // the last sequence number applied to this page
  var askedFor = null; // the sequence number of the last hello sent, so a gap asks only once
  var backlog = 0; // messages received but not yet handled
  var keepalive = null;

  function pageSeq() {
    var el = document.getElementById("live-seq");
    return el ? Number(el.getAttribute("value")) || 0 : 0;
  }

  function setStatus(state, text) {
    var el = document.getElementById("live-status");
    if (!el) return;
    el.setAttribute("data-state", state);
    el.textContent = text;
  }

  function hello(socket) {
    if (!socket || socket.readyState !== WebSocket.OPEN) return;
    askedFor = applied;
    socket.send(JSON.stringify({ type: "hello", seq: applied }));
  }

  document.addEventListener("htmx:ws:after:connection", function (evt) {
    var socket = evt.detail.connection.socket;
    if (applied === null) applied = pageSeq();
    backlog = 0;
    socket.addEventListener("message", function () {
      backlog += 1;
    });
    hello(socket);
    if (keepalive) clearInterval(keepalive);
    keepalive = setInterval(function () {
      if (socket.readyState === WebSocket.OPEN) socket.send("ping");
    }, KEEPALIVE_MS);
    setStatus("live", "Live");
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

  document.addEventListener("htmx:ws:before:message:incoming", function (evt) {
    var detail = evt.detail;
    backlog = Math.max(0, backlog - 1);
    var data = detail.message.data;
    var found = typeof data === "string" ? MARKER.exec(data) : null;
    if (!found) {
      detail.cancelled = true; // "pong", or anything that is not a scoreboard message
      return;
    }
    var seq = Number(found[1]);
    if (applied === null) applied = pageSeq();
    if (found[2] === "snapshot") {
      if (seq === applied) detail.cancelled = true;
      else applied = seq;
      return;
    }
    if (seq <= applied) {
      detail.cancelled = true;
      return;
    }
    if (seq > applied + 1) {
      detail.cancelled = true;
      if (askedFor !== applied) hello(detail.connection.socket);
      return;
    }
    applied = seq;
    // Behind by more than one message: apply without animation, or the queue would grow with every shot.
    if (backlog > 0) detail.message.data = data.replace(/ transition:true/g, "");
  });

  function nameRows() {
    var rows = document.querySelectorAll("#standings-rows > tr[id]");
    for (var i = 0; i < rows.length; i++) rows[i].style.viewTransitionName = rows[i].id;
  }

  document.addEventListener("htmx:before:viewTransition", function (evt) {
    nameRows();
    var task = evt.detail.task;
    evt.detail.task = function () {
      return Promise.resolve(task()).then(nameRows);
    };
  });

  function markMine() {
    var mine = document.getElementById("my-entry");
    var id = mine && mine.getAttribute("value");
    var old = document.querySelectorAll("#standings-rows > tr.mine");
    for (var i = 0; i < old.length; i++) {
      if (old[i].id !== id) {
        old[i].classList.remove("mine");
        old[i].removeAttribute("aria-current");
      }
    }
    var row = id ? document.getElementById(id) : null;
    if (row) {
      row.classList.add("mine");
      row.setAttribute("aria-current", "true");
    }
  }

  document.addEventListener("htmx:after:swap", markMine);

  document.addEventListener("animationend", function (evt) {
    if (evt.target.classList && evt.target.classList.contains("flash")) evt.target.classList.remove("flash");
  });

  // Deferred scripts may interleave with htmx's own start-up, so htmx can process the page before the ws
  // extension has registered and never open the socket. Processing the board again after htmx's start-up
  // (timers run in order) connects it; the extension ignores an element that already has its connection.
  setTimeout(function () {
    var board = document.querySelector("[hx-ws\\:connect]");
    if (board && window.htmx) window.htmx.process(board);
  });
})();
