import { type Context, Hono } from "hono";
import { z } from "zod";
import { forgetApiToken } from "../../auth/api-tokens.ts";
import { createPersonalToken, listPersonalTokens, revokeApiToken } from "../../auth/api-tokens.ts";
import { tokenNameSchema } from "../../auth/forms.ts";
import { currentUser, requireUser } from "../../auth/session.ts";
import type { AppEnv } from "../../env.ts";
import { Refusal } from "../../lib/refusal.ts";
import { isHtmx } from "../../middleware/errors.tsx";
import { formBody } from "../../middleware/validate.ts";
import { staffTools, staffTournaments } from "../../queries/account/staff-tournaments.ts";
import { AccountPage } from "../../views/account/account-page.tsx";
import type { CareErrors } from "../../views/account/care.tsx";
import { TokensSection, type TokensSectionProps } from "../../views/account/tokens.tsx";
import { redirectAfterForm } from "./respond.ts";

export const profileRoutes = new Hono<AppEnv>();

profileRoutes.use("/", requireUser);
profileRoutes.use("/tokens", requireUser);
profileRoutes.use("/tokens/*", requireUser, async (c, next) => {
  // A refused revoke shows its message in the token section htmx swaps.
  c.set("refusalFragment", (r) => tokensSection(c, { message: r.detail }));
  await next();
});

profileRoutes.get("/", async (c) => show(c, {}));

profileRoutes.post(
  "/tokens",
  formBody(tokenNameSchema, { fields: ["name"], invalid: (c, { values, errors }) => show(c, { name: values.name ?? "", errors }) }),
  async (c) => {
    const { name } = c.req.valid("form");
    const { token } = await createPersonalToken(c.get("db"), currentUser(c).id, name);
    c.status(201);
    return show(c, { created: { name, token } });
  },
);

const tokenId = z.coerce.number().int().positive();

profileRoutes.post("/tokens/:id/revoke", async (c) => {
  const id = tokenId.safeParse(c.req.param("id"));
  // Someone else's token looks exactly like one that never existed.
  const revoked = id.success && (await revokeApiToken(c.get("db"), id.data, currentUser(c).id));
  if (!revoked) {
    throw new Refusal(404, { title: "Token not found", detail: "That token does not exist, is not yours, or was revoked already." });
  }
  forgetApiToken(id.data);
  if (isHtmx(c)) return show(c, {});
  return redirectAfterForm(c, "/account");
});

type SectionExtras = Omit<TokensSectionProps, "tokens">;

async function tokensSection(c: Context<AppEnv>, extra: SectionExtras) {
  const tokens = await listPersonalTokens(c.get("db"), currentUser(c).id);
  return <TokensSection {...extra} tokens={tokens} />;
}

/** The whole page for a plain form, only the token section for htmx (status set by the caller). */
async function show(c: Context<AppEnv>, extra: SectionExtras) {
  return showAccount(c, { tokens: extra });
}

/** The account page, with a refused care form (src/routes/account/care.tsx) or token section state. */
export async function showAccount(c: Context<AppEnv>, extra: { tokens?: SectionExtras; care?: CareErrors }) {
  const section = await tokensSection(c, extra.tokens ?? {});
  if (isHtmx(c) && !extra.care) return c.render(section, { title: "", fragment: true });
  const done = c.req.query("done");
  const user = currentUser(c);
  const tools = staffTools(await staffTournaments(c.get("db"), user.id));
  return c.render(
    <AccountPage user={user} tools={tools} care={extra.care} notice={done ? DONE[done] : undefined}>
      {section}
    </AccountPage>,
    { title: "Your account", noindex: true },
  );
}

const DONE: Record<string, string> = {
  welcome: "Welcome to Tenring. We mailed you a link to confirm your address.",
  verified: "Your email address is confirmed.",
  "already-verified": "Your email address was already confirmed.",
  "link-sent": "We sent you a new link. It works for 24 hours.",
  profile: "Your name and club are saved.",
  password: "Your password is changed. Other devices are signed out.",
  "email-pending": "We sent a link to the new address. It becomes your address once you open it.",
};
