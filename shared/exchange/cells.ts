import { isIsoDate } from '../util/dates';
import { kboProblem, normaliseKbo } from '../util/kbo';
import type { VocabEntry, VocabKind } from '../vocab';
import { normalise } from './fields';

/** A cell's problem, or its value. A code the vocabulary lacks is named (`unknown`), for the user to say what it is. */
export type Cell<T> = { ok: true; value: T } | { ok: false; message: string; unknown?: string };
const ok = <T>(value: T): Cell<T> => ({ ok: true, value });
const bad = (message: string, unknown?: string): Cell<never> => ({ ok: false, message, ...(unknown !== undefined ? { unknown } : {}) });

const TRUE = new Set(['ja', 'j', 'yes', 'y', 'true', 'waar', '1', 'x', 'actief']);
const FALSE = new Set(['nee', 'n', 'no', 'false', 'onwaar', '0', 'niet actief', 'inactief']);

/** ja/nee (and yes/no, 1/0, waar/onwaar, x). */
export function readBool(raw: string): Cell<boolean> {
  const v = normalise(raw);
  if (TRUE.has(v)) return ok(true);
  if (FALSE.has(v)) return ok(false);
  return bad(`"${raw}" is geen ja of nee.`);
}

/** The months by their Dutch and English names and usual short forms (Excel's long date: "31 december 2026"). */
const MONTHS = new Map<string, number>(
  [
    ['januari january jan', 1],
    ['februari february feb', 2],
    ['maart march mrt maa mar', 3],
    ['april apr', 4],
    ['mei may', 5],
    ['juni june jun', 6],
    ['juli july jul', 7],
    ['augustus august aug', 8],
    ['september sep sept', 9],
    ['oktober october okt oct', 10],
    ['november nov', 11],
    ['december dec', 12],
  ].flatMap(([names, n]) => (names as string).split(' ').map((name) => [name, n as number] as const)),
);

/**
 * A date as YYYY-MM-DD (or YYYY/MM/DD), as a Belgian DD/MM/YYYY (also with - or .), or written out as Excel's long
 * date writes it in Dutch or English: "31 december 2026", "31 dec. 2026", "donderdag 31 december 2026".
 */
