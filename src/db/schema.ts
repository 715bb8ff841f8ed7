import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { STAFF_ROLES } from "../auth/roles.ts";

/** Times are epoch milliseconds (UTC); calendar dates are ISO `YYYY-MM-DD` in the tournament's zone. */
const now = sql`(unixepoch('subsec') * 1000)`;

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  club: text("club").notNull().default(""),
  /** `pbkdf2-sha256$<iterations>$<salt b64url>$<hash b64url>`; null for walk-up competitors without an account. */
  passwordHash: text("password_hash"),
  createdAt: integer("created_at").notNull().default(now),
  /** When `email` was proven by a link sent to it; null until then (nothing is granted to an unproven address). */
  emailVerifiedAt: integer("email_verified_at"),
  /** An address the person asked to change to, counted only once its link is opened. */
  pendingEmail: text("pending_email"),
});

export const sessions = sqliteTable(
  "sessions",
  {
    /** SHA-256 of the cookie token; the token itself is never stored. */
    tokenHash: text("token_hash").primaryKey(),
    userId: integer("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("sessions_user").on(t.userId)],
);

/** Failed sign-in attempts, counted per key (`acct:<email>` or `addr:<ip>`) inside a sliding window. */
export const signInFailures = sqliteTable(
  "sign_in_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    key: text("key").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [index("sign_in_failures_key_at").on(t.key, t.at)],
);

/** Accounts created per network address, for the sign-up limit (src/auth/rate-limit.ts); pruned as it goes. */
export const signUps = sqliteTable(
  "sign_ups",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    address: text("address").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [index("sign_ups_address_at").on(t.address, t.at)],
);

export const tournaments = sqliteTable("tournaments", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  club: text("club").notNull().default(""),
  venue: text("venue").notNull(),
  timeZone: text("time_zone").notNull(),
  startsOn: text("starts_on").notNull(),
  endsOn: text("ends_on").notNull(),
  status: text("status", { enum: ["draft", "published"] }).notNull().default("draft"),
  registrationOpensAt: integer("registration_opens_at").notNull(),
  registrationClosesAt: integer("registration_closes_at").notNull(),
  entryFeeCents: integer("entry_fee_cents").notNull().default(0),
  currency: text("currency").notNull().default("EUR"),
  description: text("description").notNull().default(""),
  /** Bumped on every edit: optimistic concurrency for organisers and part of cached pages' keys. */
  revision: integer("revision").notNull().default(1),
  createdBy: integer("created_by").references(() => users.id),
  updatedAt: integer("updated_at").notNull().default(now),
});

export const events = sqliteTable(
  "events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tournamentId: integer("tournament_id").notNull().references(() => tournaments.id, { onDelete: "cascade" }),
    discipline: text("discipline").notNull(),
    title: text("title").notNull(),
    position: integer("position").notNull().default(0),
    resultsStatus: text("results_status", { enum: ["unofficial", "official"] }).notNull().default("unofficial"),
    /** "shots": scored shot by shot (ISSF, shotgun); "practical": stages and hit factors (IPSC). */
    matchShape: text("match_shape", { enum: ["shots", "practical"] }).notNull().default("shots"),
  },
  (t) => [index("events_tournament").on(t.tournamentId)],
);

export const relays = sqliteTable(
  "relays",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tournamentId: integer("tournament_id").notNull().references(() => tournaments.id, { onDelete: "cascade" }),
    eventId: integer("event_id").notNull().references(() => events.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    startsAt: integer("starts_at").notNull(),
    firingPoints: integer("firing_points").notNull(),
    reserved: integer("reserved").notNull().default(0),
  },
  (t) => [index("relays_event").on(t.eventId), index("relays_tournament").on(t.tournamentId)],
);

/** A copy of the tournament Durable Object's decisions, written only by its outbox. */
export const entries = sqliteTable(
  "entries",
  {
    id: text("id").primaryKey(),
    tournamentId: integer("tournament_id").notNull().references(() => tournaments.id, { onDelete: "cascade" }),
    eventId: integer("event_id").notNull(),
    relayId: integer("relay_id"),
    userId: integer("user_id").notNull().references(() => users.id),
    status: text("status", { enum: ["confirmed", "held", "waitlisted", "withdrawn", "removed", "expired"] }).notNull(),
    seq: integer("seq").notNull(),
    firingPoint: integer("firing_point"),
    waitlistPosition: integer("waitlist_position"),
    checkedInAt: integer("checked_in_at"),
    /** Why an organiser removed the entry, shown to the competitor (the object's `note`). */
    note: text("note"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("entries_tournament_updated").on(t.tournamentId, t.updatedAt),
    index("entries_user").on(t.userId),
    index("entries_relay").on(t.relayId),
  ],
);

/** A copy of accepted shots, written only by the tournament Durable Object's outbox. */
export const shots = sqliteTable(
  "shots",
  {
    entryId: text("entry_id").notNull(),
    shotNo: integer("shot_no").notNull(),
    tournamentId: integer("tournament_id").notNull(),
    /** Tenths for decimal scoring, points for integer scoring, 1/0 for hit/miss. */
    value: integer("value").notNull(),
    innerTen: integer("inner_ten", { mode: "boolean" }).notNull().default(false),
    /** Where the shot hit, in integer hundredths of a mm from the centre (null: not reported). */
    x: integer("x"),
    y: integer("y"),
    opId: text("op_id").notNull(),
    enteredAt: integer("entered_at").notNull(),
    /** The object's write counter: the outbox only replaces a slot with a newer state. */
    rev: integer("rev").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.shotNo] }), index("shots_tournament").on(t.tournamentId)],
);

