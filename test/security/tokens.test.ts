import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createApiToken, findApiToken } from "../../src/auth/api-tokens.ts";
import { auditLog } from "../../src/db/schema.ts";
import { person } from "../helpers/accounts.ts";
import { db } from "../helpers/d1.ts";
import { postForm } from "../helpers/http.ts";
import { staffOf } from "../helpers/staff.ts";
import { createTournament } from "../helpers/tournaments.ts";

const auditBy = (userId: number) => db.select().from(auditLog).where(eq(auditLog.actorId, userId)).all();

/** Issue 10, finding 6: the personal-token route revokes personal tokens only, and revoking is audited. */
describe("revoking tokens", () => {
  it("the personal route cannot revoke a tournament's scoring token, even its creator's", async () => {
    const { tournament } = await createTournament();
    const former = await staffOf(tournament.id, "organiser");
    const scoring = await createApiToken(db, { kind: "scoring", tournamentId: tournament.id, userId: former.user.id }, "Bank A");
    const res = await postForm(`/account/tokens/${scoring.id}/revoke`, { _csrf: former.csrf }, { cookie: former.cookie });
    expect(res.status).toBe(404);
    expect(await findApiToken(db, scoring.token)).toMatchObject({ kind: "scoring", tournamentId: tournament.id });
  });

  it("audits a personal token's creation and its revocation, with who and which token", async () => {
    const me = await person();
    const created = await postForm("/account/tokens", { _csrf: me.csrf, name: "results export" }, { cookie: me.cookie });
    expect(created.status).toBe(201);
    const [made] = await auditBy(me.user.id);
    expect(made).toMatchObject({ action: "token.create", tournamentId: null, subject: expect.stringMatching(/^token:\d+$/) });
    const id = made!.subject.split(":")[1]!;
    expect(JSON.parse(made!.detail)).toEqual({ name: "results export", kind: "personal" });

    const res = await postForm(`/account/tokens/${id}/revoke`, { _csrf: me.csrf }, { cookie: me.cookie });
    expect(res.status).toBe(303);
    const actions = (await auditBy(me.user.id)).map((a) => [a.action, a.subject]);
    expect(actions).toEqual([
      ["token.create", `token:${id}`],
      ["token.revoke", `token:${id}`],
    ]);
    // A second revoke finds nothing and audits nothing.
    expect((await postForm(`/account/tokens/${id}/revoke`, { _csrf: me.csrf }, { cookie: me.cookie })).status).toBe(404);
    expect(await auditBy(me.user.id)).toHaveLength(2);
  });
});
