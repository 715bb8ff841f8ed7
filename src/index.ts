import { app } from "./app.ts";

export { TournamentObject } from "./tournament/object.ts";

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;
