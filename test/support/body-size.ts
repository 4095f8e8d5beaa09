import * as z from 'zod/mini';

/**
 * The largest JSON body (in UTF-8 bytes, as JSON.stringify sends it) that a zod schema accepts, computed from its JSON
 * Schema (`z.toJSONSchema`, input side). Unbounded parts (a string without maxLength, an array without maxItems, a
 * record, `unknown`) are reported by path instead of sized, so that a test can name them.
 *
 * Sizing rules, the worst case of real input: a string counts 3 bytes per UTF-16 unit (Japanese text is 3 bytes
 * per character in UTF-8; an escaped quote, backslash or newline is 2; a surrogate pair is 4 bytes for 2 units), but 1
 * byte per unit when a pattern or format limits it to ASCII; an enum or const its longest value; a number its longest
 * representation within its bounds (24 bytes unbounded); an object every property present; an array maxItems items.
 */
export interface BodySize {
  bytes: number;
  unbounded: string[];
}

type Json = Record<string, unknown>;

const ASCII_FORMATS = new Set([
  'email',
  'uuid',
  'date',
  'date-time',
  'time',
  'uri',
  'url',
  'ipv4',
  'ipv6',
  'duration',
  'base64',
  'base64url',
  'cuid',
  'cuid2',
  'ulid',
  'nanoid',
]);

/** Longest ISO strings zod accepts for these formats (a date-time with fractional seconds and an offset). */
const FORMAT_MAX: Record<string, number> = { date: 10, time: 18, 'date-time': 35, uuid: 36, ipv4: 15, ipv6: 45 };

/**
 * The longest string a simple anchored pattern matches (literals, classes, escapes, groups with `|`, and the
 * quantifiers `?`, `{n}`, `{n,m}`); undefined when it is unbounded (`*`, `+`, `{n,}`) or not anchored at both ends.
 */
export function patternMaxLength(pattern: string): number | undefined {
  if (!pattern.startsWith('^') || !pattern.endsWith('$') || pattern.endsWith('\\$')) return undefined;
  let i = 1;
  const end = pattern.length - 1;
  // Returns the longest length of an alternation up to `)` or the end.
  const alternation = (): number | undefined => {
    let best = 0;
    let current = 0;
    while (i < end) {
      const c = pattern[i];
      if (c === ')') break;
      if (c === '|') {
        best = Math.max(best, current);
        current = 0;
        i++;
        continue;
      }
      let atom: number | undefined;
      if (c === '(') {
        i++;
        if (pattern[i] === '?' && pattern[i + 1] === ':') i += 2;
        atom = alternation();
        if (pattern[i] !== ')') return undefined;
        i++;
      } else if (c === '[') {
        const close = pattern.indexOf(']', i + 2);
        if (close < 0) return undefined;
        i = close + 1;
        atom = 1;
      } else if (c === '\\') {
        i += 2;
        atom = 1;
      } else if (c === '^' || c === '$') {
        i++;
        atom = 0;
      } else {
        i++;
        atom = 1;
      }
      if (atom === undefined) return undefined;
      const q = pattern[i];
      if (q === '*' || q === '+') return undefined;
      if (q === '?') {
        i++;
      } else if (q === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
        if (!m) return undefined;
        if (m[2] !== undefined && m[3] === '') return undefined;
        atom *= Number(m[3] ?? m[1]);
        i += m[0].length;
      }
      current += atom;
    }
    return Math.max(best, current);
  };
  const n = alternation();
  return i === end ? n : undefined;
}

function numberBytes(s: Json): number {
  const bounds = [s.minimum, s.maximum, s.exclusiveMinimum, s.exclusiveMaximum].filter((b): b is number => typeof b === 'number');
  const integer = s.type === 'integer';
  if (integer && bounds.length === 2 && bounds.every((b) => Number.isSafeInteger(b))) return Math.max(...bounds.map((b) => String(b).length));
  return integer ? 16 : 24;
}

