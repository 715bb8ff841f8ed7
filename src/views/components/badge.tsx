export type BadgeKind = "open" | "soon" | "live" | "past" | "closed" | "full" | "confirmed" | "waitlisted" | "held";

const labels: Record<BadgeKind, string> = {
  open: "Registration open",
  soon: "Opens soon",
  live: "Live now",
  past: "Finished",
  closed: "Registration closed",
  full: "Full",
  confirmed: "Confirmed",
  waitlisted: "Waitlisted",
  held: "Held",
};

export function Badge({ kind, label }: { kind: BadgeKind; label?: string }) {
  return <span class={`badge ${kind}`}>{label ?? labels[kind]}</span>;
}
