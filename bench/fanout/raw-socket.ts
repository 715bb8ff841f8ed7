/**
 * A minimal WebSocket client over a TCP socket (RFC 6455, text and close frames), for the fan-out
 * benchmark's spectators. Node's own WebSocket always offers permessage-deflate and builds an event object
 * per message; with 2,000 sockets in one process that cost would be measured instead of the server's.
 * This one offers no extension and hands over each message as a Buffer.
 */
import { randomBytes } from "node:crypto";
import { connect, type Socket } from "node:net";

export interface RawSocketEvents {
  onMessage(payload: Buffer, at: number): void;
  onClose(): void;
}

const OPCODE = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;

export class RawWebSocket {
  private buffer: Buffer = Buffer.alloc(0);
  private fragments: Buffer[] = [];
  private closed = false;
  private readonly socket: Socket;
  private readonly events: RawSocketEvents;

  private constructor(socket: Socket, events: RawSocketEvents) {
    this.socket = socket;
    this.events = events;
  }

  /** Connects and completes the opening handshake; rejects on anything but 101 within `timeoutMs`. */
  static open(url: string, events: RawSocketEvents, timeoutMs: number): Promise<RawWebSocket> {
    const { hostname, port, pathname, search } = new URL(url);
    return new Promise((resolve, reject) => {
      const socket = connect({ host: hostname, port: Number(port), noDelay: true });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`${url}: no handshake within ${timeoutMs} ms`));
      }, timeoutMs);
      let head = Buffer.alloc(0);
      const onData = (chunk: Buffer) => {
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf("\r\n\r\n");
        if (end < 0) return;
        clearTimeout(timer);
        socket.off("data", onData);
        const status = head.subarray(0, end).toString("latin1");
        if (!status.startsWith("HTTP/1.1 101")) {
          socket.destroy();
          return reject(new Error(`${url}: ${status.split("\r\n")[0]}`));
        }
        const ws = new RawWebSocket(socket, events);
        socket.on("data", (more: Buffer) => ws.receive(more, performance.now()));
        socket.on("close", () => ws.finish());
        socket.on("error", () => ws.finish());
        ws.receive(head.subarray(end + 4), performance.now());
        resolve(ws);
      };
      socket.on("data", onData);
      socket.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      socket.write(
        `GET ${pathname}${search} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${randomBytes(16).toString("base64")}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
    });
  }

  private receive(chunk: Buffer, at: number): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const b = this.buffer;
      if (b.length < 2) return;
      const fin = (b[0]! & 0x80) !== 0;
      const opcode = b[0]! & 0x0f;
      let length = b[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (b.length < 4) return;
        length = b.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (b.length < 10) return;
        length = Number(b.readBigUInt64BE(2));
        offset = 10;
      }
      if (b.length < offset + length) return;
      const payload = b.subarray(offset, offset + length);
      this.buffer = b.subarray(offset + length);
      this.frame(fin, opcode, payload, at);
    }
  }

  private frame(fin: boolean, opcode: number, payload: Buffer, at: number): void {
    if (opcode === OPCODE.close) return this.close();
    if (opcode === OPCODE.ping) return this.send(OPCODE.pong, payload);
    if (opcode !== OPCODE.text && opcode !== OPCODE.binary && opcode !== OPCODE.continuation) return;
    if (!fin) {
      this.fragments.push(Buffer.from(payload));
      return;
    }
    const whole = this.fragments.length > 0 ? Buffer.concat([...this.fragments, payload]) : payload;
    this.fragments = [];
    this.events.onMessage(whole, at);
  }

  /** Client frames are masked (RFC 6455 §5.3). */
  private send(opcode: number, payload: Buffer): void {
    if (this.closed || payload.length > 125) return;
    const mask = randomBytes(4);
    const frame = Buffer.alloc(6 + payload.length);
    frame[0] = 0x80 | opcode;
    frame[1] = 0x80 | payload.length;
    mask.copy(frame, 2);
    for (let i = 0; i < payload.length; i++) frame[6 + i] = payload[i]! ^ mask[i % 4]!;
    this.socket.write(frame);
  }

  /** Sends a normal close and ends the connection. */
  close(): void {
    if (this.closed) return;
    const code = Buffer.alloc(2);
    code.writeUInt16BE(1000);
    this.send(OPCODE.close, code);
    this.closed = true;
    this.socket.end();
  }

  private finish(): void {
    if (!this.socket.destroyed) this.socket.destroy();
    this.closed = true;
    this.events.onClose();
  }
}
