import fc from 'fast-check';
import * as z from 'zod/mini';

/**
 * Bad input generated from a route's zod schemas, read through their JSON Schema (`z.toJSONSchema`, input side), so
 * that it works on any schema the contract builds (zod mini or classic) without their methods: a value the schema
 * accepts to start from, the places in it, and mutations of those places — wrong types, missing and extra fields,
 * huge and odd strings, deep nesting, prototype keys, absurd numbers and dates. Used by
 * test/integration/fuzz-input.test.ts.
 */

export type Json = Record<string, unknown>;
export type Key = string | number;

export interface Schema {
  root: Json;
  defs: Record<string, Json>;
}

export function jsonSchemaOf(schema: z.core.$ZodType): Schema {
  const root = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  return { root, defs: (root.$defs ?? {}) as Record<string, Json> };
}

function deref(s: unknown, defs: Record<string, Json>): Json {
  let out = (s === true || s === undefined ? {} : s) as Json;
  for (let i = 0; typeof out.$ref === 'string' && i < 20; i++) out = defs[out.$ref.replace(/^#\/(\$defs|definitions)\//, '')] ?? {};
  return out;
}

const typesOf = (s: Json): string[] => (Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === 'string' ? [s.type] : []);
const jsonType = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v;

/** Strings tried against a `pattern` for a value that matches it (ids, dates, codes, phone numbers, e-mail). */
const PATTERN_CANDIDATES = [
  'x',
  'fuzz-1',
  'a',
  'A',
  '1',
  '36',
  '01',
  'a1',
  '2026-12-07',
  '2026-12',
  '12:00',
  '088-123-4567',
  'fuzz@example.jp',
  '00000000-0000-4000-8000-000000000000',
  'https://example.jp/',
  '1234567890',
  'abcdefghijklmnopqrstuvwxyz0123456789ABCDEF',
];
const FORMAT_VALUES: Record<string, string> = {
  date: '2026-12-07',
  email: 'fuzz@example.jp',
  'date-time': '2026-12-07T00:00:00.000Z',
  time: '12:00:00',
  uuid: '00000000-0000-4000-8000-000000000000',
  uri: 'https://example.jp/',
  url: 'https://example.jp/',
};

function minimalString(s: Json): string {
  const min = typeof s.minLength === 'number' ? s.minLength : 0;
  const max = typeof s.maxLength === 'number' ? s.maxLength : Number.POSITIVE_INFINITY;
  const fits = (v: string) => v.length >= min && v.length <= max && (typeof s.pattern !== 'string' || new RegExp(s.pattern).test(v));
  const format = typeof s.format === 'string' ? FORMAT_VALUES[s.format] : undefined;
  if (format !== undefined && fits(format)) return format;
  const found = PATTERN_CANDIDATES.find(fits);
  if (found !== undefined) return found;
  // Any other pattern (a sha256, a calendar token): a string fast-check makes to match it, the same every run.
  if (typeof s.pattern === 'string') {
    const made = fc.sample(fc.stringMatching(new RegExp(s.pattern)).filter(fits), { numRuns: 1, seed: 1 })[0];
    if (made !== undefined) return made;
  }
  return 'x'.repeat(Math.max(min, 1));
}

/**
 * A small value the schema accepts (best effort: cross-field rules are not known here; the caller checks it with
 * the zod schema): required properties only, or every property with `all`.
 */
export function minimalValue(schema: unknown, defs: Record<string, Json>, all = false): unknown {
  const s = deref(schema, defs);
  if (Array.isArray(s.enum)) return s.enum[0];
  if ('const' in s) return s.const;
  const options = (s.anyOf ?? s.oneOf) as unknown[] | undefined;
  if (Array.isArray(options) && options.length) {
    const first = options.find((o) => !typesOf(deref(o, defs)).includes('null')) ?? options[0];
    return minimalValue(first, defs, all);
  }
  if (Array.isArray(s.allOf) && s.allOf.length) return minimalValue(s.allOf[0], defs, all);
  const type = typesOf(s).find((t) => t !== 'null') ?? typesOf(s)[0];
  switch (type) {
    case 'string':
      return minimalString(s);
    case 'integer':
    case 'number': {
      if (typeof s.minimum === 'number') return s.minimum;
      if (typeof s.exclusiveMinimum === 'number') return s.exclusiveMinimum + 1;
      if (typeof s.maximum === 'number' && s.maximum < 0) return s.maximum;
      return 0;
    }
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array': {
      const n = typeof s.minItems === 'number' ? s.minItems : 0;
      if (Array.isArray(s.prefixItems)) return s.prefixItems.map((p) => minimalValue(p, defs, all));
      return Array.from({ length: n }, () => minimalValue(s.items, defs, all));
    }
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, unknown>;
      const required = new Set((s.required ?? []) as string[]);
      const out: Json = {};
      for (const [k, v] of Object.entries(props)) if (all || required.has(k)) setOwn(out, k, minimalValue(v, defs, all));
      return out;
    }
    default:
      return {};
  }
}

