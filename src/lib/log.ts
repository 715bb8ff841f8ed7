/**
 * Structured logs: one JSON object per line, so Workers Logs (and `wrangler tail`) can filter by field.
 * Every line carries its context: a request's id in the Worker (`c.var.log`), the tournament id in the
 * tournament object. Errors are written with their name, message, stack and cause.
 */
export type LogFields = Record<string, unknown>;

export interface Log {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, error?: unknown, fields?: LogFields): void;
  /** The same log with more context on every line. */
  with(fields: LogFields): Log;
}

type Level = "info" | "warn" | "error";

/** The error as plain fields (an Error's own properties do not survive JSON.stringify). */
export function errorFields(error: unknown): LogFields {
  if (!(error instanceof Error)) return { value: String(error) };
  const fields: LogFields = { name: error.name, message: error.message, stack: error.stack };
  if (error.cause !== undefined) fields.cause = errorFields(error.cause);
  return fields;
}

function write(level: Level, line: LogFields): void {
  let text: string;
  try {
    text = JSON.stringify(line);
  } catch {
    text = JSON.stringify({ ...line, fields: "unserialisable" });
  }
  if (level === "error") console.error(text);
  else if (level === "warn") console.warn(text);
  else console.log(text);
}

const noFields = (): LogFields => ({});

/** `current`: fields read when each line is written (the tournament object's request of the moment). */
export function logger(context: LogFields, current: () => LogFields = noFields): Log {
  const line = (level: Level, message: string, fields: LogFields = {}) => ({ level, message, ...context, ...current(), ...fields, at: new Date().toISOString() });
  return {
    info: (message, fields) => write("info", line("info", message, fields)),
    warn: (message, fields) => write("warn", line("warn", message, fields)),
    error: (message, error, fields) => write("error", line("error", message, error === undefined ? fields : { ...fields, error: errorFields(error) })),
    with: (fields) => logger({ ...context, ...fields }, current),
  };
}

/**
 * The log of a tournament object: its tournament id (the object's name) on every line, and the id of the
 * request it is working for when the line is written (`requestId()`, from the object's async context).
 */
export function objectLog(id: DurableObjectId, requestId: () => string | undefined = () => undefined): Log {
  const tournamentId = Number(id.name);
  return logger({ tournamentId: Number.isInteger(tournamentId) ? tournamentId : (id.name ?? id.toString()) }, () => {
    const current = requestId();
    return current === undefined ? {} : { requestId: current };
  });
}
