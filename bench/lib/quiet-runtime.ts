/**
 * What wrangler dev does per request for the developer is not the app's work: its request log (a loopback
 * call into wrangler's Node process for every request) and its local trace collector. Benchmarks turn both
 * off, for every runtime they start, before starting any.
 */
export function quietRuntime(): void {
  process.env.WRANGLER_LOG ??= "warn";
  process.env.X_LOCAL_OBSERVABILITY ??= "false";
}
