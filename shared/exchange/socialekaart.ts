import { z } from 'zod';
import type { RawSheet } from './csv';
import { parseJsonText } from './format';
import { ImportError, type ImportProblem } from './problems';

/**
 * One record of a Sociale Kaart extract, as the site's API pages it (`content[]`; fields per domain.md §7). Only
 * provider data is read: the extract holds no client data, and nothing else is kept.
 */
const Described = z.object({ description: z.string().nullish() }).passthrough().nullish();
const Contact = z.array(z.object({ value: z.string().nullish(), primary: z.boolean().nullish() }).passthrough()).nullish();
const RecordSchema = z
  .object({
    id: z.object({ id: z.union([z.string(), z.number()]), authenticSource: z.string().nullish() }).passthrough(),
    legalName: Described,
    type: z.string().nullish(),
    state: z.string().nullish(),
    verified: z.boolean().nullish(),
    addresses: z
      .array(
        z
          .object({
            primary: z.boolean().nullish(),
            street: z.object({ name: Described }).passthrough().nullish(),
            number: z.union([z.string(), z.number()]).nullish(),
            municipality: z.object({ postalCode: z.union([z.string(), z.number()]).nullish(), name: Described }).passthrough().nullish(),
          })
          .passthrough(),
      )
      .nullish(),
    contactInfo: z.object({ phones: Contact, emails: Contact, websites: Contact }).passthrough().nullish(),
    activities: z.unknown().optional(),
  })
  .passthrough();

/** The headers of the sheet a Sociale Kaart extract becomes; the importer maps them like any spreadsheet's. */
export const SOCIALE_KAART_COLUMNS = ['Sociale Kaart-id', 'Naam', 'Adres', 'Telefoon', 'E-mail', 'Website', 'Actief', 'Sociale Kaart bijgewerkt', 'Soort (Sociale Kaart)', 'Bron (Sociale Kaart)', 'Geverifieerd (Sociale Kaart)', 'Activiteiten (Sociale Kaart)'];

const primary = (list: z.infer<typeof Contact>) => (list ?? []).find((c) => c.primary)?.value ?? (list ?? [])[0]?.value ?? '';

/** Whether a parsed JSON value looks like a Sociale Kaart extract (a page with content[], or a list of records). */
export function isSocialeKaart(raw: unknown): boolean {
  const list = Array.isArray(raw) ? raw : (raw as { content?: unknown })?.content;
  return Array.isArray(list) && list.length > 0 && typeof list[0] === 'object' && list[0] !== null && 'legalName' in list[0];
}

/** Activities as readable text: strings, or objects with a name or description. */
function activitiesText(v: unknown): string {
  if (!Array.isArray(v)) return typeof v === 'string' ? v : '';
  return v
    .map((a) => (typeof a === 'string' ? a : String((a as { name?: unknown; description?: unknown })?.name ?? (a as { description?: unknown })?.description ?? '')))
    .filter(Boolean)
    .join('; ');
}

/** A downloaded Sociale Kaart extract (JSON) as one sheet of actors, dated `syncedOn`. */
export function readSocialeKaart(file: string, text: string, syncedOn: string): RawSheet {
  const raw = parseJsonText(file, text);
  const list: unknown[] | undefined = Array.isArray(raw) ? raw : (raw as { content?: unknown[] })?.content;
  if (!Array.isArray(list)) throw new ImportError(file, [{ where: '', message: 'dit is geen Sociale Kaart-extract: er is geen lijst "content" met voorzieningen.' }]);
  const problems: ImportProblem[] = [];
  const rows: string[][] = [SOCIALE_KAART_COLUMNS];
  list.forEach((item, i) => {
    const parsed = RecordSchema.safeParse(item);
    const name = parsed.success ? (parsed.data.legalName?.description ?? '').trim() : '';
    if (!parsed.success || !name) {
      problems.push({ where: `content[${i}]`, message: parsed.success ? 'de voorziening heeft geen naam (legalName.description).' : 'de voorziening heeft geen id (id.id).' });
      return;
    }
    const r = parsed.data;
    const address = (r.addresses ?? []).find((a) => a.primary) ?? (r.addresses ?? [])[0];
    const street = [address?.street?.name?.description, address?.number].filter((x) => x !== null && x !== undefined && x !== '').join(' ');
    const place = [address?.municipality?.postalCode, address?.municipality?.name?.description].filter((x) => x !== null && x !== undefined && x !== '').join(' ');
    const inactive = /inactie|inactive|stop|closed|gesloten|opgeheven/i.test(r.state ?? '');
    rows.push([
      String(r.id.id),
      name,
      [street, place].filter(Boolean).join(', '),
      primary(r.contactInfo?.phones),
      primary(r.contactInfo?.emails),
      primary(r.contactInfo?.websites),
      inactive ? 'nee' : 'ja',
      syncedOn,
      r.type ?? '',
      r.id.authenticSource ?? '',
      r.verified === null || r.verified === undefined ? '' : r.verified ? 'ja' : 'nee',
      activitiesText(r.activities),
    ]);
  });
  if (problems.length) throw new ImportError(file, problems);
  return { name: 'Sociale Kaart', rows };
}
