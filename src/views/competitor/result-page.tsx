import { EventBlock, type EventBlockProps } from "./event-block.tsx";

/** What a registration form posted without script answers: the event's block on a page of its own. */
export function RegistrationResultPage({ tournament, block }: { tournament: { slug: string; title: string } | null; block: EventBlockProps }) {
  return (
    <section class="registration reg-page">
      <h1>{tournament ? tournament.title : "Registration"}</h1>
      <EventBlock {...block} />
      <p>{tournament ? <a href={`/t/${tournament.slug}`}>Back to {tournament.title}</a> : <a href="/">Back to tournaments</a>}</p>
    </section>
  );
}
