// Everything the command line prints goes through here, one line at a time. Text from
// data (a scenario's title, a save's seed, a file's name, an argument quoted back) could
// otherwise carry characters a terminal obeys instead of showing: escape sequences that
// clear the screen or retitle the window, carriage returns and line separators that
// fake further lines, bidi overrides that show text in another order than it is.
import { showHiddenCharacters } from '../engine';

/**
 * The text with every control, bidi control and line separator written as `\uXXXX`
 * (the engine's rule for hidden characters; tabs and line breaks too, since output is
 * line by line). Inside a JSON string that is the JSON escape of the same character,
 * so JSON output stays valid and parses to the same value.
 */
export const terminalSafe = (text: string): string => showHiddenCharacters(text);

export type LineWriter = (line: string) => void;

/** A writer that prints each line made safe, so no caller can forget to. */
export function lineWriter(stream: NodeJS.WritableStream): LineWriter {
  return (line) => {
    stream.write(`${terminalSafe(line)}\n`);
  };
}