function sizeOf(schema: unknown, path: string, defs: Record<string, unknown>, seen: Set<string>, out: string[]): number {
  if (schema === true || schema === undefined) {
    out.push(`${path} (anything)`);
    return 0;
  }
  if (schema === false) return 0;
  const s = schema as Json;
  if (typeof s.$ref === 'string') {
    const name = s.$ref.replace(/^#\/(\$defs|definitions)\//, '');
    if (seen.has(name)) {
      out.push(`${path} (recursive ${name})`);
      return 0;
    }
    return sizeOf(defs[name], path, defs, new Set([...seen, name]), out);
  }
  if (Array.isArray(s.enum)) return Math.max(...s.enum.map((v) => Buffer.byteLength(JSON.stringify(v))));
  if ('const' in s) return Buffer.byteLength(JSON.stringify(s.const));
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = s[key];
    if (Array.isArray(options)) return Math.max(...options.map((o) => sizeOf(o, path, defs, seen, out)));
  }
  if (Array.isArray(s.allOf)) return Math.max(...s.allOf.map((o) => sizeOf(o, path, defs, seen, out)));
  const type = Array.isArray(s.type) ? s.type : s.type === undefined ? [] : [s.type];
  if (type.length > 1) return Math.max(...type.map((t) => sizeOf({ ...s, type: t }, path, defs, seen, out)));
  switch (type[0]) {
    case 'null':
      return 4;
    case 'boolean':
      return 5;
    case 'integer':
    case 'number':
      return numberBytes(s);
    case 'string': {
      const ascii = typeof s.pattern === 'string' || (typeof s.format === 'string' && ASCII_FORMATS.has(s.format));
      const bounds = [
        s.maxLength,
        typeof s.format === 'string' ? FORMAT_MAX[s.format] : undefined,
        typeof s.pattern === 'string' ? patternMaxLength(s.pattern) : undefined,
      ].filter((b): b is number => typeof b === 'number');
      if (!bounds.length) {
        out.push(`${path} (string without maxLength)`);
        return 2;
      }
      return 2 + Math.min(...bounds) * (ascii ? 1 : 3);
    }
    case 'array': {
      if (Array.isArray(s.prefixItems)) {
        const tuple = s.prefixItems.map((item, i) => sizeOf(item, `${path}[${i}]`, defs, seen, out) + 1);
        return 2 + tuple.reduce((a, b) => a + b, 0);
      }
      if (typeof s.maxItems !== 'number') {
        out.push(`${path} (array without maxItems)`);
        return 2;
      }
      return 2 + s.maxItems * (sizeOf(s.items, `${path}[]`, defs, seen, out) + 1);
    }
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, unknown>;
      let bytes = 2;
      for (const [key, value] of Object.entries(props))
        bytes += Buffer.byteLength(JSON.stringify(key)) + 1 + sizeOf(value, `${path}.${key}`, defs, seen, out) + 1;
      const extra = s.additionalProperties;
      if (extra !== undefined && extra !== false) {
        const names = s.propertyNames as Json | undefined;
        // A record keyed by an enum has at most one property per value.
        const count = typeof s.maxProperties === 'number' ? s.maxProperties : Array.isArray(names?.enum) ? names.enum.length : undefined;
        if (count === undefined) out.push(`${path} (record without maxProperties)`);
        else {
          if (!names) out.push(`${path} (record keys without maxLength)`);
          const keyBytes = names ? sizeOf(names, `${path}{key}`, defs, seen, out) : 2;
          bytes += count * (keyBytes + 1 + sizeOf(extra, `${path}{}`, defs, seen, out) + 1);
        }
      }
      return bytes;
    }
    default:
      out.push(`${path} (anything)`);
      return 0;
  }
}

export function largestBody(schema: z.core.$ZodType): BodySize {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  const out: string[] = [];
  const bytes = sizeOf(json, 'body', (json.$defs ?? {}) as Record<string, unknown>, new Set(), out);
  return { bytes, unbounded: out };
}
