import { readdirSync, readFileSync, readlinkSync } from "node:fs";
/**
 * The Worker's own address under `wrangler dev`, past wrangler's dev-only proxy (which runs every text/html
 * response through an HTMLRewriter for its live-reload script; production has no such proxy). Linux only:
 * the listening sockets of the workerd process that serves the Worker (started with `entry=127.0.0.1:0`),
 * tried until one answers `/healthz`.
 */
function processesOf(group: number): { pid: string; args: string }[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]) !== group) return [];
        return [{ pid, args: readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ") }];
      } catch {
        return [];
      }
    });
}

function listeningPorts(pid: string): number[] {
  const inodes = new Set(
    readdirSync(`/proc/${pid}/fd`).flatMap((fd) => {
      try {
        const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
        return inode ? [inode] : [];
      } catch {
        return [];
      }
    }),
  );
  return readFileSync("/proc/net/tcp", "utf8")
    .split("\n")
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f[3] === "0A" && inodes.has(f[9] ?? ""))
    .map((f) => parseInt(f[1]!.split(":")[1]!, 16));
}

export async function workerAddress(group: number): Promise<string> {
  const worker = processesOf(group).find((p) => p.args.includes("workerd serve") && p.args.includes("entry=127.0.0.1:0"));
  if (!worker) throw new Error("no workerd process serving the Worker in wrangler's process group");
  for (const port of listeningPorts(worker.pid)) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(5_000) });
      if ((await res.text()) === "ok") return `http://127.0.0.1:${port}`;
    } catch {
      // Not the Worker's socket (the runtime's own control and loopback sockets).
    }
  }
  throw new Error("the Worker's workerd process answers /healthz on none of its sockets");
}
