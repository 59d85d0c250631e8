import type { NetworkData } from '../model';
import { vocabLabel, type VocabEntry, type VocabKind } from '../vocab';

/**
 * The sheets an xlsx export adds for reading, beside the actors, services and agreements it can import back: the
 * partnerships (the GBO, the zorgraad …), who is a member of which, and the gap register, as a council note or a
 * zorgraad meeting wants them in a spreadsheet. An import recognises them by name and leaves them out (see
 * `INFO_SHEET_NAMES`): their rows are made and changed in the map, not from a list.
 */
export const INFO_SHEETS = ['Samenwerkingsverbanden', 'Lidmaatschappen', 'Lacunes'] as const;

/** How spreadsheet exports write a code (its Dutch label), a list of codes ("Wonen; Welzijn") and yes/no. */
export function cellWords(vocab: Record<VocabKind, VocabEntry[]>) {
  const label = (k: VocabKind, code: string | null) => (code ? vocabLabel(vocab, k, code, 'nl') : '');
  return { label, labels: (k: VocabKind, codes: readonly string[]) => codes.map((c) => label(k, c)).join('; '), yes: (b: boolean) => (b ? 'ja' : 'nee') };
}

export function infoSheets(data: NetworkData, vocab: Record<VocabKind, VocabEntry[]>): { name: string; rows: string[][] }[] {
  const { label, labels, yes } = cellWords(vocab);
  const actor = new Map(data.actors.map((a) => [a.id, a.name]));
  const actorName = (id: string | null) => (id ? (actor.get(id) ?? id) : '');
  const area = new Map(data.areas.map((a) => [a.id, a.name]));
  const areaName = (id: string | null) => (id ? (area.get(id) ?? id) : '');
  const partnership = new Map(data.partnerships.map((p) => [p.id, p.name]));
  const agreement = new Map(data.agreements.map((a) => [a.id, a.title]));
  const members = new Map<string, number>();
  for (const m of data.members) members.set(m.partnershipId, (members.get(m.partnershipId) ?? 0) + 1);
  const byName = <T>(xs: readonly T[], name: (x: T) => string) => [...xs].sort((a, b) => name(a).localeCompare(name(b), 'nl'));
  return [
    {
      name: INFO_SHEETS[0],
      rows: [
        ['Naam', 'Soort', 'Eigen actor', 'Trekker', 'Werkingsgebied', 'Levensdomeinen', 'Doelgroepen', 'Actief', 'Leden', 'Opmerkingen', 'Id'],
        ...byName(data.partnerships, (p) => p.name).map((p) => [
          p.name,
          label('partnershipKind', p.kind),
          actorName(p.actorId),
          actorName(p.leadActorId),
          areaName(p.areaId),
          labels('lifeDomain', p.lifeDomains),
          labels('targetGroup', p.targetGroups),
          yes(p.active),
          String(members.get(p.id) ?? 0),
          p.notes ?? '',
          p.id,
        ]),
      ],
    },
    {
      name: INFO_SHEETS[1],
      rows: [
        ['Samenwerkingsverband', 'Actor', 'Rol', 'Cluster', 'Sinds', 'Tot'],
        ...byName(data.members, (m) => `${partnership.get(m.partnershipId) ?? ''}\u0000${actorName(m.actorId)}`).map((m) => [
          partnership.get(m.partnershipId) ?? m.partnershipId,
          actorName(m.actorId),
          label('partyRole', m.role),
          m.cluster ?? '',
          m.since ?? '',
          m.until ?? '',
        ]),
      ],
    },
    {
      name: INFO_SHEETS[2],
      rows: [
        ['Titel', 'Ernst', 'Status', 'Toelichting status', 'Levensdomeinen', 'Doelgroepen', 'Werkingsgebied', 'Eigenaar', 'Actoren', 'Afspraken', 'Vastgesteld op', 'Beschrijving', 'Regel', 'Id'],
        ...data.gaps.map((g) => [
          g.title,
          label('severity', g.severity),
          label('gapStatus', g.status),
          g.statusNote ?? '',
          labels('lifeDomain', g.lifeDomains),
          labels('targetGroup', g.targetGroups),
          areaName(g.areaId),
          g.owner ?? '',
          g.actorIds.map(actorName).join('; '),
          g.agreementIds.map((id) => agreement.get(id) ?? id).join('; '),
          g.recordedOn ?? '',
          g.description,
          g.ruleId ?? '',
          g.id,
        ]),
      ],
    },
  ];
}
