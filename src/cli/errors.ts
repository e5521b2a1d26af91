// The command line's two kinds of failure, each with its exit code. Either is shown as
// plain lines (never a stack trace): bad usage as `error: <what>` and a line of usage,
// bad input as `<file>: <what>`.

export class UsageError extends Error {
  readonly exitCode = 2;
  /** Lines that explain the error further (e.g. how to name a power whose id is an option). */
  readonly hints: readonly string[];
  constructor(message: string, hints: readonly string[] = []) {
    super(message);
    this.hints = hints;
  }
  withHints(hints: readonly string[]): UsageError {
    return hints.length === 0 ? this : new UsageError(this.message, [...this.hints, ...hints]);
  }
}

export class InputError extends Error {
  readonly exitCode = 1;
  /** One line per problem, each `<file>: <what>`. */
  readonly lines: readonly string[];
  constructor(lines: string | readonly string[]) {
    const list = typeof lines === 'string' ? [lines] : lines;
    super(list.join('\n'));
    this.lines = list;
  }
}
