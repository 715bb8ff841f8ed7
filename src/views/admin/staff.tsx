import type { StaffRole } from "../../auth/roles.ts";
import { GRANTABLE } from "../../queries/admin/staff.ts";
import type { Errors } from "../../lib/forms.ts";
import { Empty } from "../components/empty.tsx";
import { Csrf, FormProblem, Input, PostButton, Saved, Select } from "../components/fields.tsx";
import { TableHead } from "../components/table.tsx";
import { DateTime } from "../components/time.tsx";
import { ROLE_LABEL } from "./layout.tsx";

export interface StaffPageProps {
  slug: string;
  myRole: StaffRole;
  myId: number;
  members: { userId: number; name: string; email: string; role: StaffRole }[];
  invitations: { email: string; role: StaffRole; createdAt: number; expiresAt: number | null }[];
  /** Now, to tell expired invitations. */
  now: number;
  /** The tournament's time zone (expiry times are shown in it). */
  zone: string;
  values: Record<string, string>;
  errors: Errors;
  notice?: string;
}

/** Who may remove whom: the owner anyone (one owner always stays); an organiser only range officers. */
export function canRemove(myRole: StaffRole, theirRole: StaffRole): boolean {
  return myRole === "owner" || (myRole === "organiser" && theirRole === "range_officer");
}

export function StaffView(p: StaffPageProps) {
  const base = `/admin/t/${p.slug}/staff`;
  const grantable = GRANTABLE[p.myRole];
  return (
    <>
      {p.notice && <Saved>{p.notice}</Saved>}
      {p.errors.form && <FormProblem id="staff-problem">{p.errors.form}</FormProblem>}
      <div class="table-scroll">
        <table class="staff-table">
          <TableHead columns={["Name", "Email", "Role", { label: "Actions", hidden: true }]} />
          <tbody>
            {p.members.map((m) => (
              <tr data-testid="staff-member">
                <th scope="row">
                  {m.name}
                  {m.userId === p.myId && <span class="meta"> (you)</span>}
                </th>
                <td>{m.email}</td>
                <td>{ROLE_LABEL[m.role]}</td>
                <td>
                  {canRemove(p.myRole, m.role) && (
                    <PostButton action={`${base}/${m.userId}/remove`} confirm={`Remove ${m.name} from the staff?`}>
                      Remove
                    </PostButton>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Pending invitations</h2>
      {p.invitations.length === 0 ? (
        <Empty>No pending invitations.</Empty>
      ) : (
        <ul class="invitations">
          {p.invitations.map((i) => (
            <li data-testid="invitation">
              {i.email} · {ROLE_LABEL[i.role]} ·{" "}
              {i.expiresAt !== null && i.expiresAt > p.now ? (
                <span class="meta">link sent, open until <DateTime epoch={i.expiresAt} zone={p.zone} /></span>
              ) : (
                <span class="meta">expired: invite again to send a new link</span>
              )}{" "}
              {canRemove(p.myRole, i.role) && (
                <PostButton action={`${base}/invitations/cancel`} fields={{ email: i.email }}>
                  Withdraw
                </PostButton>
              )}
            </li>
          ))}
        </ul>
      )}
      {grantable.length > 0 && (
        <>
          <h2 id="add-staff">Add staff</h2>
          <p class="meta">
            We mail an invitation link to the address. The role is granted when the person opens it, signed in with an account
            whose confirmed address is this one. Invitations expire after 14 days.
          </p>
          <form class="form admin-form" method="post" action={base} novalidate>
            <Csrf />
            <Input form="staff" name="email" type="email" label="Email" value={p.values.email ?? ""} error={p.errors.email} inputmode="email" autofocus={Boolean(p.errors.email)} />
            <Select
              form="staff"
              name="role"
              label="Role"
              value={p.values.role ?? grantable.at(-1) ?? ""}
              error={p.errors.role}
              options={grantable.map((r) => ({ value: r, label: ROLE_LABEL[r] }))}
              hint="Range officers score and check competitors in. Organisers run everything except the staff's owners."
            />
            <div class="form-actions">
              <button type="submit">Send invitation</button>
            </div>
          </form>
        </>
      )}
    </>
  );
}
