import { Page } from "./layout.tsx";

export function ErrorPage({ nonce, status, title, detail }: { nonce: string; status: number; title: string; detail: string }) {
  return (
    <Page title={title} nonce={nonce} noindex>
      <section class="error-page">
        <p class="error-code">{status}</p>
        <h1>{title}</h1>
        <p>{detail}</p>
        <p>
          <a class="button" href="/">
            Back to tournaments
          </a>
        </p>
      </section>
    </Page>
  );
}
