// Tenring live scoreboard: applies the socket's messages (live-socket.js brings them) to the page, without a
// library. A message is HTML: <hx-partial hx-target="#id" hx-swap="style[ transition:true]">content</hx-partial>
// swaps, and elements with hx-swap-oob (their id is the target), as src/object/scoreboard/protocol.tsx sends.
// - Sequence numbers: every message starts with <data id="live-seq" value="N" data-kind="update|snapshot">.
//   A busy server sends several consecutive updates in one frame; those already applied are cut off.
//   After a gap, or on every (re)connect, the page sends {"type":"hello","seq":N} and the server answers
//   with a snapshot when N is not current.
// - "pong" (the answer to the keep-alive) and anything else unnumbered is never swapped.
// - Rows re-sort in a view transition (each row is named after its id) and flash once when changed.
// - The viewer's own row (from the uncached /fragments/live fragment) is marked after every message.
// Plain ES, no inline script (CSP).
(function () {
  "use strict";

  var MARKER = /<hx-partial [^>]*><data id="live-seq" value="(\d+)" data-kind="(update|snapshot)"/g;
  var PARTIAL = /<hx-partial\b([^>]*)>([\s\S]*?)<\/hx-partial>/g;
  var ATTRIBUTE = /([\w:-]+)="([^"]*)"/g;

  var applied = null; // the last sequence number applied to this page
  var askedFor = null; // the sequence number of the last hello sent, so a gap asks only once
  var backlog = 0; // messages received but not yet applied
  var queue = Promise.resolve(); // messages are applied one after another, each after the last one's transition

  function pageSeq() {
    var el = document.getElementById("live-seq");
    return el ? Number(el.getAttribute("value")) || 0 : 0;
  }

  function hello(socket) {
    if (!socket || socket.readyState !== WebSocket.OPEN) return;
    askedFor = applied;
    socket.send(JSON.stringify({ type: "hello", seq: applied }));
  }

  /** Nodes parsed in their target's context (a <tr> survives only inside a table part). */
  function nodesOf(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    return template.content;
  }

  function attributesOf(text) {
    var found = {};
    ATTRIBUTE.lastIndex = 0;
    for (var m = ATTRIBUTE.exec(text); m; m = ATTRIBUTE.exec(text)) found[m[1]] = m[2].replace(/&quot;/g, '"').replace(/&amp;/g, "&");
    return found;
  }

  /** One swap, as htmx does it: the style's first word says where the content goes. */
  function swap(target, style, html) {
    var el = document.querySelector(target);
    if (!el) return;
    var how = style.split(" ")[0];
    if (how === "none") return;
    if (how === "delete") return el.remove();
    if (how === "innerHTML") return el.replaceChildren(nodesOf(html));
    if (how === "outerHTML") return el.replaceWith(nodesOf(html));
    var where = { beforebegin: "beforebegin", afterbegin: "afterbegin", beforeend: "beforeend", afterend: "afterend" }[how];
    if (!where) return;
    var nodes = nodesOf(html);
    if (where === "beforebegin") el.before(nodes);
    else if (where === "afterbegin") el.prepend(nodes);
    else if (where === "beforeend") el.append(nodes);
    else el.after(nodes);
  }

  /** A message's swaps in order: its partials, then its out-of-band elements. */
  function swapsOf(text) {
    var swaps = [];
    PARTIAL.lastIndex = 0;
    for (var m = PARTIAL.exec(text); m; m = PARTIAL.exec(text)) {
      var a = attributesOf(m[1]);
      if (a["hx-target"]) swaps.push({ target: a["hx-target"], style: a["hx-swap"] || "innerHTML", html: m[2] });
    }
    var rest = nodesOf(text.replace(PARTIAL, "")).children;
    for (var i = 0; i < rest.length; i++) {
      var oob = rest[i].getAttribute("hx-swap-oob");
      if (oob === null || !rest[i].id) continue;
      rest[i].removeAttribute("hx-swap-oob");
      var style = oob === "" || oob === "true" ? "outerHTML" : oob;
      swaps.push({ target: "#" + rest[i].id, style: style, html: style.indexOf("outerHTML") === 0 ? rest[i].outerHTML : rest[i].innerHTML });
    }
    return swaps;
  }

  function nameRows() {
    var rows = document.querySelectorAll("#standings-rows > tr[id]");
    for (var i = 0; i < rows.length; i++) rows[i].style.viewTransitionName = rows[i].id;
  }

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

  /** Applies one message; rows move in a view transition when it asks for one and the browser has them. */
  function apply(text, animate) {
    var swaps = swapsOf(text);
    var run = function () {
      for (var i = 0; i < swaps.length; i++) swap(swaps[i].target, swaps[i].style, swaps[i].html);
      markMine();
    };
    var wanted = animate && swaps.some(function (s) { return / transition:true/.test(s.style); });
    if (!wanted || !document.startViewTransition || document.hidden) return run();
    nameRows();
    var transition = document.startViewTransition(function () {
      run();
      nameRows();
    });
    return transition.finished.catch(function () {});
  }

  /** The messages in a frame: their numbers, kinds and where each starts. */
  function messagesOf(data) {
    var found = [];
    MARKER.lastIndex = 0;
    for (var m = MARKER.exec(data); m; m = MARKER.exec(data)) found.push({ seq: Number(m[1]), kind: m[2], at: m.index });
    return found;
  }

  function enqueue(text, animate, socket) {
    backlog += 1;
    queue = queue
      .then(function () {
        backlog -= 1;
        // More waiting: apply without animation, or the queue would grow with every shot.
        return apply(text, animate && backlog === 0);
      })
      .catch(function () {
        // A message that could not be applied: start again from what the page shows.
        applied = pageSeq();
        hello(socket);
      });
  }

  document.addEventListener("tenring:live:open", function (evt) {
    if (applied === null) applied = pageSeq();
    hello(evt.detail.socket);
  });

  document.addEventListener("tenring:live:message", function (evt) {
    var data = evt.detail.data;
    if (typeof data !== "string") return;
    var messages = messagesOf(data);
    if (messages.length === 0 || messages[0].at !== data.search(/\S/)) return; // "pong", or not a scoreboard message
    if (applied === null) applied = pageSeq();
    if (messages[0].kind === "snapshot") {
      if (messages[0].seq === applied) return;
      applied = messages[0].seq;
      return enqueue(data, false, evt.detail.socket);
    }
    var from = 0;
    while (from < messages.length && messages[from].seq <= applied) from += 1;
    if (from === messages.length) return;
    if (messages[from].seq > applied + 1) {
      if (askedFor !== applied) hello(evt.detail.socket);
      return;
    }
    if (window.tenringLive) window.tenringLive.matchStarted();
    var to = from + 1;
    while (to < messages.length && messages[to].seq === messages[to - 1].seq + 1) to += 1;
    applied = messages[to - 1].seq;
    for (var i = from; i < to; i++) {
      // Several moves at once: apply without animation.
      enqueue(data.slice(messages[i].at, i + 1 < messages.length ? messages[i + 1].at : data.length), to - from === 1, evt.detail.socket);
    }
    if (to < messages.length && askedFor !== applied) hello(evt.detail.socket);
  });

  document.addEventListener("animationend", function (evt) {
    if (evt.target.classList && evt.target.classList.contains("flash")) evt.target.classList.remove("flash");
  });

  // The cached page's personal pieces (the account corner, the viewer's own row), loaded as htmx would:
  // <el data-fragment="/fragments/..."> is replaced by the fragment (kept when there is none).
  var pieces = document.querySelectorAll("[data-fragment]");
  Array.prototype.forEach.call(pieces, function (el) {
    fetch(el.getAttribute("data-fragment"), { headers: { "HX-Request": "true" }, credentials: "same-origin" })
      .then(function (res) {
        return res.ok && res.status !== 204 ? res.text() : null;
      })
      .then(function (html) {
        if (html === null) return;
        el.replaceWith(nodesOf(html));
        markMine();
      })
      .catch(function () {});
  });
})();
