// A stable hash of plain JSON: the canonical JSON text (keys sorted) hashed with two
// FNV-1a-style lanes into 64 bits of hex. The hash walks the value and feeds the
// canonical text as it goes, without building the string (a save hashes every turn).
// Math.imul keeps it integer-exact in Node and browsers.

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return scalarJson(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

function scalarJson(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonicalJson: non-finite number');
  return JSON.stringify(value) ?? 'null';
}

class Hasher {
  a = 0x811c9dc5;
  b = 0x01000193 ^ 0x5bd1e995;

  text(s: string): void {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < s.length; i++) {
      const code = s.charCodeAt(i);
      a = Math.imul(a ^ code, 0x01000193);
      b = Math.imul(b ^ code, 0x5bd1e995);
      b ^= b >>> 15;
    }
    this.a = a;
    this.b = b;
  }

  value(v: unknown): void {
    if (v === null || typeof v !== 'object') {
      this.text(typeof v === 'string' && /^[\w .:-]*$/.test(v) ? `"${v}"` : scalarJson(v));
      return;
    }
    if (Array.isArray(v)) {
      this.text('[');
      for (let i = 0; i < v.length; i++) {
        if (i > 0) this.text(',');
        this.value(v[i]);
      }
      this.text(']');
      return;
    }
    const obj = v as Record<string, unknown>;
    const keys = Object.keys(obj).sort();
    this.text('{');
    let first = true;
    for (const k of keys) {
      const x = obj[k];
      if (x === undefined) continue;
      if (!first) this.text(',');
      first = false;
      this.value(k);
      this.text(':');
      this.value(x);
    }
    this.text('}');
  }

  digest(): string {
    return (this.a >>> 0).toString(16).padStart(8, '0') + (this.b >>> 0).toString(16).padStart(8, '0');
  }
}

export function hashString(text: string): string {
  const h = new Hasher();
  h.text(text);
  return h.digest();
}

/** Equal to `hashString(canonicalJson(value))`, without building the text. */
export function hashJson(value: unknown): string {
  const h = new Hasher();
  h.value(value);
  return h.digest();
}
