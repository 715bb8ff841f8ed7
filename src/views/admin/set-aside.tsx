import type { SetAsideRow } from "../../object/contract/index.ts";
import { DateTime } from "../components/time.tsx";

const STREAM: Record<SetAsideRow["stream"], string> = { entries: "Entry", shots: "Score", practical: "Stage score", payments: "Payment" };

/**
 * Changes the database refused for good (e.g. an entry of an account deleted meanwhile). They are kept in the
 * tournament's object, which still counts them; the database's copy (lists, exports) lacks them.
 */
export function SetAsideNotice({ rows, zone }: { rows: SetAsideRow[]; zone: string }) {
  if (rows.length === 0) return null;
  return (
    <section class="notice error" data-testid="set-aside" aria-labelledby="set-aside-title">
      <h2 id="set-aside-title">
        {rows.length === 1 ? "1 change did not reach the database" : `${rows.length} changes did not reach the database`}
      </h2>
      <p>
        The tournament still counts {rows.length === 1 ? "it" : "them"}, but lists and exports read from the database lack{" "}
        {rows.length === 1 ? "it" : "them"}. Every other change went through. Each is in the audit log too.
      </p>
      <ul>
        {rows.map((r) => (
          <li>
            {STREAM[r.stream]} <code>{r.subject}</code>, <DateTime epoch={r.at} zone={zone} />: {r.error}
          </li>
        ))}
      </ul>
    </section>
  );
}
