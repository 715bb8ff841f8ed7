import type { NamedRow } from "../../object/contract/index.ts";

/**
 * The scoreboard's standings markup is the object's socket protocol (src/object/scoreboard/protocol.tsx):
 * routes render it and hand it to the page. Views that show named standings take their row type from here.
 */
export type { NamedRow };
