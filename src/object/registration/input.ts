import { z } from "zod";
import type { Configuration } from "../../domain/registration/book.ts";
import type { RegisterRequest, RemoveRequest, TournamentConfig, WithdrawRequest } from "../contract/index.ts";

/**
 * RPC arguments are checked at the object's door too: the Worker validates what people send, but the
 * object is the last line before storage and must never store a malformed entry.
 */
const id = z.number().int().positive();
const time = z.number().finite();

const registerRequest = z.object({
  userId: id,
  eventId: id,
  relayId: z.union([id, z.literal("any")]),
  idempotencyKey: z.string().min(1).max(200),
});

const withdrawRequest = z.object({ entryId: z.string().min(1).max(100), userId: id });
const removeRequest = z.object({ entryId: z.string().min(1).max(100), byUserId: id, reason: z.string().max(500) });

const tournamentConfig = z.object({
  tournamentId: id,
  revision: z.number().int().nonnegative(),
  registrationOpensAt: time,
  registrationClosesAt: time,
  holdMinutes: z.number().finite().nonnegative(),
  events: z.array(z.object({ id, title: z.string(), discipline: z.string() })),
  relays: z.array(
    z.object({
      id,
      eventId: id,
      name: z.string(),
      startsAt: time,
      firingPoints: z.number().int().nonnegative(),
      reserved: z.number().int().nonnegative(),
    }),
  ),
});

export function checkRegister(req: RegisterRequest): RegisterRequest {
  return registerRequest.parse(req);
}

export function checkWithdraw(req: WithdrawRequest): WithdrawRequest {
  return withdrawRequest.parse(req);
}

export function checkRemove(req: RemoveRequest): RemoveRequest {
  return removeRequest.parse(req);
}

export function toConfiguration(input: TournamentConfig): Configuration {
  const c = tournamentConfig.parse(input);
  return {
    settings: {
      tournamentId: c.tournamentId,
      revision: c.revision,
      opensAt: c.registrationOpensAt,
      closesAt: c.registrationClosesAt,
      holdMinutes: c.holdMinutes,
    },
    events: c.events,
    relays: c.relays,
  };
}