export function readDate(raw: string): Cell<string> {
  const v = raw.trim();
  if (isIsoDate(v)) return ok(v);
  const valid = (y: string, m: string | number, d: string) => {
    const iso = `${y}-${String(m).padStart(2, '0')}-${d.padStart(2, '0')}`;
    return isIsoDate(iso) ? iso : null;
  };
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  const ymd = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(v);
  // An optional weekday in front ("donderdag", "do.", "Thursday,").
  const long = /^(?:[a-z]+\.?,?\s+)?(\d{1,2})\.?\s+([a-z]+)\.?\s+(\d{4})$/.exec(v.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
  const iso = dmy ? valid(dmy[3], dmy[2], dmy[1]) : ymd ? valid(ymd[1], ymd[2], ymd[3]) : long && MONTHS.has(long[2]) ? valid(long[3], MONTHS.get(long[2])!, long[1]) : null;
  return iso ? ok(iso) : bad(`"${raw}" is geen datum (schrijf 31/12/2026, 31 december 2026 of 2026-12-31).`);
}

/**
 * A phone number as written, except one that lost its leading 0 because a spreadsheet held it as a number: eight
 * digits (a Belgian landline, 050 12 34 56) or nine starting with 4 (a mobile, 0470 12 34 56) get it back.
 */
export function readPhone(raw: string): string {
  const v = raw.trim();
  return /^(?:\d{8}|4\d{8})$/.test(v) ? `0${v}` : v;
}

/** A KBO number in any usual writing, normalised to its 10 digits; a wrong check digit is named. */
export function readKbo(raw: string): Cell<string> {
  const problem = kboProblem(raw);
  return problem ? bad(problem) : ok(normaliseKbo(raw)!);
}

/** What a graph tool writes in an edge's Type column: its direction. */
const DIRECTIONS = new Set(['directed', 'undirected', 'mixed', 'gericht', 'ongericht']);
/** Whether a cell holds the direction of an edge, as Gephi's edge table writes it in its Type column. */
export const isDirection = (raw: string): boolean => DIRECTIONS.has(normalise(raw));

/** The values an entry was chosen for in earlier imports (`props.aliases`): a list's own words for it. */
export const aliasesOf = (e: VocabEntry): string[] => (Array.isArray(e.props?.aliases) ? (e.props.aliases as unknown[]).filter((a): a is string => typeof a === 'string') : []);

/**
 * Finds codes by their code, Dutch or English label, ignoring case, accents and punctuation; then by what the user
 * chose for the value in this import; then by a value chosen for an entry in an earlier import (its aliases).
 */
export class CodeFinder {
  private readonly index = new Map<string, Map<string, string>>();
  private readonly aliasIndex = new Map<string, Map<string, string>>();

  constructor(private readonly vocab: Record<VocabKind, VocabEntry[]>) {}

  private of(kind: VocabKind): Map<string, string> {
    let m = this.index.get(kind);
    if (!m) {
      m = new Map();
      for (const e of this.vocab[kind]) for (const n of [e.code, e.nl, e.en]) if (!m.has(normalise(n))) m.set(normalise(n), e.code);
      this.index.set(kind, m);
    }
    return m;
  }

  private aliases(kind: VocabKind): Map<string, string> {
    let m = this.aliasIndex.get(kind);
    if (!m) {
      m = new Map();
      for (const e of this.vocab[kind]) for (const a of aliasesOf(e)) if (!m.has(normalise(a))) m.set(normalise(a), e.code);
      this.aliasIndex.set(kind, m);
    }
    return m;
  }

  /** The code of a code or label (not of a value chosen in an import). */
  code(kind: VocabKind, raw: string): string | null {
    return this.of(kind).get(normalise(raw)) ?? null;
  }

  /** The code a value stands for from an earlier import's choice (null: none, or it is a code or label itself). */
  remembered(kind: VocabKind, raw: string): string | null {
    const aliases = this.aliases(kind);
    if (!aliases.size) return null;
    const v = normalise(raw);
    return this.of(kind).has(v) ? null : (aliases.get(v) ?? null);
  }

  /** Whether some entry of the vocabulary has values chosen for it in earlier imports. */
  hasRemembered(kind: VocabKind): boolean {
    return this.aliases(kind).size > 0;
  }

  /**
   * One code: by its code or label, or as the user chose for the value (`chosen`: by the value normalised, a code or
   * label of the vocabulary), or as chosen in an earlier import.
   */
  one(kind: VocabKind, raw: string, noun: string, chosen?: ReadonlyMap<string, string>): Cell<string> {
    const v = normalise(raw);
    const code = this.of(kind).get(v) ?? (chosen?.has(v) ? this.of(kind).get(normalise(chosen.get(v)!)) : undefined) ?? this.aliases(kind).get(v);
    if (code) return ok(code);
    // Gephi's edge table has a Type column too, but it holds the direction of the edge.
    if (kind === 'agreementType' && DIRECTIONS.has(v)) return bad(`"${raw}" is de richting van een verbinding (zo schrijft Gephi ze), geen ${noun}. Kies bij de kolom "Eigen veld (bewaren)" of "Negeren".`);
    const near = this.vocab[kind].filter((e) => v && (normalise(e.nl).includes(v) || v.includes(normalise(e.nl)))).slice(0, 3);
    const hint = near.length ? ` Bedoelt u ${near.map((e) => `"${e.nl}"`).join(' of ')}?` : ' Kies wat de waarde wordt (bij "Waarden die Regiekaart niet kent"), of kies bij de kolom "Eigen veld (bewaren)".';
    return bad(`"${raw}" is geen ${noun}.${hint}`, raw.trim());
  }

  /** Several codes in one cell, separated by ; | or line breaks (and by commas where a part is not itself a label). */
  many(kind: VocabKind, raw: string, noun: string, chosen?: ReadonlyMap<string, string>): Cell<string[]> {
    const out: string[] = [];
    for (const part of splitList(raw)) {
      const whole = this.one(kind, part, noun, chosen);
      if (whole.ok) {
        out.push(whole.value);
        continue;
      }
      const pieces = part.split(',').map((p) => p.trim()).filter(Boolean);
      if (pieces.length < 2) return whole;
      for (const p of pieces) {
        const c = this.one(kind, p, noun, chosen);
        if (!c.ok) return c;
        out.push(c.value);
      }
    }
    return ok([...new Set(out)]);
  }
}

const SEPARATORS = /[;|\n\r]+/;

/** The parts of a list cell: separated by ; | or line breaks. */
export function splitList(raw: string): string[] {
  // Most cells hold one value (a party, a sector): no need to split.
  if (!SEPARATORS.test(raw)) {
    const v = raw.trim();
    return v ? [v] : [];
  }
  return raw
    .split(SEPARATORS)
    .map((s) => s.trim())
    .filter(Boolean);
}
