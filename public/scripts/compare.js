// Tenring compare view: follows the event's scoreboard socket and reloads the table when a message
// concerns one of the compared competitors: their row, or their rank moved by someone else's shot.
// Messages are never swapped here; their targets are the scoreboard's. Each reload asks for the message's
// sequence number, so a short-lived cached copy from before the shot is never shown. The status line,
// keep-alive and connecting are live-socket.js's, loaded before this. Plain ES, no inline script (CSP).
(function () {
  "use strict";

  var SEQ = /<data id="live-seq" value="(\d+)" data-kind="(update|snapshot)"/g;

  var board = document.getElementById("compare");
  if (!board) return;
  var ids = (board.getAttribute("data-entries") || "").split(",").filter(Boolean);
  var latest = 0; // the newest sequence number seen
  var loading = false;
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
    window.htmx
      .ajax("GET", url, { target: "#compare-table", select: "#compare-table", swap: "outerHTML" })
      .catch(function () {
        window.tenringLive.setStatus("reconnecting", "Could not load the latest scores; trying again with the next shot.");
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

  // Shots may have come while the socket was down.
  document.addEventListener("htmx:ws:after:connection", function () {
    if (latest > 0) reload();
  });
})();
