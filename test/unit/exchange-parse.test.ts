import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../shared/exchange/decode';
import { parseExchangeDocument } from '../../shared/exchange/format';
import { ImportError } from '../../shared/exchange/problems';
import { referenceProblems } from '../../shared/exchange/refs';
import { graphProblems, readGexf, readGraphml } from '../../shared/exchange/graph';
import { readCsv } from '../../shared/exchange/csv';
import { readDate } from '../../shared/exchange/cells';
import { readKumu } from '../../shared/exchange/kumu';

/** Runs a parser and says how it ended: a value, or an ImportError; anything else fails the property. */
function outcome<T>(fn: () => T): { ok: true; value: T } | { ok: false; error: ImportError } {
  try {
    return { ok: true, value: fn() };
  } catch (err) {
    if (err instanceof ImportError) return { ok: false, error: err };
    throw err;
  }
}

describe('the CSV reader', () => {
  it('finds the separator of a short list of two columns, with or without a line break after the last row', () => {
    for (const text of ['Naam;Type\nSportclub De Pijl;Sportclub\n', 'Naam;Type\r\nSportclub De Pijl;Sportclub\r\n\r\n', 'Naam;Type\nSportclub De Pijl;Sportclub', 'Naam,Type\nA,B\nC,D\n']) {
      expect(readCsv('x.csv', text).rows.map((r) => r.length)).toEqual(text.includes('C,D') ? [2, 2, 2] : [2, 2]);
    }
    // A line break inside the last, quoted cell stays.
    expect(readCsv('x.csv', 'Naam;Opmerking\nA;"twee\nregels"\n').rows[1]).toEqual(['A', 'twee\nregels']);
  });
});

describe('a date cell', () => {
  it('reads Belgian and ISO dates, and the long dates Excel writes in Dutch or English; an impossible one is refused', () => {
    const read = (v: string) => {
      const r = readDate(v);
      return r.ok ? r.value : null;
    };
    expect(['31/12/2026', '1/9/2026', '31-12-2026', '31.12.2026', '2026-12-31', '2026/12/31'].map(read)).toEqual(['2026-12-31', '2026-09-01', '2026-12-31', '2026-12-31', '2026-12-31', '2026-12-31']);
    expect(['31 december 2026', '31 dec. 2026', 'donderdag 31 december 2026', 'do. 31 dec 2026', 'Thursday, 31 December 2026', '5 Maart 2027', '1 mei 2026', '15 okt 2026'].map(read)).toEqual(['2026-12-31', '2026-12-31', '2026-12-31', '2026-12-31', '2026-12-31', '2027-03-05', '2026-05-01', '2026-10-15']);
    expect(['31 februari 2026', '31 foo 2026', '2026/13/01', '31/12/26', '12/31/2026'].map(read)).toEqual([null, null, null, null, null]);
    expect(readDate('31/12/26')).toEqual({ ok: false, message: '"31/12/26" is geen datum (schrijf 31/12/2026, 31 december 2026 of 2026-12-31).' });
  });
});

