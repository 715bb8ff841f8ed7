import { bodyLimit } from "hono/body-limit";
import { Refusal } from "../../lib/refusal.ts";

/** Refuses a body over `maxBytes` with 413 before it is read; `what` names it in the message. */
export function bodyAtMost(maxBytes: number, what: string) {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new Refusal(413, { title: "Request too large", detail: `${what} must not exceed ${maxBytes} bytes.` });
    },
  });
}
