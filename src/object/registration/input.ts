import type { Configuration } from "../../domain/registration/book.ts";
import { type TournamentConfig, tournamentConfigSchema } from "../contract/index.ts";

/** The pushed configuration, parsed at the object's door, as the registration rules read it. */
export function toConfiguration(input: TournamentConfig): Configuration {
  const c = tournamentConfigSchema.parse(input);
  return {
    settings: {
      tournamentId: c.tournamentId,
      revision: c.revision,
      opensAt: c.registrationOpensAt,
      closesAt: c.registrationClosesAt,
      holdMinutes: c.holdMinutes,
      refundFullUntil: c.refundFullUntil ?? null,
      refundSharePercent: c.refundSharePercent ?? 100,
    },
    events: c.events,
    relays: c.relays,
  };
}
