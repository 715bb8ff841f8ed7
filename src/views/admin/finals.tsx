import { FINAL_FORMATS } from "../../domain/scoring/rulebook.ts";
import { Empty } from "../components/empty.tsx";
import { Csrf, FormProblem, Input, Saved, Select } from "../components/fields.tsx";

export interface FinalsEvent {
  id: number;
  title: string;
  disciplineName: string;
  /** The format the discipline names, or the 10 m one. */
  defaultFormat: string;
  /** Clay disciplines have no final of this kind. */
  eligible: boolean;
  final: { id: number; formatName: string; finalists: { entryId: string; name: string }[]; eliminationPoints: number[] } | null;
}

export interface FinalsPageProps {
  slug: string;
  events: FinalsEvent[];
  canCreate: boolean;
  /** What the last action did (a created final, a shot's outcome), or why it was refused. */
  notice?: { ok: boolean; text: string; eventId?: number };
  /** A fresh operation id for each shot form, so a resubmitted form is the same operation. */
  opId: string;
}

function CreateForm({ slug, e }: { slug: string; e: FinalsEvent }) {
  return (
    <form method="post" action={`/admin/t/${slug}/finals/events/${e.id}`} class="inline-form">
      <Csrf />
      <Select
        form={`final-${e.id}`}
        name="format"
        label="Format"
        value={e.defaultFormat}
        options={FINAL_FORMATS.map((f) => ({ value: f.id, label: f.name }))}
      />
      <button type="submit">Create the final from the qualification</button>
    </form>
  );
}

function ShotForm({ slug, e, opId }: { slug: string; e: FinalsEvent; opId: string }) {
  const final = e.final!;
  const form = `final-shot-${final.id}`;
  return (
    <form method="post" action={`/admin/t/${slug}/finals/${final.id}/shots`} class="final-shot-form" data-testid="final-shot-form">
      <Csrf />
      <input type="hidden" name="opId" value={opId} />
      <Select form={form} name="entryId" label="Finalist" value="" placeholder="Choose" options={final.finalists.map((f) => ({ value: f.entryId, label: f.name }))} />
      <Input form={form} name="shotNo" label="Shot" type="number" value="" />
      <Input form={form} name="display" label="Value" value="" hint="Decimal, e.g. 10.4" />
      <Select
        form={form}
        name="shootOffAfter"
        label="Shoot-off"
        required={false}
        value=""
        options={[{ value: "", label: "No: a final shot" }, ...final.eliminationPoints.map((p) => ({ value: String(p), label: `Tie at the cut after shot ${p}` }))]}
      />
      <button type="submit">Enter the shot</button>
    </form>
  );
}

/** Finals of the tournament: make one from an event's qualification, follow it, enter its shots. */
export function FinalsControl(p: FinalsPageProps) {
  return (
    <>
      {p.notice && (p.notice.ok ? <Saved>{p.notice.text}</Saved> : <FormProblem id="final-problem">{p.notice.text}</FormProblem>)}
      <p class="hint">
        The best eight of the qualification, ranked by its tie-breaks, start the final from zero. Range officers enter
        final and shoot-off shots here or send them to <code>/api/v1/tournaments/{p.slug}/finals/&lt;id&gt;/shots</code>{" "}
        like any shot, with a scoring token.
      </p>
      {p.events.length === 0 && <Empty>This tournament has no events yet.</Empty>}
      {p.events.map((e) => (
        <section class="final-event" aria-labelledby={`final-event-${e.id}`}>
          <h2 id={`final-event-${e.id}`}>
            {e.title} <span class="discipline">{e.disciplineName}</span>
          </h2>
          {e.final ? (
            <>
              <p>
                {e.final.formatName}.{" "}
                <a href={`/t/${p.slug}/finals/${e.final.id}`}>Finals scoreboard</a>
              </p>
              <ShotForm slug={p.slug} e={e} opId={p.opId} />
            </>
          ) : !e.eligible ? (
            <p class="empty">No final of this kind for {e.disciplineName}.</p>
          ) : p.canCreate ? (
            <CreateForm slug={p.slug} e={e} />
          ) : (
            <p class="empty">No final yet: an organiser creates it once the qualification is complete.</p>
          )}
        </section>
      ))}
    </>
  );
}
