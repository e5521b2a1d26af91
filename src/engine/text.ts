// Characters that change how text shows rather than being shown: C0 and C1 controls
// with DEL (a terminal obeys them: clear the screen, move the cursor, retitle the window),
// the Unicode bidi controls (marks, overrides and isolates can make a text read as
// something else) and the line and paragraph separators (they fake new lines). In text a
// player reads, tabs and line breaks are ordinary layout.

const HIDDEN = /[\p{Cc}\p{Bidi_Control}\u2028\u2029]/gu;
const HIDDEN_BUT_LAYOUT = /[^\P{Cc}\t\n\r]|[\p{Bidi_Control}\u2028\u2029]/gu;

/** Whether the text hides characters (layout aside). */
export const hasHiddenCharacters = (text: string): boolean => text.search(HIDDEN_BUT_LAYOUT) >= 0;

/**
 * The text with hidden characters written as `\uXXXX` (all of them are in the Basic
 * Multilingual Plane, and inside a JSON string that is the JSON escape of the same
 * character). With `keepLayout`, tabs and line breaks stay as they are.
 */
export function showHiddenCharacters(text: string, keepLayout = false): string {
  return text.replace(keepLayout ? HIDDEN_BUT_LAYOUT : HIDDEN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
