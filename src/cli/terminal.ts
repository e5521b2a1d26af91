// Everything the command line prints goes through here, one line at a time. Text from
// data (a scenario's title, a save's seed, a file's name, an argument quoted back) could
// otherwise carry characters a terminal obeys instead of showing: escape sequences that
// clear the screen or retitle the window, carriage returns and line separators that
// fake further lines, bidi overrides that show text in another order than it is.

/** C0 and C1 controls with DEL (Cc), bidi formatting (Bidi_Control), line and paragraph separators. */
const UNSAFE = /[\p{Cc}\p{Bidi_Control}\u2028\u2029]/gu;

/**
 * The text with every unsafe character written as `\uXXXX` (all of them are in the
 * Basic Multilingual Plane). Inside a JSON string that is the JSON escape of the same
 * character, so JSON output stays valid and parses to the same value.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export type LineWriter = (line: string) => void;

/** A writer that prints each line made safe, so no caller can forget to. */
export function lineWriter(stream: NodeJS.WritableStream): LineWriter {
  return (line) => {
    stream.write(`${terminalSafe(line)}\n`);
  };
}
