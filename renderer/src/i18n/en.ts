import type { nl } from './nl';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** English: same keys as Dutch (checked by the type). */
export const en: Shape<typeof nl> = {
  app: { title: 'Regiekaart' },
  toolbar: { new: 'New', open: 'Open', demo: 'Voorbeeldstad', saveCopy: 'Save a copy', recent: 'Recent', language: 'Language', file: 'File' },
  readOnly: 'Read-only',
  counts: '{{actors}} actors · {{agreements}} agreements · {{gaps}} gaps',
  actors: { heading: 'Actors', filter: 'Find actor', count_one: '{{count}} actor', count_other: '{{count}} actors', none: 'No actors found.' },
  map: { label: 'Network map', fit: 'Show all' },
  legend: { heading: 'Legend', sectors: 'Colour: sector', forms: 'Shape: legal form', lines: 'Lines', agreement: 'Agreement', concept: 'Draft / in negotiation', informal: 'Informal / signal', member: 'Member of partnership', hub: 'Partnership (hub)' },
  inspector: {
    heading: 'Details',
    empty: 'Choose an actor on the map or in the list.',
    type: 'Type',
    sectors: 'Sectors',
    legalForm: 'Legal form',
    level: 'Level',
    area: 'Service area',
    controlledBy: 'Controlled by',
    kbo: 'Enterprise number (KBO)',
    socialeKaart: 'Sociale Kaart id',
    notes: 'Notes',
    services: 'Services',
    agreements: 'Agreements',
    partnerships: 'Partnerships',
    roles: 'Roles',
    outreach: 'outreach',
    none: 'None.',
    with: 'with',
  },
  dialog: { openTitle: 'Open network map', newTitle: 'New network map', copyTitle: 'Save a copy', path: 'File path', title: 'Title', municipality: 'Municipality', ok: 'OK', cancel: 'Cancel', recent: 'Recently opened', missing: 'not found' },
  status: { copySaved: 'Copy saved: {{path}}', opened: '{{name}} opened' },
  loading: 'Loading…',
  error: 'Error',
};
