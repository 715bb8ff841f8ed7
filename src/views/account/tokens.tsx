import type { FieldErrors } from "../../lib/problem.ts";
import { Empty } from "../components/empty.tsx";
import { Csrf, FormError, Input } from "../components/fields.tsx";
import { TableHead } from "../components/table.tsx";

export interface TokenRow {
  id: number;
  name: string;
  createdAt: number;
}

export interface TokensSectionProps {
  tokens: TokenRow[];
  /** The plain token just made: shown in this one response and never again. */
  created?: { name: string; token: string } | undefined;
  /** The name typed into the create form, kept when it is refused. */
  name?: string;
  errors?: FieldErrors;
  message?: string | undefined;
}

const created = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Personal API tokens: the section htmx swaps as a whole after each create or revoke. */
export function TokensSection({ tokens, created: fresh, name = "", errors = {}, message }: TokensSectionProps) {
  return (
    <section id="api-tokens" class="api-tokens" aria-labelledby="api-tokens-title">
      <h2 id="api-tokens-title">Personal API tokens</h2>
      <p>Scripts and tools use a token to act as you through the Tenring API. Keep them as secret as your password.</p>
      {message && <FormError id="api-tokens-error">{message}</FormError>}
      {fresh && (
        <div class="token-created" role="status" tabindex={-1} autofocus>
          <p>
            <strong>Copy your new token “{fresh.name}” now.</strong> It is shown only once: Tenring keeps only a
            fingerprint of it and cannot show it again.
          </p>
          <code class="token-value" data-testid="new-token">
            {fresh.token}
          </code>
        </div>
      )}
      {tokens.length === 0 ? (
        <Empty>You have no API tokens.</Empty>
      ) : (
        <table class="token-list">
          <TableHead columns={["Name", "Created", { label: "Actions", hidden: true }]} />
          <tbody>
            {tokens.map((t) => (
              <tr>
                <td>{t.name}</td>
                <td>
                  <time datetime={new Date(t.createdAt).toISOString()}>{created.format(t.createdAt)} UTC</time>
                </td>
                <td>
                  <form
                    class="inline"
                    method="post"
                    action={`/account/tokens/${t.id}/revoke`}
                    hx-post={`/account/tokens/${t.id}/revoke`}
                    hx-target="#api-tokens"
                    hx-swap="outerHTML"
                    hx-confirm={`Revoke “${t.name}”? Anything using it stops working at once.`}
                  >
                    <Csrf />
                    <button type="submit" class="button small danger" aria-label={`Revoke ${t.name}`}>
                      Revoke
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        class="form token-form"
        method="post"
        action="/account/tokens"
        hx-post="/account/tokens"
        hx-target="#api-tokens"
        hx-swap="outerHTML"
        novalidate
      >
        <Csrf />
        <Input form="token" name="name" label="New token name" value={name} error={errors.name}
          hint="Say where it will be used, for example “results export script”." maxlength={60}
          autofocus={Boolean(errors.name)} />
        <div class="form-actions">
          <button type="submit" class="button">
            Create token
          </button>
        </div>
      </form>
    </section>
  );
}
