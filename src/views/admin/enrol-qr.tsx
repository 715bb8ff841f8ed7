import { raw } from "hono/html";
import { renderSVG } from "uqr";

/** Where a tablet goes to be enrolled: the scoring app keeps the token from the fragment (never sent to a server). */
export function enrolUrl(origin: string, slug: string, token: string): string {
  return `${origin}/score/app#enrol=${encodeURIComponent(slug)}:${encodeURIComponent(token)}`;
}

/**
 * A new scoring token as a QR code for a tablet's camera: the device scores for this tournament with it,
 * without anyone's session (browser/score-app.ts). The SVG is drawn here, so no script is needed.
 */
export function EnrolQr({ url }: { url: string }) {
  return (
    <figure class="enrol-qr" data-testid="enrol-qr">
      <div class="qr" role="img" aria-label="QR code that enrols a scoring device">
        {raw(renderSVG(url, { border: 2 }))}
      </div>
      <figcaption>
        Scan with the tablet to enrol it for offline scoring, or open <a href={url}>this enrolment link</a> on it.
      </figcaption>
    </figure>
  );
}