/** A place in a value and the schema that describes it. */
export interface Site {
  at: Key[];
  schema: Json;
  /** The value is there (a property present, an array element); false for an optional property left out. */
  present: boolean;
  required: boolean;
}

/** The option of a union that a value follows (the first whose type, required keys and constants fit). */
function branchOf(s: Json, value: unknown, defs: Record<string, Json>): Json {
  const options = (s.anyOf ?? s.oneOf) as unknown[] | undefined;
  if (!Array.isArray(options)) return s;
  const fits = (o: unknown) => {
    const d = deref(o, defs);
    const types = typesOf(d);
    const t = jsonType(value);
    if (types.length && !types.includes(t) && !(t === 'integer' && types.includes('number'))) return false;
    if (t !== 'object') return true;
    const v = value as Json;
    const props = (d.properties ?? {}) as Record<string, Json>;
    return (
      ((d.required ?? []) as string[]).every((k) => k in v) &&
      Object.entries(props).every(([k, p]) => !('const' in deref(p, defs)) || v[k] === deref(p, defs).const)
    );
  };
  const chosen = options.find(fits);
  return chosen === undefined ? s : branchOf(deref(chosen, defs), value, defs);
}

/** Every place in `value` that the schema describes, the value itself first. */
export function sitesOf(schema: Schema, value: unknown): Site[] {
  const out: Site[] = [];
  const walk = (raw: unknown, v: unknown, at: Key[], present: boolean, required: boolean) => {
    const s = branchOf(deref(raw, schema.defs), v, schema.defs);
    out.push({ at, schema: s, present, required });
    if (!present || out.length > 400) return;
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        walk(Array.isArray(s.prefixItems) ? s.prefixItems[i] : s.items, item, [...at, i], true, true);
      });
    } else if (v !== null && typeof v === 'object') {
      const props = (s.properties ?? {}) as Record<string, unknown>;
      const required = new Set((s.required ?? []) as string[]);
      for (const [k, p] of Object.entries(props)) walk(p, (v as Json)[k], [...at, k], Object.hasOwn(v, k), required.has(k));
    }
  };
  walk(schema.root, value, [], true, true);
  return out;
}

/** Sets an own property, `__proto__` included (a plain assignment would set the prototype instead). */
export function setOwn(target: Json | unknown[], key: Key, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A copy of `value` with `at` set to `next` (or removed when `next` is REMOVE). */
export const REMOVE = Symbol('remove');
export function withAt(value: unknown, at: Key[], next: unknown): unknown {
  if (at.length === 0) return next;
  const [head, ...rest] = at as [Key, ...Key[]];
  const copy: Json | unknown[] = Array.isArray(value) ? [...value] : value !== null && typeof value === 'object' ? { ...(value as Json) } : {};
  const inner = (copy as Json)[head as string];
  const replaced = withAt(inner, rest, next);
  if (replaced === REMOVE) {
    if (Array.isArray(copy)) copy.splice(head as number, 1);
    else delete (copy as Json)[head as string];
  } else setOwn(copy, head, replaced);
  return copy;
}

/**
 * A number or literal written into the JSON text as it is: `-0`, `1e400` (Infinity once parsed), `9007199254740993`
 * (rounded once parsed) cannot be made by JSON.stringify.
 */
export class RawJson {
  static readonly marker = '\u0000raw\u0000';
  constructor(readonly text: string) {}
  toJSON(): string {
    return `${RawJson.marker}${this.text}${RawJson.marker}`;
  }
}
/** JSON text of a value, with RawJson literals in place. */
export function toJsonText(value: unknown): string {
  const text = JSON.stringify(value) ?? 'null';
  return text.replace(/"\\u0000raw\\u0000(.*?)\\u0000raw\\u0000"/g, (_m, raw: string) => raw);
}

// ---- the pools of bad values --------------------------------------------------------------------------------------

/** NUL, lone surrogates, RTL and zero-width marks, an emoji family, full-width digits, a BOM, combining marks. */
export const ODD_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202Eevil\u202C.pdf',
  '\u200F\u200E\u200B',
  '👨‍👩‍👧‍👦',
  '１２３',
  '２０２６-１２-０７',
  '\uFEFF',
  'e\u0301\u0301\u0301',
  '=cmd|"/c calc"!A1',
  '<script>alert(1)</script>',
  "' OR '1'='1",
  '../../etc/passwd',
  '%00',
  '\r\n\t',
  ' ',
  '',
  '\u3000',
  '𠮷野家',
] as const;
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'] as const;
/** Absurd numbers as JSON text (NaN is not JSON). */
export const ABSURD_NUMBERS = ['1e308', '-1e308', '-0', '9007199254740993', '-9007199254740993', '1e400', '1.5', '-1', '0', '5e-324', '1e21', '0.1'] as const;
export const ABSURD_DATES = [
  '2026-02-30',
  '9999-99-99',
  '2026-13-01',
  '0000-00-00',
  '0000-01-01',
  '9999-12-31',
  '2026-12-07T00:00:00Z',
  '20261207',
  '２０２６-１２-０７',
  '2026-2-3',
  '+002026-12-07',
  '-002026-12-07',
  '1970-01-01',
  '2026-12-07\u0000',
] as const;

