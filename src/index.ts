import { app } from "./app.ts";

export { TournamentObject } from "./object/tournament-object.ts";

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;
