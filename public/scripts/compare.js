// Tenring compare view: follows the event's scoreboard socket and reloads the table when a message
// concerns one of the compared competitors: their row, or their rank moved by someone else's shot.
// Messages are never swapped here (their targets are the scoreboard's); the table is swapped with htmx. Each reload asks for the message's
// sequence number, so a short-lived cached copy from before the shot is never shown; a reload that fails
// says so on the status line and is tried again 2 s later. The status line, keep-alive and connecting
// are live-socket.js's, loaded before this. Plain ES, no inline script (CSP).
(function () {
  "use strict";

  var SEQ = /<data id="live-seq" value="(\d+)" data-kind="(update|snapshot)"/g;
  var RETRY_MS = 2000;

  var board = document.getElementById("compare");
  if (!board) return;
  var ids = (board.getAttribute("data-entries") || "").split(",").filter(Boolean);
  var latest = 0; // the newest sequence number seen
  var loading = false;
  var failed = false; // the last reload failed; the status line says so until one succeeds
  var again = false;

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
    fetch(url, { headers: { "HX-Request": "true" } })
      .then(function (res) {
        if (!res.ok) throw new Error("HTTP " + res.status);
        return res.text();
      })
      .then(function (html) {
        var table = document.getElementById("compare-table");
        return window.htmx.swap({ sourceElement: board, target: table, swap: "outerHTML", select: "#compare-table", text: html, transition: false });
      })
      .then(function () {
        if (!failed) return;
        failed = false;
        window.tenringLive.setStatus("live", "Live");
      })
      .catch(function () {
        failed = true;
        window.tenringLive.setStatus("reconnecting", "Could not load the latest scores, trying again…");
        setTimeout(reload, RETRY_MS);
      })
      .finally(function () {
        loading = false;
        if (again) {
          again = false;
          reload();
        }
      });
  }

  document.addEventListener("tenring:live:message", function (evt) {
    var data = evt.detail.data;
    if (typeof data !== "string") return;
    SEQ.lastIndex = 0;
    for (var m = SEQ.exec(data); m; m = SEQ.exec(data)) latest = Math.max(latest, Number(m[1]));
    if (concerns(data)) reload();
  });

  // Shots may have come while the socket was down.
  document.addEventListener("tenring:live:open", function () {
    if (latest > 0) reload();
  });
})();
