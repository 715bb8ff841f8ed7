/**
 * `npm run check:structure`: the layout's promises, checked on src/ (run by `npm test`).
 * - no runtime import cycle (type-only imports are erased, so they do not count);
 * - no file over 300 lines (generated `.d.ts` excepted);
 * - the object (src/object/) imports no view, and no view imports code that runs in the object;
 * - no two folder names one letter apart (`tournament` / `tournaments`).
 */
import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const SRC = path.join(ROOT, "src");
const MAX_LINES = 300;

function walk(dir: string, files: string[], dirs: string[]): void {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) {
      dirs.push(p);
      walk(p, files, dirs);
    } else if (/\.tsx?$/.test(name) && !name.endsWith(".d.ts")) files.push(p);
  }
}

function resolve(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) if (existsSync(c) && statSync(c).isFile()) return c;
  return null;
}

/** Runtime imports of a file: `import type` and all-`type` braces are left out. */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const found: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s+([\s\S]*?)\s+from\s+["'](\.{1,2}\/[^"']+)["']/gm)) {
    const clause = (m[1] ?? "").trim();
    if (clause.startsWith("type ")) continue;
    const braces = /^\{([\s\S]*)\}$/.exec(clause)?.[1];
    if (braces !== undefined && braces.split(",").map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith("type "))) continue;
    const target = resolve(file, m[2] ?? "");
    if (target) found.push(target);
  }
  for (const m of text.matchAll(/^\s*import\s+["'](\.{1,2}\/[^"']+)["']/gm)) {
    const target = resolve(file, m[1] ?? "");
    if (target) found.push(target);
  }
  return found;
}

const files: string[] = [];
const dirs: string[] = [];
walk(SRC, files, dirs);
const graph = new Map(files.map((f) => [f, runtimeImports(f)]));
const rel = (f: string) => path.relative(ROOT, f);
const problems: string[] = [];

// Cycles: depth-first search with colours; each back edge names one cycle.
const state = new Map<string, "open" | "done">();
function visit(f: string, trail: string[]): void {
  state.set(f, "open");
  for (const d of graph.get(f) ?? []) {
    if (state.get(d) === "open") problems.push(`import cycle: ${[...trail.slice(trail.indexOf(d)), d].map(rel).join(" -> ")}`);
    else if (!state.has(d)) visit(d, [...trail, d]);
  }
  state.set(f, "done");
}
for (const f of files) if (!state.has(f)) visit(f, [f]);

for (const f of files) {
  const lines = readFileSync(f, "utf8").split("\n").length;
  if (lines > MAX_LINES) problems.push(`over ${MAX_LINES} lines: ${rel(f)} (${lines})`);
}

const inside = (f: string, folder: string) => f.startsWith(path.join(SRC, folder) + path.sep);
for (const [f, deps] of graph) {
  for (const d of deps) {
    if (inside(f, "object") && inside(d, "views")) problems.push(`the object imports a view: ${rel(f)} -> ${rel(d)}`);
    if (inside(f, "views") && inside(d, "object")) problems.push(`a view imports object code: ${rel(f)} -> ${rel(d)}`);
  }
}

function oneApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < Math.min(a.length, b.length) && a[i] === b[i]) i++;
  const tail = (x: string, skip: number) => x.slice(i + skip);
  return tail(a, 1) === tail(b, 1) || tail(a, 1) === tail(b, 0) || tail(a, 0) === tail(b, 1);
}
const names = [...new Set(dirs.map((d) => path.basename(d)))];
for (const [i, a] of names.entries()) for (const b of names.slice(i + 1)) if (Math.min(a.length, b.length) > 3 && oneApart(a, b)) problems.push(`folder names one letter apart: ${a} / ${b}`);

for (const p of problems) console.log(p);
console.log(`structure: ${files.length} files in src/, ${problems.length} problems`);
process.exit(problems.length > 0 ? 1 : 0);