describe('import parsers (property tests)', () => {
  it('strict UTF-8: any bytes either decode exactly as the standard decoder does, or are refused with the line of the bad byte', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const r = outcome(() => decodeUtf8('x.csv', bytes));
        const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
        if (r.ok) {
          expect(r.value).toBe(new TextDecoder('utf-8', { ignoreBOM: true }).decode(body));
        } else {
          const line = Number(/regel (\d+)/.exec(r.error.message)?.[1] ?? 1);
          const lines = body.filter((b) => b === 0x0a).length + 1;
          expect(line).toBeGreaterThanOrEqual(1);
          expect(line).toBeLessThanOrEqual(lines);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('strict UTF-8: every text survives encoding and decoding, with or without a byte-order mark', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.boolean(), (text, bom) => {
        const bytes = new TextEncoder().encode(text);
        const input = bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]) : bytes;
        expect(decodeUtf8('x.json', input)).toBe(text);
        // Only one mark is taken off: a text that itself starts with U+FEFF keeps it.
        expect(decodeUtf8('x.json', new TextEncoder().encode(`\uFEFF${text}`))).toBe(text);
        expect(decodeUtf8('x.json', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(`\uFEFF${text}`)]))).toBe(`\uFEFF${text}`);
      }),
    );
  });

  it('the JSON reader never fails other than with an ImportError, whatever the text or the JSON value', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => void outcome(() => parseExchangeDocument('x.json', text))), { numRuns: 1000 });
    const document = fc.record({
      format: fc.constantFrom('regiekaart', 'iets anders'),
      formatVersion: fc.oneof(fc.constant(1), fc.integer(), fc.string()),
      meta: fc.oneof(fc.record({ title: fc.string() }), fc.jsonValue()),
      actors: fc.oneof(fc.array(fc.record({ id: fc.string({ maxLength: 3 }), name: fc.string() }), { maxLength: 5 }), fc.jsonValue()),
      agreements: fc.oneof(fc.array(fc.jsonValue(), { maxLength: 3 }), fc.jsonValue()),
      positions: fc.oneof(fc.array(fc.jsonValue(), { maxLength: 3 }), fc.jsonValue()),
    });
    fc.assert(
      fc.property(document, (doc) => {
        const r = outcome(() => parseExchangeDocument('x.json', JSON.stringify(doc)));
        if (!r.ok) expect(r.error.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('reports exactly the references that point to no id, each once, with its place', () => {
    const ids = fc.constantFrom('A1', 'A2', 'A3', 'A4');
    fc.assert(
      fc.property(fc.uniqueArray(ids, { maxLength: 3 }), fc.array(fc.record({ id: fc.string({ minLength: 1, maxLength: 2 }), providerId: ids }), { maxLength: 6 }), (actorIds, services) => {
        const uniqueServices = services.filter((s, i) => services.findIndex((t) => t.id === s.id) === i);
        const problems = referenceProblems({ actors: actorIds.map((id) => ({ id })), services: uniqueServices });
        const expected = uniqueServices.flatMap((s, i) => (actorIds.includes(s.providerId) ? [] : [`services[${i}] (${s.id}).providerId`]));
        expect(problems.map((p) => p.where)).toEqual(expected);
      }),
    );
  });

  it('the GraphML, GEXF and CSV readers never fail other than with an ImportError, on any text or jumble of their own tags', () => {
    const fragment = fc.constantFrom('<graphml>', '</graphml>', '<graph>', '</graph>', '<node id="a">', '<node id="b"/>', '</node>', '<edge source="a" target="b"/>', '<data key="d0">x</data>', '<key id="d0" for="node" attr.name="naam"/>', '<gexf>', '</gexf>', '<nodes>', '</nodes>', '<edges>', '</edges>', '<attvalue for="0" value="v"/>', '<!DOCTYPE x>', '&amp;', '&#233;', '"', ';', '\n');
    const texts = fc.oneof(fc.string({ maxLength: 120 }), fc.array(fragment, { maxLength: 25 }).map((xs) => xs.join('')));
    fc.assert(
      fc.property(texts, (text) => {
        for (const read of [readGraphml, readGexf]) {
          const r = outcome(() => read('x.xml', text));
          if (r.ok) {
            // Whatever was read can be checked for duplicate ids and dangling edges without failing.
            expect(Array.isArray(graphProblems(r.value))).toBe(true);
          }
        }
        void outcome(() => readCsv('x.csv', text));
      }),
      { numRuns: 1500 },
    );
    // Found by this property one run in a few dozen: the XML validator lets it through, the parser throws.
    for (const read of [readGraphml, readGexf]) expect(outcome(() => read('x.xml', '<A/')).ok).toBe(false);
  });

  it('the Kumu reader never fails other than with an ImportError; what it reads has unique ids and edges between its nodes', () => {
    const name = fc.constantFrom('A', 'B', 'e1', '', ' ');
    const item = fc.oneof(
      fc.record({ id: fc.option(fc.oneof(name, fc.integer()), { nil: undefined }), label: fc.option(fc.oneof(name, fc.integer(), fc.jsonValue()), { nil: undefined }), type: fc.option(fc.jsonValue(), { nil: undefined }), tags: fc.option(fc.array(fc.jsonValue(), { maxLength: 3 }), { nil: undefined }) }),
      fc.record({ _id: name, attributes: fc.oneof(fc.record({ label: name, 'element type': fc.string() }), fc.jsonValue()) }),
      fc.jsonValue(),
    );
    const end = fc.oneof(name, fc.array(name, { maxLength: 3 }), fc.jsonValue());
    const blueprint = fc.record({ elements: fc.oneof(fc.array(item, { maxLength: 6 }), fc.jsonValue()), connections: fc.oneof(fc.array(fc.oneof(fc.record({ from: end, to: end, label: fc.option(name, { nil: undefined }) }), fc.jsonValue()), { maxLength: 5 }), fc.constant(undefined)) });
    fc.assert(
      fc.property(fc.oneof(blueprint, fc.jsonValue()), (v) => {
        const r = outcome(() => readKumu('k.json', JSON.stringify(v) ?? ''));
        if (r.ok) expect(graphProblems(r.value)).toEqual([]);
      }),
      { numRuns: 1500 },
    );
  });
});
