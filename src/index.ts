import { app } from "./app.ts";
import { handleMailQueue } from "./mail/consumer.ts";

export { TournamentObject } from "./object/tournament-object.ts";

export default {
  fetch: app.fetch,
  queue: handleMailQueue,
} satisfies ExportedHandler<Env>;
