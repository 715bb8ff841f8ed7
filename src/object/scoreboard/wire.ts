/** Sending on scoreboard sockets: ASCII text, and sends and closes that tolerate a socket closed meanwhile. */

/**
 * The message as pure ASCII: characters beyond it become numeric character references, which HTML reads
 * back as the same text. The runtime converts a string to UTF-8 for every socket it goes to; for ASCII
 * that is a plain copy, which matters when one message goes to thousands of sockets.
 */
export function wireText(html: string): string {
  return html.replace(/[^\x00-\x7f]/gu, (c) => `&#${c.codePointAt(0)};`);
}

export function send(ws: WebSocket, html: string): boolean {
  try {
    ws.send(html);
    return true;
  } catch {
    // The socket closed meanwhile; webSocketClose tidies up.
    return false;
  }
}

export function closeQuietly(ws: WebSocket, code: number, reason: string): void {
  try {
    ws.close(code, reason);
  } catch {
    // Already closed or closing: nothing left to do.
  }
}