const oddString = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ODD_STRINGS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) });
/** A long string of one character (ASCII, Japanese, an emoji): over every limit but the body's. */
const hugeString = fc.tuple(fc.constantFrom('x', 'あ', '😀', '\u0000'), fc.integer({ min: 2_001, max: 40_000 })).map(([c, n]) => c.repeat(n));
/** The same for a URL, at most 6 KB once percent-encoded (Node takes 16 KB of headers, the URL included: a longer one
 * is the server's 431, never the API's): over every parameter's limit (the longest, a cursor, is 2,048) in ASCII. */
const hugeUrlString = fc
  .tuple(fc.constantFrom('x', 'あ', '😀', '\u0000'), fc.integer({ min: 2_049, max: 6_000 }))
  .map(([c, n]) => c.repeat(Math.min(n, Math.floor(6_000 / encodeURIComponent(c).length))));
/** A value nested `n` deep (arrays or objects). */
const deepValue = fc.tuple(fc.integer({ min: 40, max: 2_500 }), fc.boolean()).map(([n, arrays]) => {
  let v: unknown = 1;
  for (let i = 0; i < n; i++) v = arrays ? [v] : { a: v };
  return v;
});
const anyWrongValue = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, '', 'x', [], {}, [null], { a: 1 }),
  fc.constantFrom(...ABSURD_NUMBERS).map((t) => new RawJson(t)),
  fc.constantFrom(...ABSURD_DATES),
  oddString,
);

/** A value of another JSON type than the schema's (or than the value there). */
function wrongTypeFor(s: Json): fc.Arbitrary<unknown> {
  const types = new Set(typesOf(s));
  if (Array.isArray(s.enum)) for (const v of s.enum) types.add(jsonType(v));
  if ('const' in s) types.add(jsonType(s.const));
  const pool: unknown[] = [null, true, 'x', '1', 1, 1.5, [], {}, ['x'], { a: 1 }].filter((v) => {
    const t = jsonType(v);
    return !types.has(t) && !(t === 'integer' && types.has('number'));
  });
  return pool.length ? fc.constantFrom(...pool) : anyWrongValue;
}

// ---- mutations -------------------------------------------------------------------------------------------------------

export type Part = 'path' | 'query' | 'body';

export interface Mutation {
  kind: string;
  part: Part | 'header';
  /** Where in the part (for the body: the place in its JSON; for the path and the query: the parameter's name). */
  at: Key[];
  apply: (req: DraftRequest) => DraftRequest;
}

/** A request before it is written out: path parameters raw (percent-encoded as sent), query pairs, body value or text. */
export interface DraftRequest {
  params: Record<string, string>;
  query: [string, string][];
  /** The body: a JSON value (written with toJsonText), raw text, or none. */
  body: { value: unknown } | { text: string } | undefined;
  contentType: string | undefined;
}

