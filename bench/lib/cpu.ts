import { readdirSync, readFileSync } from "node:fs";
/**
 * CPU time of the local server's processes (Linux /proc): what a request costs the machine, which a loaded
 * machine changes far less than the rate. Ticks are 1/100 s on Linux (USER_HZ).
 */
const TICK_MS = 10;

/** User and system CPU time, in ms, of every live process in the process group. */
export function groupCpuMs(group: number): number {
  let ticks = 0;
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, "utf8");
    } catch {
      continue; // ended meanwhile
    }
    // After "(comm)": state ppid pgrp ... utime (14th field overall) stime (15th).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) !== group) continue;
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * TICK_MS;
}
