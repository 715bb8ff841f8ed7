import type { Child } from "hono/jsx";

/** The body of an error page (rendered in the layout by the app's `onError`). */
export function ErrorPage({ status, title, detail, action }: { status: number; title: string; detail: string; action?: Child }) {
  return (
    <section class="error-page">
      <p class="error-code">{status}</p>
      <h1>{title}</h1>
      <p>{detail}</p>
      {action}
      <p>
        <a class="button" href="/">
          Back to tournaments
        </a>
      </p>
    </section>
  );
}
