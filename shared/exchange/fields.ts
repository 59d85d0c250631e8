import type { VocabKind } from '../vocab';

/** The kinds of rows a spreadsheet can hold. */
export const TABLE_KINDS = ['actors', 'services', 'agreements'] as const;
export type TableKind = (typeof TABLE_KINDS)[number];
/** What an import plan brings in: the rows of a spreadsheet's kinds, and a graph file's partnerships and memberships. */
/**
 * What a group node of a graph file (yEd's group, a GEXF node with nodes inside) becomes: a partnership of the nodes
 * in it, an actor, or nothing (a group that only orders the drawing).
 */
export const GROUPS_AS = ['partnerships', 'actors', 'ignore'] as const;
export type GroupsAs = (typeof GROUPS_AS)[number];
export const PLAN_KINDS = [...TABLE_KINDS, 'partnerships', 'members'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
/** The kinds of rows an import's plan counts any of (created, updated, unchanged or with a problem), in order. */
export const plannedKinds = (summary: Record<PlanKind, Record<string, number>>): PlanKind[] => PLAN_KINDS.filter((k) => Object.values(summary[k]).some((n) => n > 0));

/** How a cell is read. */
export type FieldType =
  | { t: 'text' }
  | { t: 'code'; vocab: VocabKind }
  | { t: 'codes'; vocab: VocabKind }
  | { t: 'bool' }
  | { t: 'date' }
  | { t: 'kbo' }
  /** A phone number, as written (a leading 0 a spreadsheet dropped comes back: `readPhone`). */
  | { t: 'phone' }
  /** One actor, by id, KBO number or name. */
  | { t: 'actor' }
  /** Several actors in one cell, separated by ; or a line break. */
  | { t: 'actors' }
  /** Several texts in one cell (an actor's other names), separated by ; or a line break. */
  | { t: 'texts' };

/** One column a spreadsheet can fill: its Dutch and English header, other names it goes by, and how it is read. */
export interface FieldDef {
  key: string;
  nl: string;
  en: string;
  synonyms?: string[];
  type: FieldType;
  required?: boolean;
  /** The code a new row gets when the cell is empty (shown, and changeable, in the mapping step). */
  fallback?: string;
  /** An example value for the template. */
  example: string;
  /** Used by imports from other formats only: not in the template or in spreadsheet exports. */
  internal?: boolean;
  /**
   * Part of another field, which the import puts together (the address in columns of its own: street, number,
   * box, postcode, municipality): offered in the mapping step, but not in the template or in exports, which have
   * the whole field.
   */
  partOf?: string;
}

/** The fields of a kind that the template and the spreadsheet exports have as columns. */
export const templateFields = (kind: TableKind) => TABLE_FIELDS[kind].filter((f) => !f.internal && !f.partOf);

const text = { t: 'text' } as const;

/** The columns of each kind of sheet, in template order. */
export const TABLE_FIELDS: Record<TableKind, FieldDef[]> = {
  actors: [
    { key: 'name', nl: 'Naam', en: 'Name', synonyms: ['organisatie', 'organisation', 'organization', 'actor', 'partner', 'label', 'naam organisatie', 'naam van de organisatie', 'organisatienaam', 'naam partner', 'voorziening'], type: text, required: true, example: 'CAW Voorbeeldregio' },
    { key: 'type', nl: 'Type', en: 'Type', synonyms: ['soort', 'actortype', 'type actor'], type: { t: 'code', vocab: 'actorType' }, fallback: 'ANDERE', example: 'CAW (incl. JAC)' },
    { key: 'sectors', nl: 'Sectoren', en: 'Sectors', synonyms: ['sector'], type: { t: 'codes', vocab: 'sector' }, example: 'Welzijn' },
    { key: 'legalForm', nl: 'Rechtsvorm', en: 'Legal form', synonyms: ['juridische vorm', 'statuut'], type: { t: 'code', vocab: 'legalForm' }, fallback: 'PRIVATE_NONPROFIT', example: 'Privaat zonder winstoogmerk (vzw)' },
    { key: 'level', nl: 'Niveau', en: 'Level', synonyms: ['werkingsniveau'], type: { t: 'code', vocab: 'level' }, fallback: 'LOKAAL', example: 'Bovenlokaal' },
    { key: 'kbo', nl: 'KBO-nummer', en: 'Enterprise number', synonyms: ['kbo', 'ondernemingsnummer', 'kbonummer', 'kbo nr', 'kbo nummer', 'ondernemingsnr', 'enterprise number', 'btw', 'btw nummer', 'btw nr', 'vat', 'vat number'], type: { t: 'kbo' }, example: '0403.170.701' },
    { key: 'socialeKaartId', nl: 'Sociale Kaart-id', en: 'Sociale Kaart id', synonyms: ['sociale kaart', 'socialekaart id', 'sk id'], type: text, example: '' },
    { key: 'phone', nl: 'Telefoon', en: 'Phone', synonyms: ['tel', 'telefoonnummer', 'telephone', 'telnr', 'tel nr', 'gsm', 'gsm nummer', 'gsm nr', 'mobiel', 'phone number'], type: { t: 'phone' }, example: '050 12 34 56' },
    { key: 'email', nl: 'E-mail', en: 'Email', synonyms: ['email', 'mail', 'e-mailadres', 'emailadres', 'e-mail adres', 'mailadres', 'email address'], type: text, example: 'onthaal@caw.example' },
    { key: 'website', nl: 'Website', en: 'Website', synonyms: ['url', 'site', 'webstek', 'webpagina', 'webadres', 'internetadres', 'web'], type: text, example: 'https://caw.example' },
    { key: 'address', nl: 'Adres', en: 'Address', synonyms: ['adres hoofdzetel', 'volledig adres'], type: text, example: 'Stationsstraat 1, 8000 Voorbeeldstad' },
    // Many lists keep the address in columns of its own (as the Sociale Kaart and most address books do).
    { key: 'street', nl: 'Adres: straat', en: 'Address: street', synonyms: ['straat', 'straatnaam', 'street', 'straat en nummer', 'straat en huisnummer', 'straat nr'], type: text, example: '', partOf: 'address' },
    { key: 'houseNumber', nl: 'Adres: huisnummer', en: 'Address: house number', synonyms: ['huisnummer', 'huisnr', 'nummer', 'nr', 'number', 'house number', 'straatnummer'], type: text, example: '', partOf: 'address' },
    { key: 'box', nl: 'Adres: bus', en: 'Address: box', synonyms: ['bus', 'busnummer', 'busnr', 'box'], type: text, example: '', partOf: 'address' },
    { key: 'postcode', nl: 'Adres: postcode', en: 'Address: postcode', synonyms: ['postcode', 'postnummer', 'post code', 'postal code', 'zip', 'zip code'], type: text, example: '', partOf: 'address' },
    { key: 'municipality', nl: 'Adres: gemeente', en: 'Address: municipality', synonyms: ['gemeente', 'plaats', 'woonplaats', 'stad', 'city', 'municipality', 'plaatsnaam'], type: text, example: '', partOf: 'address' },
    { key: 'active', nl: 'Actief', en: 'Active', synonyms: ['actief ja nee'], type: { t: 'bool' }, example: 'ja' },
    { key: 'aliases', nl: 'Andere namen', en: 'Other names', synonyms: ['andere naam', 'alias', 'aliassen', 'aliases', 'ook gekend als', 'ook bekend als', 'afkorting', 'roepnaam', 'other name', 'also known as', 'aka'], type: { t: 'texts' }, example: 'CAW VR; CAW Regio' },
    { key: 'notes', nl: 'Opmerkingen', en: 'Notes', synonyms: ['opmerking', 'notities', 'beschrijving', 'omschrijving', 'description'], type: text, example: '' },
    { key: 'id', nl: 'Id', en: 'Id', synonyms: ['regiekaart id', 'code'], type: text, example: '' },
    /** When the actor was last brought in line with the Sociale Kaart (set by a Sociale Kaart import). */
    { key: 'socialeKaartSyncedAt', nl: 'Sociale Kaart bijgewerkt', en: 'Sociale Kaart synced', type: { t: 'date' }, example: '', internal: true },
    /** A node's id in a GraphML or GEXF file: the file's edges name it; it is not stored. */
    { key: 'ref', nl: 'Knoop-id', en: 'Node id', type: text, example: '', internal: true },
    // Written by exports of a merged map (which maps an actor is in); provenance is set by merging, not by a column.
    { key: 'origin', nl: 'Herkomst', en: 'Origin', type: text, example: '', internal: true },
  ],
  services: [
    { key: 'name', nl: 'Naam', en: 'Name', synonyms: ['dienst', 'aanbod', 'service'], type: text, required: true, example: 'Onthaal en eerste opvang' },
    { key: 'providerId', nl: 'Aanbieder', en: 'Provider', synonyms: ['organisatie', 'actor', 'aangeboden door', 'provider'], type: { t: 'actor' }, required: true, example: 'CAW Voorbeeldregio' },
    { key: 'lifeDomains', nl: 'Levensdomeinen', en: 'Life domains', synonyms: ['levensdomein', 'domein', 'domeinen'], type: { t: 'codes', vocab: 'lifeDomain' }, example: 'Welzijn; Wonen' },
    { key: 'targetGroups', nl: 'Doelgroepen', en: 'Target groups', synonyms: ['doelgroep'], type: { t: 'codes', vocab: 'targetGroup' }, example: 'Kwetsbare burgers' },
    { key: 'outreach', nl: 'Outreachend', en: 'Outreach', synonyms: ['outreach', 'aanklampend'], type: { t: 'bool' }, example: 'nee' },
    { key: 'active', nl: 'Actief', en: 'Active', type: { t: 'bool' }, example: 'ja' },
    { key: 'notes', nl: 'Opmerkingen', en: 'Notes', synonyms: ['opmerking', 'beschrijving', 'omschrijving'], type: text, example: '' },
    { key: 'id', nl: 'Id', en: 'Id', type: text, example: '' },
  ],
  agreements: [
    // Not required: a row without one is named after its parties, as a graph file's edge is (Kumu needs only From and To).
    { key: 'title', nl: 'Titel', en: 'Title', synonyms: ['naam', 'afspraak', 'name', 'onderwerp', 'label'], type: text, example: 'Samenwerking onthaal Sociaal Huis' },
    { key: 'type', nl: 'Type', en: 'Type', synonyms: ['soort', 'soort afspraak'], type: { t: 'code', vocab: 'agreementType' }, fallback: 'SAMENWERKINGSOVEREENKOMST', example: 'Samenwerkingsovereenkomst' },
    { key: 'parties', nl: 'Partijen', en: 'Parties', synonyms: ['partners', 'partner', 'partij', 'van', 'naar', 'from', 'to', 'source', 'target', 'bron', 'doel'], type: { t: 'actors' }, required: true, example: 'OCMW Voorbeeldstad; CAW Voorbeeldregio' },
    { key: 'status', nl: 'Status', en: 'Status', type: { t: 'code', vocab: 'agreementStatus' }, fallback: 'ACTIEF', example: 'Actief' },
    { key: 'startDate', nl: 'Begindatum', en: 'Start date', synonyms: ['start', 'vanaf', 'begin'], type: { t: 'date' }, example: '2025-01-01' },
    { key: 'endDate', nl: 'Einddatum', en: 'End date', synonyms: ['einde', 'tot', 'eind'], type: { t: 'date' }, example: '2027-12-31' },
    { key: 'reviewDate', nl: 'Evaluatiedatum', en: 'Review date', synonyms: ['evaluatie', 'herziening', 'review'], type: { t: 'date' }, example: '2026-06-30' },
    { key: 'lifeDomains', nl: 'Levensdomeinen', en: 'Life domains', synonyms: ['levensdomein', 'domein'], type: { t: 'codes', vocab: 'lifeDomain' }, example: 'Welzijn' },
    { key: 'targetGroups', nl: 'Doelgroepen', en: 'Target groups', synonyms: ['doelgroep'], type: { t: 'codes', vocab: 'targetGroup' }, example: 'Brede doelgroep (alle burgers)' },
    { key: 'documentReference', nl: 'Documentreferentie', en: 'Document reference', synonyms: ['document', 'referentie', 'kenmerk'], type: text, example: 'SO-2025-014' },
    { key: 'notes', nl: 'Opmerkingen', en: 'Notes', synonyms: ['opmerking', 'beschrijving', 'omschrijving', 'description'], type: text, example: '' },
    { key: 'id', nl: 'Id', en: 'Id', type: text, example: '' },
  ],
};

/** A second example actor for the template, so the example agreement has two parties in the file. */
export const SECOND_EXAMPLE_ACTOR: Record<string, string> = {
  name: 'OCMW Voorbeeldstad',
  type: 'OCMW / sociale dienst',
  sectors: 'Welzijn',
  legalForm: 'Publiek',
  level: 'Lokaal',
  kbo: '',
  email: 'sociale.dienst@voorbeeldstad.example',
  website: '',
  phone: '',
  address: 'Markt 1, 8000 Voorbeeldstad',
  aliases: 'Sociale dienst Voorbeeldstad',
};

/** The Dutch sheet names of the template, and other names a sheet of that kind may have. */
export const SHEET_NAMES: Record<TableKind, string[]> = {
  // Kumu's export calls them Elements and Connections.
  actors: ['actoren', 'actors', 'organisaties', 'partners', 'nodes', 'knopen', 'elements', 'elementen'],
  services: ['diensten', 'services', 'aanbod'],
  agreements: ['afspraken', 'agreements', 'relaties', 'edges', 'verbindingen', 'samenwerkingen', 'connections', 'connecties'],
};

/**
 * Sheets that are read by people, not imported: those an xlsx export adds for reading (partnerships, memberships,
 * gaps) and the template's explanation. They hold a "Naam" or "Titel" too, so their headers alone would make them
 * actors or agreements.
 */
const INFO_SHEET_NAMES = ['samenwerkingsverbanden', 'lidmaatschappen', 'lacunes', 'uitleg'];
export const isInfoSheet = (sheetName: string): boolean => INFO_SHEET_NAMES.includes(normalise(sheetName));

/** Lower case, no accents, punctuation as single spaces: "E-mail " and "email" meet, as do "Café" and "cafe". */
export function normalise(s: string): string {
  // Plain ASCII (most names and labels) has no accents to take off, and its letters and digits are a-z and 0-9:
  // the same result without Unicode decomposition, three times as fast (an import normalises every name it meets).
  if (ASCII.test(s)) return s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return normaliseUnicode(s);
}
const ASCII = /^\p{ASCII}*$/u;

/**
 * An actor's other names as kept: trimmed, each once (as normalised), without its own name or empty ones, in the
 * order given ("CAW O-Vl; caw o vl; CAW Oost-Vlaanderen" for "CAW Oost-Vlaanderen" keeps "CAW O-Vl").
 */
export function otherNames(name: string, aliases: readonly string[]): string[] {
  const seen = new Set([normalise(name)]);
  const out: string[] = [];
  for (const raw of aliases) {
    const a = raw.trim();
    const n = normalise(a);
    if (!n || seen.has(n)) continue;
    seen.add(n);
    out.push(a);
  }
  return out;
}

/** `normalise` for any text (exported for the test that holds the ASCII shortcut to it). */
export function normaliseUnicode(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Headers that are a house number only beside a street ("Straat", "Nr"). */
const BARE_NUMBER = new Set(['nr', 'nummer', 'number', 'no']);

/** What to do with a column: fill a field, keep it as a custom field (actors, agreements), or ignore it. */
export type ColumnTarget = string | 'custom' | 'ignore';

/** The field each header most likely fills; unknown headers are kept as custom fields where the kind has them. */
export function suggestColumns(kind: TableKind, headers: readonly string[]): Record<string, ColumnTarget> {
  const byName = new Map<string, string>();
  for (const f of TABLE_FIELDS[kind]) for (const n of [f.key, f.nl, f.en, ...(f.synonyms ?? [])]) if (!byName.has(normalise(n))) byName.set(normalise(n), f.key);
  const out: Record<string, ColumnTarget> = {};
  const used = new Set<string>();
  headers.forEach((h, i) => {
    // "Partner 1", "Partij 2": a numbered column is its field.
    let key = byName.get(normalise(h)) ?? byName.get(normalise(h).replace(/\s*\d+$/, ''));
    // "Nr" is a house number right after the street; elsewhere it is something else (a list's running number).
    if (key === 'houseNumber' && BARE_NUMBER.has(normalise(h)) && out[headers[i - 1]] !== 'street') key = undefined;
    // A field is filled by one column, except the parties of an agreement (Partij 1, Partij 2…).
    if (key && (!used.has(key) || key === 'parties')) {
      out[h] = key;
      used.add(key);
    } else out[h] = kind === 'services' ? 'ignore' : 'custom';
  });
  // A number or box with no street beside it is something else ("Nr": the list's own running number).
  if (!used.has('street')) for (const h of headers) if (out[h] === 'houseNumber' || out[h] === 'box') out[h] = 'custom';
  return out;
}

/** How many rows from the top a sheet's header is looked for in (a title, a date, an empty line above it). */
export const HEADER_SEARCH_ROWS = 10;

/** How many of a row's cells some kind of rows knows as the header of one of its fields. */
function knownHeaders(row: readonly string[]): number {
  const cells = row.map((c) => c.trim()).filter(Boolean);
  if (!cells.length) return 0;
  return Math.max(...TABLE_KINDS.map((k) => Object.values(suggestColumns(k, cells)).filter((c) => c !== 'custom' && c !== 'ignore').length));
}

/**
 * Where a sheet's header is (0 for its first row). The first row, unless a row below it among the top rows names
 * more known fields, at least two (one may be a value that reads like a header, as "Type" in a list of fields).
 * Where the first row names none and no row below names two, the first row with two cells filled (a title fills one).
 */
export function findHeaderRow(rows: readonly (readonly string[])[]): number {
  const top = rows.slice(0, HEADER_SEARCH_ROWS);
  const known = top.map(knownHeaders);
  let best = 0;
  known.forEach((n, i) => {
    if (n >= 2 && n > known[best]) best = i;
  });
  if (known[best] > 0) return best;
  return Math.max(top.findIndex((r) => r.filter((c) => c.trim()).length >= 2), 0);
}

/** The kind of a sheet, from its name or else from how many of its headers each kind knows. */
export function detectKind(sheetName: string, headers: readonly string[]): TableKind | null {
  const name = normalise(sheetName);
  if (isInfoSheet(sheetName)) return null;
  const byName = TABLE_KINDS.find((k) => SHEET_NAMES[k].includes(name));
  if (byName) return byName;
  let best: TableKind | null = null;
  let score = 0;
  for (const kind of TABLE_KINDS) {
    const cols = suggestColumns(kind, headers);
    const known = Object.values(cols).filter((c) => c !== 'custom' && c !== 'ignore');
    const hasRequired = TABLE_FIELDS[kind].filter((f) => f.required).every((f) => known.includes(f.key));
    const s = hasRequired ? known.length + 1 : 0;
    if (s > score) [best, score] = [kind, s];
  }
  return best;
}
