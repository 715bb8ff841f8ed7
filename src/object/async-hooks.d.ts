// The one Node API the object uses (the `nodejs_als` compatibility flag in wrangler.toml): async context for
// its log lines' request id (request-scope.ts). Declared here, so the Worker's types need no Node typings.
declare module "node:async_hooks" {
  export class AsyncLocalStorage<T> {
    getStore(): T | undefined;
    run<R>(store: T, callback: () => R): R;
  }
}
