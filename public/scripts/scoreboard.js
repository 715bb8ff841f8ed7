// Tenring live scoreboard: what htmx's ws extension leaves to the page. Plain ES, no inline script (CSP).
// - Sequence numbers: every message starts with <data id="live-seq" value="N" data-kind="update|snapshot">.
//   A busy server sends several consecutive updates in one frame; those already applied are cut off.
//   After a gap, or on every (re)connect, the page sends {"type":"hello","seq":N} and the server answers
//   with a snapshot when N is not current.
// - "pong" (the answer to live-socket.js's keep-alive) and anything else unnumbered is never swapped.
// - Rows re-sort in a view transition (each row is named after its id) and flash once when changed.
// - The viewer's own row (from the uncached /fragments/live fragment) is marked after every swap.
// The status line, keep-alive and connecting are live-socket.js's, loaded before this.
(function () {
  "use strict";

  var MARKER = /<hx-partial [^>]*><data id="live-seq" value="(\d+)" data-kind="(update|snapshot)"/g;
  var SWAP = "none swapEmpty:false"; // as the extension swaps a message into the board (hx-swap="none")

  var applied = null; // the last sequence number applied to this page
  var askedFor = null; // the sequence number of the last hello sent, so a gap asks only once
  var backlog = 0; // messages received but not yet handled

  function pageSeq() {
    var el = document.getElementById("live-seq");
    return el ? Number(el.getAttribute("value")) || 0 : 0;
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
  });

  /** The messages in a frame: their numbers, kinds and where each starts. */
  function messagesOf(data) {
    var found = [];
    if (typeof data !== "string") return found;
    MARKER.lastIndex = 0;
    for (var m = MARKER.exec(data); m; m = MARKER.exec(data)) found.push({ seq: Number(m[1]), kind: m[2], at: m.index });
    return found;
  }

  document.addEventListener("htmx:ws:before:message:incoming", function (evt) {
    var detail = evt.detail;
    backlog = Math.max(0, backlog - 1);
    var data = detail.message.data;
    var messages = messagesOf(data);
    if (messages.length === 0 || messages[0].at !== data.search(/\S/)) {
      detail.cancelled = true; // "pong", or anything that is not a scoreboard message
      return;
    }
    if (applied === null) applied = pageSeq();
    if (messages[0].kind === "snapshot") {
      if (messages[0].seq === applied) detail.cancelled = true;
      else applied = messages[0].seq;
      return;
    }
    var from = 0;
    while (from < messages.length && messages[from].seq <= applied) from += 1;
    if (from === messages.length) {
      detail.cancelled = true;
      return;
    }
    if (messages[from].seq > applied + 1) {
      detail.cancelled = true;
      if (askedFor !== applied) hello(detail.connection.socket);
      return;
    }
    if (window.tenringLive) window.tenringLive.matchStarted();
    var to = from + 1;
    while (to < messages.length && messages[to].seq === messages[to - 1].seq + 1) to += 1;
    applied = messages[to - 1].seq;
    var parts = [];
    for (var i = from; i < to; i++) {
      var part = data.slice(messages[i].at, i + 1 < messages.length ? messages[i + 1].at : data.length);
      // Several moves at once, or more waiting: apply without animation, or the queue would grow with every shot.
      parts.push(backlog > 0 || to - from > 1 ? part.replace(/ transition:true/g, "") : part);
    }
    // htmx finds every target of a message before swapping any, so each message is swapped on its own: the
    // earlier ones here (the extension waits for them), the last one by the extension as usual.
    var board = evt.target;
    var earlier = parts.slice(0, -1).reduce(function (done, text) {
      return done.then(function () {
        return window.htmx.swap({ sourceElement: board, target: board, swap: SWAP, text: text, transition: false });
      });
    }, Promise.resolve());
    if (parts.length > 1) detail.waitUntil(earlier);
    detail.message.data = parts[parts.length - 1];
    if (to < messages.length && askedFor !== applied) hello(detail.connection.socket);
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
})();
