// Reading the scenario's JSON Schema (scenarios/schema.json, generated from the engine's
// zod schema) to drive the form: what kind of field a node is, which variant of a union a
// value is, which child node a key or list element has. The form is built from this, so a
// field added to the engine's schema appears in the editor without editor code.

export interface SchemaNode {
  type?: string;
  description?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  minItems?: number;
  maxItems?: number;
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

export type NodeKind = 'object' | 'record' | 'list' | 'union' | 'enum' | 'const' | 'boolean' | 'number' | 'text';

export function nodeKind(n: SchemaNode): NodeKind {
  if (n.oneOf ?? n.anyOf) return 'union';
  if (n.const !== undefined) return 'const';
  if (n.enum) return 'enum';
  if (n.type === 'array') return 'list';
  if (n.type === 'object') return n.properties ? 'object' : 'record';
  if (n.type === 'boolean') return 'boolean';
  if (n.type === 'integer' || n.type === 'number') return 'number';
  return 'text';
}

export const variantsOf = (n: SchemaNode): SchemaNode[] => n.oneOf ?? n.anyOf ?? [];

/** The property every variant of a union fixes to a constant ("type", "role"), if there is one. */
export function discriminatorOf(n: SchemaNode): string | null {
  const variants = variantsOf(n);
  const first = variants[0]?.properties;
  if (!first) return null;
  for (const key of Object.keys(first)) if (variants.every((v) => v.properties?.[key]?.const !== undefined)) return key;
  return null;
}

/** The constant each variant of a union has for its discriminator, in order. */
export function variantNames(n: SchemaNode): string[] {
  const d = discriminatorOf(n);
  return d === null ? [] : variantsOf(n).map((v) => String(v.properties?.[d]?.const));
}

/** The variant a value is (by its discriminator), else the first. */
export function variantFor(n: SchemaNode, value: unknown): SchemaNode {
  const variants = variantsOf(n);
  const d = discriminatorOf(n);
  const tag = d !== null && value !== null && typeof value === 'object' && Object.hasOwn(value, d) ? (value as Record<string, unknown>)[d] : undefined;
  return variants.find((v) => d !== null && v.properties?.[d]?.const === tag) ?? (variants[0] as SchemaNode);
}

/** The node that describes the value at `key` (a property name or list index) under `n`. */
export function childNode(n: SchemaNode, key: string | number, value: unknown): SchemaNode | null {
  const here = nodeKind(n) === 'union' ? variantFor(n, value) : n;
  if (typeof key === 'number') return here.items ?? null;
  // Keys come from the scenario's text: only the schema's own properties count ("constructor" is none).
  if (here.properties && Object.hasOwn(here.properties, key)) return here.properties[key] ?? null;
  return typeof here.additionalProperties === 'object' ? here.additionalProperties : null;
}

/** The node at `path` below the root, following the data to pick union variants. */
export function nodeAt(root: SchemaNode, json: unknown, path: readonly (string | number)[]): SchemaNode | null {
  let node: SchemaNode | null = root;
  let value = json;
  for (const key of path) {
    if (!node) return null;
    node = childNode(node, key, value);
    value = value !== null && typeof value === 'object' && Object.hasOwn(value, key) ? (value as Record<string | number, unknown>)[key] : undefined;
  }
  return node;
}

export const isRequired = (parent: SchemaNode, key: string): boolean => parent.required?.includes(key) ?? false;
