/** The offline scoring app's script (browser/score-app.ts, bundled with the scoring rules by scripts/assets.ts). */
export const SCORE_APP_SCRIPT = "/bundles/score-app.js";

/**
 * The shell of the offline scoring app: the same for everyone (no name, no tournament), so the service worker
 * may keep it and answer any /score/ page with it when there is no connection. The script fills it from the
 * device's IndexedDB.
 */
export function OfflineApp() {
  return (
    <div id="score-app" class="score-app">
      <p id="sync-bar" class="sync-bar" role="status" aria-live="polite">
        Starting…
      </p>
      <div id="score-view">
        <noscript>
          <p class="notice error">Scoring on this device needs JavaScript. Use the Scoring pages instead.</p>
        </noscript>
      </div>
    </div>
  );
}
