import { app } from "./app.ts";
import { earlyHit } from "./middleware/early-hits.ts";
import { handleMailQueue } from "./mail/consumer.ts";

export { TournamentObject } from "./object/tournament-object.ts";

export default {
  // A page this isolate holds in memory is answered before the app runs (src/middleware/early-hits.ts).
  fetch: (request, env, ctx) => earlyHit(request) ?? app.fetch(request, env, ctx),
  queue: handleMailQueue,
} satisfies ExportedHandler<Env>;