/** Mutations of a body value that follows `schema`, one place at a time. */
export function bodyMutations(schema: Schema, base: unknown): fc.Arbitrary<Mutation> {
  const sites = sitesOf(schema, base);
  const value = (req: DraftRequest) => (req.body && 'value' in req.body ? req.body.value : base);
  const at = (site: Site, kind: string, next: fc.Arbitrary<unknown>) =>
    next.map<Mutation>((v) => ({ kind, part: 'body', at: site.at, apply: (r) => ({ ...r, body: { value: withAt(value(r), site.at, v) } }) }));
  const options: fc.Arbitrary<Mutation>[] = [];
  const site = fc.constantFrom(...sites);
  options.push(site.chain((s) => at(s, 'wrong type', wrongTypeFor(s.schema))));
  options.push(site.chain((s) => at(s, 'deep nesting', deepValue)));
  const required = sites.filter((s) => s.present && s.required && s.at.length > 0 && typeof s.at[s.at.length - 1] === 'string');
  if (required.length)
    options.push(
      fc
        .constantFrom(...required)
        .map<Mutation>((s) => ({ kind: 'missing field', part: 'body', at: s.at, apply: (r) => ({ ...r, body: { value: withAt(value(r), s.at, REMOVE) } }) })),
    );
  const objects = sites.filter((s) => s.present && typesOf(s.schema).includes('object'));
  if (objects.length) {
    const extraKey = fc.oneof(
      fc.constantFrom(...PROTO_KEYS, 'tenantId', 'role', 'orgId', 'version', 'id', 'isAdmin'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }),
    );
    const extraValue = fc.oneof(fc.constantFrom<unknown>({ isAdmin: true, role: 'operator' }, { polluted: 1 }, '37', null, 1), anyWrongValue);
    options.push(
      fc.tuple(fc.constantFrom(...objects), extraKey, extraValue).map<Mutation>(([s, k, v]) => ({
        kind: (PROTO_KEYS as readonly string[]).includes(k) ? 'prototype key' : 'extra field',
        part: 'body',
        at: [...s.at, k],
        apply: (r) => ({ ...r, body: { value: withAt(value(r), [...s.at, k], v) } }),
      })),
    );
  }
  const strings = sites.filter((s) => typesOf(s.schema).includes('string'));
  if (strings.length) {
    options.push(fc.constantFrom(...strings).chain((s) => at(s, 'huge string', hugeString)));
    options.push(fc.constantFrom(...strings).chain((s) => at(s, 'odd unicode', oddString)));
  }
  const dates = sites.filter((s) => s.schema.format === 'date' || s.schema.format === 'date-time');
  const numbers = sites.filter((s) => typesOf(s.schema).some((t) => t === 'integer' || t === 'number'));
  const datesOrStrings = dates.length ? dates : strings;
  if (datesOrStrings.length) options.push(fc.constantFrom(...datesOrStrings).chain((s) => at(s, 'absurd date', fc.constantFrom(...ABSURD_DATES))));
  if (numbers.length)
    options.push(
      fc.constantFrom(...numbers).chain((s) =>
        at(
          s,
          'absurd number',
          fc.constantFrom(...ABSURD_NUMBERS).map((t) => new RawJson(t)),
        ),
      ),
    );
  return fc.oneof(...options);
}

/** Whole-body mutations: text that is not JSON, a top level of another type, another Content-Type. */
export const INVALID_JSON = [
  '{',
  '{"a":',
  "{'a':1}",
  '[1,]',
  'NaN',
  '{"a":NaN}',
  '{"a":1}x',
  '\uFEFF{}',
  '{"a":"\\x"}',
  '{"a":"\\ud800"',
  'undefined',
  '\u0000',
];
/** Content types and whether the API takes them as JSON. */
export const CONTENT_TYPES: [string, boolean][] = [
  ['text/plain', false],
  ['application/x-www-form-urlencoded', false],
  ['multipart/form-data; boundary=x', false],
  ['application/json-patch+json', false],
  ['application/jsonx', false],
  ['text/json', false],
  ['application/xml', false],
  ['APPLICATION/JSON', true],
  ['application/json;charset=utf-8', true],
  ['application/json; charset=shift_jis', true],
  ['application/json ; x=1', true],
];

export function wholeBodyMutations(): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.constantFrom(...INVALID_JSON).map<Mutation>((text) => ({ kind: 'invalid JSON', part: 'body', at: [], apply: (r) => ({ ...r, body: { text } }) })),
    anyWrongValue.map<Mutation>((v) => ({ kind: 'wrong type', part: 'body', at: [], apply: (r) => ({ ...r, body: { value: v } }) })),
    fc.constantFrom(...CONTENT_TYPES).map<Mutation>(([type]) => ({
      kind: 'content type',
      part: 'header',
      at: ['content-type'],
      apply: (r) => ({ ...r, contentType: type, body: r.body ?? { value: {} } }),
    })),
  );
}

