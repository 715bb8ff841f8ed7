import { Empty } from "../components/empty.tsx";
import { DateTime } from "../components/time.tsx";

export interface DeviceRow {
  deviceId: string;
  label: string;
  officer: string | null;
  token: string | null;
  lastSyncAt: number;
  pending: number;
  conflicts: number;
  openConflicts: number;
  opsSent: number;
}

/** A browser's user agent, shortened to what tells two tablets apart at a glance. */
function deviceKind(label: string): string {
  // The most telling platform first: an Android user agent also says Linux.
  const m = /(iPad|iPhone|Android[^;)]*)/.exec(label) ?? /(Windows|Macintosh|CrOS|Linux)/.exec(label);
  const browser = /(Firefox|Edg|Chrome|Safari)\/[0-9]+/.exec(label)?.[0].replace("/", " ") ?? "";
  return [m?.[1], browser].filter(Boolean).join(" · ") || "Unknown device";
}

/** Each device that scored offline: who, when it last synced, what it still held then, and its conflicts. */
export function DevicesView({ slug, zone, devices }: { slug: string; zone: string; devices: DeviceRow[] }) {
  return (
    <>
      <p class="lead">
        Tablets and phones that scored on this tournament with the offline scoring app, as each last reported when it synced. A device
        with operations waiting has not reached a connection since; conflicts are decided under{" "}
        <a href={`/admin/t/${slug}/results`}>Results</a>. Enrol a tablet without anyone's session with a scoring token (Results, Scoring
        tokens): it shows a QR code.
      </p>
      {devices.length === 0 ? (
        <Empty>No device has synced shots yet. Range officers open a relay under Score, then “Score on this device, also offline”.</Empty>
      ) : (
        <div class="table-scroll">
          <table data-testid="devices">
            <thead>
              <tr>
                <th scope="col">Device</th>
                <th scope="col">Officer</th>
                <th scope="col">Last sync</th>
                <th scope="col" class="num">
                  Waiting
                </th>
                <th scope="col" class="num">
                  Conflicts
                </th>
                <th scope="col" class="num">
                  Sent
                </th>
              </tr>
            </thead>
            <tbody>
              {devices.map((d) => (
                <tr data-testid="device-row">
                  <td>
                    <strong>{deviceKind(d.label)}</strong>
                    <br />
                    <code class="meta" title={d.deviceId}>
                      {d.deviceId.slice(0, 8)}
                    </code>
                  </td>
                  <td>{d.officer ?? (d.token ? `Scoring token “${d.token}”` : "A former account")}</td>
                  <td>
                    <DateTime epoch={d.lastSyncAt} zone={zone} />
                  </td>
                  <td class="num" data-testid="device-pending">
                    {d.pending}
                  </td>
                  <td class="num" data-testid="device-conflicts">
                    {d.openConflicts > 0 ? `${d.openConflicts} open` : d.conflicts > 0 ? `${d.conflicts} reported, none open` : "0"}
                  </td>
                  <td class="num">{d.opsSent}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
