// Tenring compare view: follows the event's scoreboard socket (htmx's ws extension, which reconnects with
// back-off) and reloads the table when a message concerns one of the compared competitors: their row, or
// their rank moved by someone else's shot. Messages are never swapped here; their targets are the
// scoreboard's. Each reload asks for the message's sequence number, so a short-lived cached copy from
// before the shot is never shown. Plain ES, no inline script (CSP).
(function () {
  "use strict";

  var KEEPALIVE_MS = 30000;
  var SEQ = /<data id="live-seq" value="(\d+)" data-kind="(update|snapshot)"/g;

  var board = document.getElementById("compare");
  if (!board) return;
  var ids = (board.getAttribute("data-entries") || "").split(",").filter(Boolean);
  var latest = 0; // the newest sequence number seen
  var loading = false;
  var again = false;
  var keepalive = null;

  function setStatus(state, text) {
    var el = document.getElementById("live-status");
    if (!el) return;
    el.setAttribute("data-state", state);
    el.textContent = text;
  }

  function concerns(data) {
    if (data.indexOf('data-kind="snapshot"') >= 0) return true;
    return ids.some(function (id) {
      return data.indexOf("row-" + id + '"') >= 0 || data.indexOf("rank-" + id + '"') >= 0;
    });
  }

  function reload() {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    var url = location.pathname + location.search + (location.search ? "&" : "?") + "seq=" + latest;
    window.htmx
      .ajax("GET", url, { target: "#compare-table", select: "#compare-table", swap: "outerHTML" })
      .catch(function () {
        setStatus("reconnecting", "Could not load the latest scores; trying again with the next shot.");
      })
      .finally(function () {
        loading = false;
        if (again) {
          again = false;
          reload();
        }
      });
  }

  document.addEventListener("htmx:ws:before:message:incoming", function (evt) {
    var data = evt.detail.message.data;
    evt.detail.cancelled = true;
    if (typeof data !== "string") return;
    SEQ.lastIndex = 0;
    for (var m = SEQ.exec(data); m; m = SEQ.exec(data)) latest = Math.max(latest, Number(m[1]));
    if (concerns(data)) reload();
  });

  document.addEventListener("htmx:ws:after:connection", function (evt) {
    var socket = evt.detail.connection.socket;
    if (keepalive) clearInterval(keepalive);
    keepalive = setInterval(function () {
      if (socket.readyState === WebSocket.OPEN) socket.send("ping");
    }, KEEPALIVE_MS);
    setStatus("live", "Live");
    // Shots may have come while the socket was down.
    if (latest > 0) reload();
  });

  document.addEventListener("htmx:ws:close", function (evt) {
    if (keepalive) clearInterval(keepalive);
    keepalive = null;
    if (evt.detail.reason === "removed") return;
    setStatus("reconnecting", "Connection lost, reconnecting…");
  });

  // As on the scoreboard: connect even when htmx started before the ws extension registered.
  setTimeout(function () {
    if (window.htmx) window.htmx.process(board);
  });
})();
