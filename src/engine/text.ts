// Characters that change how text shows rather than being shown: C0 and C1 controls
// (a terminal obeys them: clear the screen, move the cursor) and the Unicode direction
// marks, overrides and isolates (they can make a text read as something else). Tabs and
// line breaks are ordinary text.

export function isHiddenCharacter(code: number): boolean {
  if (code < 0x20) return code !== 0x09 && code !== 0x0a && code !== 0x0d;
  if (code >= 0x7f && code <= 0x9f) return true;
  return code === 0x061c || code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || code === 0x2028 || code === 0x2029;
}

export function hasHiddenCharacters(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isHiddenCharacter(s.charCodeAt(i))) return true;
  return false;
}

/** The text with every hidden character written as a visible \uXXXX escape. */
export function showHiddenCharacters(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    out += isHiddenCharacter(code) ? `\\u${code.toString(16).padStart(4, '0')}` : s[i];
  }
  return out;
}
