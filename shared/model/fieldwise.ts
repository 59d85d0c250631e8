import type { z } from 'zod';

type Obj = Record<string, unknown>;
export type FieldwiseResult<T> = { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };

/** A field's outcome: its parsed value, or wrong (null). */
type Parsed = { data: unknown } | null;

/** Makes a new copy of a parsed list or object each time, so that no two results share one (null: a plain value, shared as it is). */
type Copy = ((v: unknown) => unknown) | null;
const EMPTY_LIST = () => [];
const EMPTY_OBJECT = () => ({});
/** How to hand out a parsed value again: as it is (plain), new and empty, or copied through its JSON. */
function copierOf(v: unknown): Copy {
  if (v === null || typeof v !== 'object') return null;
  const json = JSON.stringify(v);
  return json === '[]' ? EMPTY_LIST : json === '{}' ? EMPTY_OBJECT : () => JSON.parse(json) as unknown;
}

/** Whether a value is an empty list, or an empty plain object (the `{}` and `[]` an import gives most rows). */
function isEmpty(v: object): boolean {
  if (Array.isArray(v)) return v.length === 0;
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  for (const k in v) if (Object.hasOwn(v, k)) return false;
  return true;
}

/**
 * An object schema's parse, done field by field: each field the value has is parsed with the field's own schema,
 * each field it lacks gets the schema's default (made once, copied per call), and then the object's own check
 * (`whole`) runs on the result; when a field is wrong, the whole schema parses the value instead, for zod's own
 * issues. Same outcome as `schema.safeParse` (the test of this module holds them to each other), at a fraction of
 * the cost when a value has few of its fields: a spreadsheet import builds thousands of actors and agreements from
 * half a dozen columns each, and parsing them whole was most of its time.
 */
export function fieldwise<T>(schema: z.ZodObject, whole?: (value: T) => { path: PropertyKey[]; message: string }[]): (value: Obj) => FieldwiseResult<T> {
  const shape = schema.shape as Record<string, z.ZodType>;
  const keys = Object.keys(shape);
  const slot = new Map(keys.map((k, i) => [k, i]));
  const parseField = (i: number, v: unknown): Parsed => {
    const r = shape[keys[i]].safeParse(v);
    return r.success ? { data: r.data } : null;
  };
  // A field's default (undefined: it has none, the field is required) and how to copy it.
  const defaults = keys.map((_, i) => {
    const r = parseField(i, undefined);
    return r ? { value: r.data, copy: copierOf(r.data) } : undefined;
  });
  // A plain value (text, number, yes/no) parses the same every time: the outcome is kept per field, for the codes,
  // dates and yes/no that repeat on every row. Bounded, so that ten thousand different names do not pile up. An
  // empty list or object parses the same every time too: its outcome is kept once per field (made on first use).
  const seen = keys.map(() => new Map<unknown, Parsed>());
  const empties: ({ parsed: Parsed; copy: Copy } | undefined)[][] = [[], []];
  const parseValue = (i: number, v: unknown): Parsed => {
    if (typeof v === 'object' && v !== null) {
      if (!isEmpty(v)) return parseField(i, v);
      const kind = Array.isArray(v) ? 0 : 1;
      let e = empties[kind][i];
      if (!e) {
        const parsed = parseField(i, kind ? {} : []);
        e = empties[kind][i] = { parsed, copy: parsed && copierOf(parsed.data) };
      }
      return e.parsed && e.copy ? { data: e.copy(e.parsed.data) } : e.parsed;
    }
    const memo = seen[i];
    let r = memo.get(v);
    if (r === undefined) {
      r = parseField(i, v);
      if (memo.size < 1000) memo.set(v, r);
    }
    return r;
  };
  // The parsed fields of the call in progress, by the field's place in the schema (a parse never calls itself).
  const parsed: (Parsed | undefined)[] = keys.map(() => undefined);
  return (value) => {
    // The fields the value has, parsed (read once, in the value's own order: looking up every field of the schema
    // on objects of many shapes, most of them absent, was the slow part), then all fields in the schema's order.
    parsed.fill(undefined);
    for (const k in value) {
      const v = value[k];
      const i = slot.get(k);
      if (v === undefined || i === undefined) continue;
      parsed[i] = parseValue(i, v);
    }
    const out: Obj = {};
    let wrong = false;
    for (let i = 0; i < keys.length; i++) {
      const r = parsed[i];
      if (r !== undefined) {
        if (r) out[keys[i]] = r.data;
        else wrong = true;
        continue;
      }
      const d = defaults[i];
      if (!d) wrong = true; // a required field is missing
      else if (d.copy) out[keys[i]] = d.copy(d.value);
      else if (d.value !== undefined) out[keys[i]] = d.value;
    }
    // A wrong field: the whole parse says what is wrong, exactly as zod does. Which issues it gives depends on more
    // than the fields (a date that fails its check still takes part in the object's own check, a wrong type does
    // not), and a wrong row is the rare case.
    if (wrong) {
      const r = schema.safeParse(value);
      return r.success ? { success: true, data: r.data as T } : { success: false, error: { issues: r.error.issues } };
    }
    const issues = whole?.(out as T) ?? [];
    return issues.length ? { success: false, error: { issues } } : { success: true, data: out as T };
  };
}
