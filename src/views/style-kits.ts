/**
 * The stylesheets in public/styles/, in cascade order (later areas may refine earlier ones), and the kits pages
 * link: each kit is one file, base and print rules first, then its areas (scripts/assets.ts concatenates and
 * minifies them; src/views/page-assets.ts picks the kit by URL). No imports: the Node build script reads it too.
 */
export const CASCADE = ["base", "print", "accounts", "live", "competitor", "scoring", "results", "plots", "admin"] as const;
export type Sheet = (typeof CASCADE)[number];

export const STYLE_KITS = {
  /** The home page and error pages. */
  site: [],
  account: ["accounts"],
  /** My entries, my results. */
  me: ["competitor", "results", "plots"],
  tournament: ["competitor", "results"],
  /** The scoreboard and the compare view. */
  live: ["live", "results"],
  /** The finals scoreboard and the compare view: the scoreboard's, with finals and shot plots. */
  plots: ["live", "results", "plots"],
  results: ["results"],
  /** Organisers: forms and token boxes (accounts), entry states (competitor), standings (results). */
  admin: ["accounts", "competitor", "results", "admin"],
  /** Range officers: the scoring pages, their forms and the relay's standings. */
  scoring: ["accounts", "results", "scoring"],
} satisfies Record<string, Sheet[]>;
export type StyleKit = keyof typeof STYLE_KITS;

/** A kit's sheets in cascade order. */
export function sheetsOf(kit: StyleKit): Sheet[] {
  const areas: readonly Sheet[] = STYLE_KITS[kit];
  return CASCADE.filter((sheet) => sheet === "base" || sheet === "print" || areas.includes(sheet));
}
