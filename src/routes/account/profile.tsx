import { Hono, type Context } from "hono";
import { z } from "zod";
import { forgetApiToken } from "../../auth/api-tokens.ts";
import { createApiToken, listPersonalTokens, revokeApiToken } from "../../auth/api-tokens.ts";
import { tokenNameSchema } from "../../auth/forms.ts";
import { currentUser, requireUser } from "../../auth/session.ts";
import type { AppEnv } from "../../env.ts";
import { fieldErrors, formText } from "../../lib/forms.ts";
import { refuse } from "../../lib/refuse.tsx";
import { AccountPage } from "../../views/account/account-page.tsx";
import { TokensSection, type TokensSectionProps } from "../../views/account/tokens.tsx";
import { isHtmx, redirectAfterForm } from "./respond.ts";

export const profileRoutes = new Hono<AppEnv>();

profileRoutes.use("/", requireUser);
profileRoutes.use("/tokens", requireUser);
profileRoutes.use("/tokens/*", requireUser);

profileRoutes.get("/", async (c) => show(c, {}, 200));

profileRoutes.post("/tokens", async (c) => {
  const raw = formText(await c.req.parseBody(), ["name"]);
  const parsed = tokenNameSchema.safeParse(raw);
  if (!parsed.success) return show(c, { name: raw.name, errors: fieldErrors(parsed.error) }, 422);
  const { token } = await createApiToken(c.get("db"), { kind: "personal", userId: currentUser(c).id }, parsed.data.name);
  return show(c, { created: { name: parsed.data.name, token } }, 201);
});

const tokenId = z.coerce.number().int().positive();

profileRoutes.post("/tokens/:id/revoke", async (c) => {
  const id = tokenId.safeParse(c.req.param("id"));
  // Someone else's token looks exactly like one that never existed.
  const revoked = id.success && (await revokeApiToken(c.get("db"), id.data, currentUser(c).id));
  if (!revoked) {
    const detail = "That token does not exist, is not yours, or was revoked already.";
    if (isHtmx(c)) return show(c, { message: detail }, 404);
    return refuse(c, 404, "Token not found", detail);
  }
  forgetApiToken(id.data);
  if (isHtmx(c)) return show(c, {}, 200);
  return redirectAfterForm(c, "/account");
});

/** The whole page for a plain form, only the token section for htmx. */
async function show(
  c: Context<AppEnv>,
  extra: Omit<TokensSectionProps, "tokens" | "csrf">,
  status: 200 | 201 | 404 | 422,
) {
  const user = currentUser(c);
  const tokens: TokensSectionProps = {
    ...extra,
    tokens: await listPersonalTokens(c.get("db"), user.id),
    csrf: c.get("csrf"),
  };
  if (isHtmx(c)) return c.html(<TokensSection {...tokens} />, status);
  return c.html(<AccountPage nonce={c.get("nonce")} user={user} tokens={tokens} />, status);
}
