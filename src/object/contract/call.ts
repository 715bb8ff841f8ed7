import { z } from "zod";

/**
 * Every call of the Worker's client (src/object-client/client.ts): the object method, its arguments, and the
 * id of the request it is made for, so the object's log lines name the same request as the Worker's.
 * The arguments are the method's own, which it parses at its door as before.
 */
export const objectCallSchema = z.object({
  requestId: z.string().min(1).max(200),
  method: z.string().regex(/^[a-z][A-Za-z0-9]{0,63}$/),
  args: z.array(z.unknown()).max(8),
});
export type ObjectCall = z.infer<typeof objectCallSchema>;
