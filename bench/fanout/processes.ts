/** Processes around `npm run bench:fanout`: the open-file limit, the baseline's wrangler dev, workerd's memory. */
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import path from "node:path";
import { childEnv, ROOT, stripAnsi } from "../../scripts/local-runtime.ts";

const HOST = "127.0.0.1";

/** The soft and hard open-file limits of this process. */
export function fileLimits(): { soft: number; hard: number } {
  const line = readFileSync("/proc/self/limits", "utf8")
    .split("\n")
    .find((l) => l.startsWith("Max open files"));
  const [soft, hard] = (line?.match(/(\d+|unlimited)\s+(\d+|unlimited)/)?.slice(1) ?? []).map((v) => (v === "unlimited" ? Infinity : Number(v)));
  return { soft: soft ?? 1024, hard: hard ?? 1024 };
}

/**
 * Node cannot raise its own limit: when it is below `needed`, run this script again under bash with
 * `ulimit -n` raised (to 65536, or the hard limit), inheriting the terminal. Returns the child's exit code,
 * or null when the limit is fine and this process should go on.
 */
export async function rerunWithFileLimit(needed: number): Promise<number | null> {
  const { soft } = fileLimits();
  if (soft >= needed || process.env.FANOUT_RERUN === "1") return null;
  console.log(`open-file limit ${soft} < ${needed}: running again with ulimit -n raised`);
  const script = 'ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$@"';
  const child = spawn("bash", ["-c", script, "bash", process.execPath, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, FANOUT_RERUN: "1" },
  });
  return new Promise((resolve) => child.once("exit", (code) => resolve(code ?? 1)));
}

interface Proc {
  pid: number;
  ppid: number;
  comm: string;
}

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const close = stat.lastIndexOf(")");
      const comm = stat.slice(stat.indexOf("(") + 1, close);
      const ppid = Number(stat.slice(close + 2).split(" ")[1]);
      out.push({ pid: Number(name), ppid, comm });
    } catch {
      // Gone meanwhile.
    }
  }
  return out;
}

/** workerd processes started (through wrangler) by this process. */
export function ourWorkerd(): number[] {
  const all = processes();
  const children = new Map<number, Proc[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const found: number[] = [];
  const walk = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      if (child.comm === "workerd") found.push(child.pid);
      walk(child.pid);
    }
  };
  walk(process.pid);
  return found;
}

/** Ports the process listens on (IPv4), in the order of its file descriptors. */
function listeningPorts(pid: number): number[] {
  const portOf = new Map<string, number>();
  for (const line of readFileSync("/proc/net/tcp", "utf8").split("\n").slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f[3] === "0A" && f[1] && f[9]) portOf.set(f[9], parseInt(f[1].split(":")[1] ?? "0", 16));
  }
  const ports: { fd: number; port: number }[] = [];
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
      const port = inode ? portOf.get(inode) : undefined;
      if (port !== undefined) ports.push({ fd: Number(fd), port });
    } catch {
      // Closed meanwhile.
    }
  }
  return ports.sort((a, b) => a.fd - b.fd).map((p) => p.port);
}

/**
 * `wrangler dev` runs two workerd processes: its proxy on the public port, which re-sends every request and
 * every WebSocket frame (a local-development hop that production does not have), and the runtime with the
 * app. This finds the runtime's own HTTP port among our workerd processes: the one `probe` recognises.
 */
export async function runtimePort(publicPort: number, probe: (url: string) => Promise<boolean>): Promise<{ port: number; pid: number } | null> {
  for (const pid of ourWorkerd()) {
    const ports = listeningPorts(pid);
    if (ports.includes(publicPort)) continue;
    for (const port of ports) {
      try {
        if (await probe(`http://${HOST}:${port}`)) return { port, pid };
      } catch {
        // Not an HTTP entry point.
      }
    }
  }
  return null;
}

/** VmRSS and VmHWM (peak) in MiB, summed over the processes. */
export function residentMiB(pids: number[]): { rss: number; peak: number } {
  let rss = 0;
  let peak = 0;
  for (const pid of pids) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      rss += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      peak += Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    } catch {
      // Gone.
    }
  }
  return { rss, peak };
}

export interface Baseline {
  url: string;
  stop(): Promise<void>;
}

/** `wrangler dev` for bench/baseline on its own port and state folder; its own process group, stopped whole. */
export async function startBaseline(port: number, persistTo: string, timeoutMs = 90_000): Promise<Baseline> {
  const url = `http://${HOST}:${port}`;
  const wrangler = path.join(ROOT, "node_modules", ".bin", "wrangler");
  const config = path.join(ROOT, "bench", "baseline", "wrangler.toml");
  const args = ["dev", "-c", config, "--ip", HOST, "--port", String(port), "--persist-to", persistTo, "--show-interactive-dev-session=false"];
  const child: ChildProcess = spawn(wrangler, args, { cwd: ROOT, env: childEnv(), stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  for (const stream of [child.stdout, child.stderr]) stream?.setEncoding("utf8").on("data", (chunk: string) => (output = (output + stripAnsi(chunk)).slice(-4000)));
  const stop = async () => {
    if (child.pid === undefined || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // Gone.
      }
    }, 5_000);
    await exited;
    clearTimeout(timer);
  };
  process.once("exit", () => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, "SIGKILL");
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`baseline wrangler dev stopped (exit ${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/socket`, { signal: AbortSignal.timeout(3_000) });
      await res.body?.cancel();
      return { url, stop };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
  await stop();
  throw new Error(`baseline did not answer on ${url} within ${timeoutMs / 1000} s:\n${output}`);
}
