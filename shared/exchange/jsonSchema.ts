import { z } from 'zod';
import { EXCHANGE_FORMAT_VERSION, EXCHANGE_SCHEMA_FILE, ExchangeDocumentSchema } from './format';

/** What each top-level field holds, for readers of the schema file. */
const FIELDS: Record<string, string> = {
  format: 'Always "regiekaart".',
  formatVersion: 'The format version; a reader refuses versions newer than it knows.',
  meta: 'Title, municipality, the area that is the municipality, the reference date of the data.',
  vocab: 'The document’s vocabularies (actor types, sectors, life domains, …), defaults and own entries, Dutch and English labels.',
  areas: 'Areas (wards, municipalities, primary care zones) with the areas they lie in.',
  actors: 'Organisations in the network. aliases are other names it goes by (imports find it by them), kbo is the 10-digit enterprise number, socialeKaartId the Sociale Kaart record id; custom keeps fields from other tools.',
  orgUnits: 'Departments and decision bodies inside an actor.',
  functions: 'Job roles (never persons) inside an actor.',
  services: 'What an actor offers, to which target groups, in which life domains and areas.',
  partnerships: 'Partnerships and networks (GBO, zorgraad, Huis van het Kind).',
  members: 'Memberships of actors in partnerships.',
  agreements: 'Agreements between parties: type, status, dates, decision, document, finance, conditions.',
  roles: 'Who holds which role (regisseur, actor, chair) in which network.',
  governanceModels: 'Beheersmodellen: how the local government keeps its roles as actor and regisseur apart.',
  gaps: 'The gap register (recorded by people), with status and owner.',
  meetings: 'Meetings of consultation bodies with their agenda items.',
  mitigations: 'Measures recorded against role-conflict and gap findings.',
  checkSettings: 'The document’s settings for the checks, or null for the defaults.',
  reportSettings: 'The report builder’s last choices, or null.',
  views: 'Saved views (filters); STANDAARD is the working map.',
  positions: 'Where each map node is drawn in each view.',
  changeLog: 'The change log, oldest first: who changed what when, with the value before and after.',
  exportedAt: 'When the file was written (ignored on import).',
  generator: 'The program that wrote the file (ignored on import).',
  $schema: 'The schema this file follows.',
};

/** The JSON Schema (draft 2020-12) of the exchange format, generated from the zod schemas the import uses. */
export function exchangeJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ExchangeDocumentSchema, { io: 'input', unrepresentable: 'any' }) as { properties: Record<string, Record<string, unknown>> } & Record<string, unknown>;
  for (const [key, text] of Object.entries(FIELDS)) if (schema.properties[key]) schema.properties[key] = { description: text, ...schema.properties[key] };
  return {
    $schema: schema.$schema,
    $id: EXCHANGE_SCHEMA_FILE,
    title: `Regiekaart document, JSON format version ${EXCHANGE_FORMAT_VERSION}`,
    description:
      'A whole Regiekaart network map (decree on local social policy, Flanders) for backups and exchange between municipalities. ' +
      'Ids are unique per list and every reference points to an id in the same file. Dates are YYYY-MM-DD. Codes come from the vocabularies in vocab.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}
