/** The demo seeding of a local server (`POST /__seed`) and the sign-ins its answer lists. */

export interface DemoSignIn {
  email: string;
  password: string;
  role?: string;
  name?: string;
}

export interface SeedResult {
  /** The route's JSON body as sent. */
  body: unknown;
  /** Every `{ email, password }` pair found in the body. */
  signIns: DemoSignIn[];
}

function findSignIns(value: unknown, found: DemoSignIn[] = [], depth = 0): DemoSignIn[] {
  if (depth > 5 || value === null || typeof value !== "object") return found;
  if (Array.isArray(value)) {
    for (const item of value) findSignIns(item, found, depth + 1);
    return found;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.email === "string" && typeof record.password === "string") {
    const signIn: DemoSignIn = { email: record.email, password: record.password };
    if (typeof record.role === "string") signIn.role = record.role;
    if (typeof record.name === "string") signIn.name = record.name;
    found.push(signIn);
    return found;
  }
  for (const item of Object.values(record)) findSignIns(item, found, depth + 1);
  return found;
}

/** Seeds the demo data; the route itself makes a second call a no-op (`options`: see src/routes/seed.ts). */
export async function seed(url: string, token: string, options: { soonOpensInSeconds?: number } = {}): Promise<SeedResult> {
  const response = await fetch(`${url}/__seed`, {
    method: "POST",
    // Same-origin JSON, like the app's own clients, so the CSRF check lets it through.
    headers: { "X-Seed-Token": token, Origin: url, "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(options),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST /__seed answered ${response.status}: ${text.slice(0, 500)}`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`POST /__seed did not answer JSON: ${text.slice(0, 500)}`);
  }
  return { body, signIns: findSignIns(body) };
}
