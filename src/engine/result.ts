// Errors are values inside the engine: every fallible function returns a Result.
// Only the edges (command line, UI) turn an error into a message or an exception.
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const err = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });
