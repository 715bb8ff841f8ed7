import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The request the object is working for: the Worker's request id passed with each call (`call()` in
 * tournament-object.ts), the id of the request that opened a scoreboard socket for that socket's messages,
 * or an id of its own for an alarm run. Kept in async context, so interleaved calls (an object serves the
 * next call while one waits for D1) each log their own id.
 */
const scope = new AsyncLocalStorage<string>();

export function forRequest<T>(requestId: string, work: () => T): T {
  return scope.run(requestId, work);
}

export function currentRequestId(): string | undefined {
  return scope.getStore();
}

/**
 * Own members of the RPC class that are not RPC methods. The runtime's entry points (fetch, alarm, socket events)
 * and the lifecycle's steps live on the parent class (tournament-parts.ts), so they are never the class's own.
 */
const NOT_CALLABLE = new Set(["constructor", "call"]);

/**
 * The method of that name, if it is one a call may name: declared by the class itself (`classPrototype`, not
 * the instance's, which a runtime wrapper may extend), not the constructor or the dispatcher.
 */
export function callableMethod(classPrototype: object, name: string): ((...args: unknown[]) => unknown) | null {
  if (NOT_CALLABLE.has(name)) return null;
  const own = classPrototype as Record<string, unknown>;
  if (!Object.prototype.hasOwnProperty.call(own, name)) return null;
  const method = own[name];
  return typeof method === "function" ? (method as (...args: unknown[]) => unknown) : null;
}
