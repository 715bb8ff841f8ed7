import type { WindowState } from "../../object/contract/index.ts";
import { Countdown, DateTime } from "../components/time.tsx";
import { EventBlock, type EventBlockProps } from "./event-block.tsx";

export interface RegistrationPanelProps {
  slug: string;
  zone: string;
  opensAt: number;
  closesAt: number;
  now: number;
  state: WindowState;
  signedIn: boolean;
  /** Per event: a form, the competitor's entry, or a notice. Empty for visitors. */
  events: EventBlockProps[];
  /**
   * Set when the opening is only moments away: the panel asks again by itself then, so a browser whose
   * clock runs ahead of ours (its countdown fired early) still gets the form without a reload.
   */
  recheckInMs?: number;
}

const panelUrl = (slug: string) => `/fragments/t/${slug}/registration`;

function SignInLinks({ slug }: { slug: string }) {
  const next = encodeURIComponent(`/t/${slug}`);
  return (
    <p class="form-actions">
      <a class="button" href={`/account/sign-in?next=${next}`}>
        Sign in to register
      </a>
      <a href={`/account/sign-up?next=${next}`}>Create an account</a>
    </p>
  );
}

function Recheck({ slug, inMs }: { slug: string; inMs: number }) {
  return (
    <span
      hidden
      hx-get={panelUrl(slug)}
      hx-trigger={`load delay:${Math.max(200, Math.ceil(inMs))}ms`}
      hx-target="#registration"
      hx-swap="innerHTML"
    ></span>
  );
}

/** The inside of the tournament page's `#registration` section, for this visitor, at this moment. */
export function RegistrationPanel(props: RegistrationPanelProps) {
  const { slug, zone, state, signedIn } = props;
  return (
    <>
      <h2 id="registration-heading">Registration</h2>
      <div class="reg" data-testid="registration-panel" data-state={state} data-signed-in={signedIn ? "yes" : "no"}>
        {state === "closed" && (
          <p class="reg-closed" data-testid="registration-closed">
            <strong>Registration closed</strong> on <DateTime epoch={props.closesAt} zone={zone} />.
          </p>
        )}
        {state === "upcoming" && (
          <>
            <Countdown
              target={props.opensAt}
              now={props.now}
              zone={zone}
              label="Registration opens in"
              doneLabel="Registration is opening…"
              atZero="event"
            />
            <p class="hint">
              {signedIn
                ? "The form appears here the moment registration opens; there is no need to reload."
                : "Sign in now, so you are ready when it opens."}{" "}
              It closes on <DateTime epoch={props.closesAt} zone={zone} />.
            </p>
            {props.recheckInMs !== undefined && <Recheck slug={slug} inMs={props.recheckInMs} />}
          </>
        )}
        {state === "open" && (
          <p class="hint">
            Open until <DateTime epoch={props.closesAt} zone={zone} />. Places go in order of arrival; a full relay puts you
            on the waitlist.
          </p>
        )}
        {!signedIn && state !== "closed" && <SignInLinks slug={slug} />}
        {props.events.map((e) => (
          <EventBlock {...e} />
        ))}
      </div>
    </>
  );
}
