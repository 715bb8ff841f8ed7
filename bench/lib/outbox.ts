/** Waiting for the tournament object's outbox to reach D1, read from the entries feed (`d1Pending`), bounded. */
const OUTBOX_WAIT_MS = 120_000;

/** Resolves with the time it took once D1 has every entry change; throws after two minutes. */
export async function waitForOutbox(url: string, slug: string, token: string): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < OUTBOX_WAIT_MS) {
    const res = await fetch(`${url}/api/v1/tournaments/${slug}/entries?limit=1`, { headers: { Authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`the entries feed answered ${res.status}: ${await res.text()}`);
    const { d1Pending } = (await res.json()) as { d1Pending: number };
    if (d1Pending === 0) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the outbox still had changes for D1 after ${OUTBOX_WAIT_MS / 1000} s`);
}
