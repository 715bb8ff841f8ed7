// Tenring finals scoreboard: each message is the whole board, numbered like the scoreboard's
// (<data id="live-seq" value="N" data-kind="snapshot">). A message not newer than the page, "pong", and
// anything unnumbered is never swapped; on every (re)connect the page says which board it has
// ({"type":"hello","seq":N}) and the server sends the board if it is newer. Plain ES, no inline script (CSP).
(function () {
  "use strict";

  var MARKER = /^\s*<hx-partial [^>]*><data id="live-seq" value="(\d+)" data-kind="snapshot"/;

  function pageSeq() {
    var el = document.getElementById("live-seq");
    return el ? Number(el.getAttribute("value")) || 0 : 0;
  }

  document.addEventListener("htmx:ws:after:connection", function (evt) {
    var socket = evt.detail.connection.socket;
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: "hello", seq: pageSeq() }));
  });

  document.addEventListener("htmx:ws:before:message:incoming", function (evt) {
    var data = evt.detail.message.data;
    var m = typeof data === "string" ? MARKER.exec(data) : null;
    if (!m || Number(m[1]) <= pageSeq()) evt.detail.cancelled = true;
  });
})();