/** Raw path segments that do not decode (broken percent-encoding, an encoded lone surrogate, an overlong form). */
export const BROKEN_ENCODINGS = ['%', '%Z1', 'a%2', '%E3%81', '%ED%A0%80', '%C0%AF', '%FF', '%%41', '%E3%81%82%E3'];
const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Dot segments are the URL parser's (a different route), not ours: left out. */
const encodable = (s: string) => !LONE.test(s) && s !== '.' && s !== '..' && s !== '';

/** Paging cursors of the right form (base64url) holding odd JSON: another tenant's key, a prototype key, no key. */
export const ODD_CURSORS = [
  '{"s":0,"k":null}',
  '{"s":-1,"k":null}',
  '{"s":1e308,"k":null}',
  '{"s":0,"k":{"PK":"T#37#FACILITY","SK":"x"}}',
  '{"__proto__":{"s":0},"k":null}',
  '{"s":0,"k":{"PK":{"S":"x"}}}',
  '[]',
  'null',
  '"x"',
].map((json) => Buffer.from(json).toString('base64url'));

/**
 * Values for one path or query parameter, after the schema that names it: well-formed ones (a string its pattern
 * matches, so the handler runs: an id that does not exist, a cursor of odd JSON), near misses of an enum, absurd
 * dates for a date and numbers for a number, and the generic bad values.
 */
function parameterValue(schema: Json | undefined): fc.Arbitrary<string> {
  const s = schema ?? {};
  const own: fc.Arbitrary<string>[] = [];
  if (typeof s.pattern === 'string') own.push(fc.stringMatching(new RegExp(s.pattern)));
  if (Array.isArray(s.enum))
    own.push(fc.constantFrom(...s.enum.map(String)).chain((v) => fc.constantFrom(v.toUpperCase(), ` ${v}`, `${v},${v}`, `${v}\u0000`)));
  if (s.format === 'date') own.push(fc.constantFrom(...ABSURD_DATES));
  if (typesOf(s).some((t) => t === 'integer' || t === 'number')) own.push(fc.constantFrom(...ABSURD_NUMBERS, 'NaN', 'Infinity', '0x10', ' 1', '１０', '1_000'));
  const generic = fc.oneof(
    oddString,
    hugeUrlString,
    fc.constantFrom(...PROTO_KEYS, 'true', 'null', '[]'),
    fc.constantFrom(...ABSURD_DATES),
    fc.constantFrom(...ABSURD_NUMBERS),
    fc.constantFrom(...ODD_CURSORS),
  );
  return own.length ? fc.oneof({ weight: 2, arbitrary: fc.oneof(...own) }, { weight: 1, arbitrary: generic }) : generic;
}

export function pathMutations(schema: Schema, names: string[]): fc.Arbitrary<Mutation> {
  const props = (schema.root.properties ?? {}) as Record<string, Json>;
  const value = (name: string) =>
    fc.oneof(
      { weight: 3, arbitrary: parameterValue(deref(props[name], schema.defs)).filter(encodable).map(encodeURIComponent) },
      { weight: 1, arbitrary: fc.constantFrom(...BROKEN_ENCODINGS) },
    );
  return fc
    .constantFrom(...names)
    .chain((name) => value(name).map((raw) => [name, raw] as const))
    .map<Mutation>(([name, raw]) => ({
      kind: BROKEN_ENCODINGS.includes(raw) ? 'broken percent-encoding' : 'path value',
      part: 'path',
      at: [name],
      apply: (r) => ({ ...r, params: { ...r.params, [name]: raw } }),
    }));
}

export function queryMutations(schema: Schema): fc.Arbitrary<Mutation> {
  const props = (schema.root.properties ?? {}) as Record<string, Json>;
  const declared = Object.keys(props);
  const key = declared.length
    ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...declared) }, { weight: 1, arbitrary: fc.constantFrom(...PROTO_KEYS, 'tenantId', 'role') })
    : fc.constantFrom(...PROTO_KEYS, 'tenantId', 'role', 'x');
  return key
    .chain((k) => parameterValue(declared.includes(k) ? deref(props[k], schema.defs) : undefined).map((v) => [k, v] as const))
    .map<Mutation>(([k, v]) => ({
      kind: (PROTO_KEYS as readonly string[]).includes(k) ? 'prototype key' : declared.includes(k) ? 'query value' : 'extra field',
      part: 'query',
      at: [k],
      apply: (r) => ({ ...r, query: [...r.query.filter(([q]) => q !== k), [k, v]] }),
    }));
}