/**
 * A later, different value sent for a filled slot: the first value stands, this one waits for the
 * organiser. Written only by the tournament Durable Object's outbox; resolved by a correction of the slot.
 */
export const shotConflicts = sqliteTable(
  "shot_conflicts",
  {
    /** The operation that brought the different value. */
    opId: text("op_id").primaryKey(),
    tournamentId: integer("tournament_id").notNull(),
    entryId: text("entry_id").notNull(),
    shotNo: integer("shot_no").notNull(),
    standingValue: integer("standing_value").notNull(),
    standingInnerTen: integer("standing_inner_ten", { mode: "boolean" }).notNull(),
    standingOpId: text("standing_op_id").notNull(),
    incomingValue: integer("incoming_value").notNull(),
    incomingInnerTen: integer("incoming_inner_ten", { mode: "boolean" }).notNull(),
    x: integer("x"),
    y: integer("y"),
    deviceId: text("device_id"),
    deviceSeq: integer("device_seq"),
    enteredAt: integer("entered_at").notNull(),
    actorId: integer("actor_id"),
    recordedAt: integer("recorded_at").notNull(),
    resolvedAt: integer("resolved_at"),
    resolvedByOpId: text("resolved_by_op_id"),
  },
  (t) => [index("shot_conflicts_tournament").on(t.tournamentId, t.resolvedAt), index("shot_conflicts_entry").on(t.entryId, t.shotNo)],
);

export const payments = sqliteTable(
  "payments",
  {
    id: text("id").primaryKey(),
    entryId: text("entry_id").notNull(),
    tournamentId: integer("tournament_id").notNull(),
    amountCents: integer("amount_cents").notNull(),
    currency: text("currency").notNull(),
    status: text("status", { enum: ["pending", "paid", "refunded", "expired"] }).notNull(),
    provider: text("provider").notNull(),
    providerRef: text("provider_ref"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("payments_entry").on(t.entryId), uniqueIndex("payments_provider_ref").on(t.provider, t.providerRef)],
);

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tournamentId: integer("tournament_id"),
    actorId: integer("actor_id"),
    action: text("action").notNull(),
    subject: text("subject").notNull().default(""),
    detail: text("detail").notNull().default("{}"),
    at: integer("at").notNull(),
  },
  (t) => [index("audit_tournament_at").on(t.tournamentId, t.at)],
);

export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tokenHash: text("token_hash").notNull().unique(),
    kind: text("kind", { enum: ["personal", "scoring"] }).notNull(),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    tournamentId: integer("tournament_id").references(() => tournaments.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    createdAt: integer("created_at").notNull(),
    revokedAt: integer("revoked_at"),
  },
  (t) => [index("api_tokens_user").on(t.userId)],
);

export const tournamentStaff = sqliteTable(
  "tournament_staff",
  {
    tournamentId: integer("tournament_id").notNull().references(() => tournaments.id, { onDelete: "cascade" }),
    userId: integer("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: STAFF_ROLES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tournamentId, t.userId] }), index("staff_user").on(t.userId)],
);

/** Part of every cached page's key: bumping a scope makes the next request miss the edge cache. */
export const cacheVersions = sqliteTable("cache_versions", {
  scope: text("scope").primaryKey(),
  version: integer("version").notNull().default(1),
});

/**
 * Staff invited by address: becomes a tournament_staff row only when a signed-in account whose verified
 * address matches opens the mailed link (an `invite` row of account_tokens) before `expiresAt`.
 */
export const staffInvitations = sqliteTable(
  "staff_invitations",
  {
    tournamentId: integer("tournament_id").notNull().references(() => tournaments.id, { onDelete: "cascade" }),
    /** Lower-cased, as accounts store it. */
    email: text("email").notNull(),
    role: text("role", { enum: STAFF_ROLES }).notNull(),
    invitedBy: integer("invited_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull(),
    /** Null for invitations made before links were mailed: those count as expired and are sent again. */
    expiresAt: integer("expires_at"),
  },
  (t) => [primaryKey({ columns: [t.tournamentId, t.email] }), index("staff_invitations_email").on(t.email)],
);

/**
 * Offline scoring devices as they last reported with a batch of shots (src/routes/api/devices.ts): who sent it
 * (a staff member's session or token, or a scoring token), when, and what the device still held.
 */
export const scoringDevices = sqliteTable(
  "scoring_devices",
  {
    tournamentId: integer("tournament_id").notNull().references(() => tournaments.id, { onDelete: "cascade" }),
    deviceId: text("device_id").notNull(),
    label: text("label").notNull().default(""),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    tokenId: integer("token_id").references(() => apiTokens.id, { onDelete: "set null" }),
    lastSyncAt: integer("last_sync_at").notNull(),
    pending: integer("pending").notNull(),
    conflicts: integer("conflicts").notNull(),
    opsSent: integer("ops_sent").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tournamentId, t.deviceId] })],
);

/**
 * An event's final (ISSF 6.17), written when an organiser makes it in the tournament object (one per event):
 * the public pages link to its scoreboard from the events they already read.
 */
export const finals = sqliteTable("finals", {
  eventId: integer("event_id")
    .primaryKey()
    .references(() => events.id, { onDelete: "cascade" }),
  tournamentId: integer("tournament_id")
    .notNull()
    .references(() => tournaments.id, { onDelete: "cascade" }),
  /** The final's id in the tournament object (`/t/<slug>/finals/<finalId>`). */
  finalId: integer("final_id").notNull(),
  formatId: text("format_id").notNull(),
  createdAt: integer("created_at").notNull().default(now),
});
