import { needsAction, runChecks, type Finding } from '../checks';
import { coverage } from '../checks/coverage';
import { filterNetwork, type Visible } from '../graph/filter';
import { networkElements, type MapElements } from '../graph/elements';
import { referenceDate, reviewState } from '../graph/review';
import { mergedSources, originLabel, type ChangeEntry, type NetworkData, type View } from '../model';
import { vocabLabel, type VocabEntry, type VocabKind } from '../vocab';
import type { ReportOptions } from './options';
import { esc, legendHtml, mapSvg, type Point } from './svg';
import { reportText, showDate } from './text';

type Vocab = Record<VocabKind, VocabEntry[]>;
type T = ReturnType<typeof reportText>;

export interface ReportInput {
  data: NetworkData;
  vocab: Vocab;
  options: ReportOptions;
  /** The view that scopes the report (its filters); null for the whole network. */
  view: View | null;
  /** Where each map node is drawn (the view's positions, completed by a layout where missing). */
  positions: ReadonlyMap<string, Point>;
  /** Change-log entries from `options.changesSince` on, newest first. */
  changes: ChangeEntry[];
  /** When the report is made (ISO); the cover prints it. */
  generatedAt: string;
}

/** The actors, agreements and partnerships a view shows; everything when there is no view. */
export function scopeOf(data: NetworkData, view: View | null): Visible {
  return view ? filterNetwork(data, view.filters) : { actors: new Set(data.actors.map((a) => a.id)), agreements: new Set(data.agreements.map((a) => a.id)), partnerships: new Set(data.partnerships.map((p) => p.id)) };
}

/** The map elements within the scope: its actors, its partnerships' hubs, its agreements and the members between. */
export function scopedElements(data: NetworkData, vocab: Vocab, scope: Visible): MapElements {
  const all = networkElements(data, vocab);
  const nodes = all.nodes.filter((n) => (n.kind === 'actor' ? scope.actors.has(n.id) : n.kind === 'agreement' ? scope.agreements.has(n.id.slice('agreement:'.length)) : scope.partnerships.has(n.id.slice('partnership:'.length))));
  const ids = new Set(nodes.map((n) => n.id));
  const edges = all.edges.filter((e) => ids.has(e.source) && ids.has(e.target) && (e.kind === 'member' || scope.agreements.has(e.id.split(':')[1])));
  return { nodes, edges };
}

/**
 * Whether a change-log entry belongs in a report scoped to a view: changes to actors, agreements and what hangs
 * under an actor only when that actor (or agreement) is in the view, gaps as in the register section; a thing no longer
 * there cannot be placed and is left out. Changes to areas, meetings, views and settings concern the whole document.
 */
function changeInScope(c: ChangeEntry, data: NetworkData, scope: Visible): boolean {
  const owner = (list: { id: string; actorId?: string | null; providerId?: string }[]) => {
    const x = list.find((o) => o.id === c.entityId);
    const actor = x && (x.actorId ?? x.providerId);
    return !!actor && scope.actors.has(actor);
  };
  switch (c.entity) {
    case 'actor':
      return scope.actors.has(c.entityId);
    case 'agreement':
      return scope.agreements.has(c.entityId);
    case 'partnership':
      return scope.partnerships.has(c.entityId);
    case 'service':
      return owner(data.services);
    case 'member':
      return owner(data.members);
    case 'orgUnit':
      return owner(data.orgUnits);
    case 'function':
      return owner(data.functions);
    case 'role':
      return owner(data.roles);
    case 'governanceModel':
      return owner(data.governanceModels);
    case 'mitigation':
      return owner(data.mitigations);
    case 'gap': {
      // As in the register section: a gap belongs when every actor it names does.
      const gap = data.gaps.find((g) => g.id === c.entityId);
      return !!gap && gap.actorIds.every((id) => scope.actors.has(id));
    }
    default:
      return true;
  }
}

/** Up to this many changes of one kind at one moment are listed one by one; more are counted. */
const GROUP_LISTS = 5;

/** The name in a change summary (`actor "X" toegevoegd` gives X). */
const quoted = (summary: string) => /"(.*)"/.exec(summary)?.[1] ?? summary;

/**
 * The change log as a reader wants it: changes of the same kind, by the same person, in the same minute and of the
 * same operation in one row (an import of 300 actors is one line, not 300), newest first.
 */
function groupChanges(changes: ChangeEntry[]): { at: string; author: string; entity: string; entries: ChangeEntry[] }[] {
  const out: { at: string; author: string; entity: string; entries: ChangeEntry[] }[] = [];
  for (const c of changes) {
    const last = out.at(-1);
    if (last && last.author === c.author && last.entity === c.entity && last.entries[0].op === c.op && last.at.slice(0, 16) === c.at.slice(0, 16)) last.entries.push(c);
    else out.push({ at: c.at, author: c.author, entity: c.entity, entries: [c] });
  }
  return out;
}

/** Print styles: A4, running header and footer with page x of y, headers repeated, rows kept whole. */
function css(o: ReportOptions, header: string, date: string, t: T): string {
  const q = (s: string) => `"${s.replace(/["\\]/g, '\\$&')}"`;
  return `
@page { size: A4 ${o.orientation}; margin: 18mm 14mm 16mm 14mm;
  @top-left { content: ${q(header)}; font: 8pt 'DejaVu Sans', sans-serif; color: #555; }
  @top-right { content: ${q(date)}; font: 8pt 'DejaVu Sans', sans-serif; color: #555; }
  @bottom-right { content: ${q(t('report.page'))} " " counter(page) " ${t('report.of')} " counter(pages); font: 8pt 'DejaVu Sans', sans-serif; color: #333; }
}
@page cover { @top-left { content: none; } @top-right { content: none; } }
html { font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; font-size: 9pt; color: #1d1d1d; }
body { margin: 0; }
h1 { font-size: 16pt; margin: 0 0 6pt; color: #1a3d6d; }
h2 { font-size: 13pt; margin: 0 0 6pt; color: #1a3d6d; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 8pt 0 3pt; break-after: avoid; }
h4 { font-size: 8.5pt; margin: 6pt 0 2pt; }
section { break-before: page; }
section.cover { break-before: auto; page: cover; display: flex; flex-direction: column; justify-content: center; min-height: 230mm; }
.landscape section.cover { min-height: 150mm; }
.cover h1 { font-size: 24pt; }
.cover p { font-size: 11pt; margin: 3pt 0; }
.cover .contents { margin-top: 18pt; font-size: 10pt; }
table { width: 100%; border-collapse: collapse; margin: 2pt 0 8pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.6pt solid #b8b8b8; padding: 2pt 4pt; text-align: left; vertical-align: top; }
th { background: #eef2f7; font-weight: bold; }
.muted { color: #555; }
.badge { display: inline-block; padding: 0 3pt; border: 0.6pt solid #999; border-radius: 2pt; font-size: 8pt; }
.sev-HIGH { background: #fde2e1; border-color: #c0392b; }
.sev-MEDIUM { background: #fff0d6; border-color: #d68910; }
.sev-LOW { background: #eef2f7; }
.st-MITIGATED { background: #e3f4e6; border-color: #2e7d32; }
.st-REOPENED { background: #fde2e1; border-color: #c0392b; }
/* Landscape: the legend beside the map; portrait: the map over the full width and the legend under it in columns. */
.map { display: grid; grid-template-columns: ${o.orientation === 'landscape' ? 'minmax(0, 1fr) 46mm' : 'minmax(0, 1fr)'}; gap: 4mm; align-items: start; }
.map svg.network { display: block; box-sizing: border-box; width: 100%; height: auto; max-height: ${o.orientation === 'landscape' ? 150 : 175}mm; border: 0.6pt solid #ddd; }
${o.orientation === 'landscape' ? '' : '.legend { columns: 3; column-gap: 6mm; } .legend h3 { column-span: all; } .legend h4 { break-after: avoid; }'}
.legend h4 { margin-top: 4pt; }
.legend ul { list-style: none; margin: 0; padding: 0; }
.legend li { display: flex; gap: 3pt; align-items: center; font-size: 7.5pt; margin: 1pt 0; break-inside: avoid; }
.legend .swatch, .legend .mark { flex: none; }
.coverage td, .coverage th { text-align: center; padding: 1.5pt 2pt; font-size: 8pt; }
.coverage th.row { text-align: left; white-space: nowrap; }
.coverage thead th { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; vertical-align: bottom; text-align: left; }
.coverage td.gap { background: #f6c9c5; }
.coverage td.fragile { background: #fde9c4; }
.coverage td.priority { outline: 1.4pt solid #1a3d6d; outline-offset: -1.4pt; font-weight: bold; }
.finding { break-inside: avoid; border-left: 2pt solid #b8b8b8; padding: 2pt 0 2pt 6pt; margin: 0 0 6pt; }
.finding.sev-HIGH { border-left-color: #c0392b; background: none; }
.finding.sev-MEDIUM { border-left-color: #d68910; background: none; }
.finding p { margin: 2pt 0; }
`;
}

const list = (xs: string[]) => xs.filter(Boolean).join(', ');

/**
 * The report as one printable HTML document: the same template for Electron's printToPDF and for a Chromium run
 * from the command line. Pure: everything it shows comes from the input.
 */
export function reportHtml(input: ReportInput): string {
  const { data, vocab, options: o } = input;
  const t = reportText(o.lang);
  const lang = o.lang;
  const label = (kind: VocabKind, code: string | null) => (code ? vocabLabel(vocab, kind, code, lang) : '');
  const refDate = referenceDate(data.meta);
  const scope = scopeOf(data, input.view);
  const actors = data.actors.filter((a) => scope.actors.has(a.id));
  const agreements = data.agreements.filter((a) => scope.agreements.has(a.id));
  const name = new Map(data.actors.map((a) => [a.id, a.name]));
  const area = new Map(data.areas.map((a) => [a.id, a.name]));
  const municipality = (data.meta.municipalityAreaId && area.get(data.meta.municipalityAreaId)) || data.meta.municipality || data.meta.title;
  const title = o.title ?? t('report.title', { name: municipality });
  const findings = runChecks(data, vocab);
  // A finding is in scope when every actor it names is: the report names no actor outside its view.
  const inScope = (f: Finding) => f.actorIds.every((id) => scope.actors.has(id));
  const parts: string[] = [];
  const sections = new Set(o.sections);
  const heads: string[] = [];
  const section = (key: string, heading: string, body: string) => {
    heads.push(heading);
    parts.push(`<section class="section-${key}" id="${key}"><h2>${esc(heading)}</h2>${body}</section>`);
  };
  const table = (cols: string[], rows: string[][], cls = '') =>
    rows.length
      ? `<table class="${cls}"><thead><tr>${cols.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`
      : `<p class="muted">${esc(t('report.none'))}</p>`;
  const badge = (cls: string, text: string) => `<span class="badge ${cls}">${esc(text)}</span>`;

  if (sections.has('map')) {
    const elements = scopedElements(data, vocab, scope);
    const svg = mapSvg(elements, input.positions, { title: t('section.map') }).replace('<svg ', '<svg class="network" ');
    section(
      'map',
      t('section.map'),
      `<div class="map">${svg}<aside class="legend"><h3>${esc(t('legend.title'))}</h3>${legendHtml(elements, vocab, lang, t)}</aside></div><p class="muted">${esc(t('map.hint', { actors: actors.length }))}</p>`,
    );
  }
  if (sections.has('actors')) {
    const levelRank = new Map(vocab.level.map((l, i) => [l.code, i]));
    const sectorRank = new Map(vocab.sector.map((s, i) => [s.code, i]));
    const sorted = [...actors].sort((a, b) => (levelRank.get(a.level) ?? 99) - (levelRank.get(b.level) ?? 99) || (sectorRank.get(a.sectors[0] ?? '') ?? 99) - (sectorRank.get(b.sectors[0] ?? '') ?? 99) || a.name.localeCompare(b.name, 'nl'));
    // A map with a neighbour's merged in (a whole eerstelijnszone) says which map each actor is in.
    const merged = mergedSources(actors).length > 0;
    const byLevel = new Map<string, typeof sorted>();
    for (const a of sorted) byLevel.set(a.level, [...(byLevel.get(a.level) ?? []), a]);
    const body = [...byLevel]
      .map(
        ([level, xs]) =>
          `<h3>${esc(label('level', level))} (${xs.length})</h3>` +
          table(
            [t('col.name'), t('col.type'), t('col.sectors'), t('col.legalForm'), t('col.area'), ...(merged ? [t('col.origin')] : [])],
            xs.map((a) => [
              esc(a.name),
              esc(label('actorType', a.type)),
              esc(list(a.sectors.map((s) => label('sector', s)))),
              esc(label('legalForm', a.legalForm)),
              esc(a.areaId ? (area.get(a.areaId) ?? a.areaId) : ''),
              ...(merged ? [esc(originLabel(a, data.meta.municipality || data.meta.title))] : []),
            ]),
          ),
      )
      .join('');
    section('actors', t('section.actors'), body || `<p class="muted">${esc(t('report.none'))}</p>`);
  }
  const partiesOf = (ag: NetworkData['agreements'][number]) => esc(list(ag.parties.map((p) => `${name.get(p.actorId) ?? p.actorId} (${label('partyRole', p.role).toLowerCase()})`)));
  if (sections.has('agreements')) {
    const sorted = [...agreements].sort((a, b) => label('agreementType', a.type).localeCompare(label('agreementType', b.type), 'nl') || a.title.localeCompare(b.title, 'nl'));
    section(
      'agreements',
      t('section.agreements'),
      table(
        [t('col.title'), t('col.kind'), t('col.parties'), t('col.status'), t('col.end'), t('col.review')],
        sorted.map((a) => [esc(a.title), esc(label('agreementType', a.type)), partiesOf(a), esc(label('agreementStatus', a.status)), esc(showDate(a.endDate, lang)), esc(showDate(a.reviewDate, lang))]),
      ),
    );
  }
  if (sections.has('coverage')) {
    const scoped: NetworkData = { ...data, actors, services: data.services.filter((s) => scope.actors.has(s.providerId)) };
    const cov = coverage(scoped, vocab);
    const head = `<thead><tr><th></th>${cov.lifeDomains.map((d) => `<th scope="col">${esc(label('lifeDomain', d))}</th>`).join('')}</tr></thead>`;
    const rows = cov.targetGroups
      .map((g) => {
        const cells = cov.lifeDomains.map((d) => {
          const c = cov.cell(g, d);
          const n = c.providerIds.length;
          const cls = [n === 0 ? 'gap' : n === 1 ? 'fragile' : '', c.priority ? 'priority' : ''].filter(Boolean).join(' ');
          return `<td class="${cls}">${n}</td>`;
        });
        return `<tr><th scope="row" class="row">${esc(label('targetGroup', g))}</th>${cells.join('')}</tr>`;
      })
      .join('');
    section('coverage', t('section.coverage'), `<p class="muted">${esc(t('coverage.hint'))}</p><table class="coverage">${head}<tbody>${rows}</tbody></table>`);
  }
  if (sections.has('gaps')) {
    const order = ['OPEN', 'IN_BEHANDELING', 'AANVAARD_RISICO', 'OPGELOST'];
    const rank = { HIGH: 0, MEDIUM: 1, LOW: 2 } as Record<string, number>;
    const gaps = data.gaps
      .filter((g) => g.actorIds.every((id) => scope.actors.has(id)))
      .sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status) || (rank[a.severity] ?? 3) - (rank[b.severity] ?? 3) || a.title.localeCompare(b.title, 'nl'));
    section(
      'gaps',
      t('section.gaps'),
      table(
        [t('col.title'), t('col.targetGroups'), t('col.lifeDomains'), t('col.severity'), t('col.status'), t('col.owner'), t('col.rule')],
        gaps.map((g) => [
          esc(g.title),
          esc(list(g.targetGroups.map((c) => label('targetGroup', c)))),
          esc(list(g.lifeDomains.map((c) => label('lifeDomain', c)))),
          badge(`sev-${g.severity}`, label('severity', g.severity)),
          esc(label('gapStatus', g.status)),
          esc(g.owner ?? ''),
          esc(g.ruleId ?? ''),
        ]),
      ),
    );
  }
  if (sections.has('conflicts')) {
    const conflicts = findings.filter((f) => f.ruleId.startsWith('RC') && inScope(f));
    const mitigation = new Map(data.mitigations.map((m) => [m.id, m]));
    const model = new Map(data.governanceModels.map((g) => [g.id, g]));
    const measures = (f: Finding) =>
      f.mitigationIds
        .map((id) => {
          const m = mitigation.get(id);
          if (m) return list([label('mitigationMeasure', m.measure) + (m.description ? `: ${m.description}` : ''), m.owner ? t('conflicts.owner', { owner: m.owner }) : '', m.decisionRef ? t('conflicts.decision', { ref: m.decisionRef }) : '', m.reviewDate ? t('conflicts.reviewBy', { date: showDate(m.reviewDate, lang) }) : '']);
          const g = model.get(id);
          return g ? list([g.title, g.reviewDate ? t('conflicts.reviewBy', { date: showDate(g.reviewDate, lang) }) : '']) : '';
        })
        .filter(Boolean);
    const body = conflicts
      .map((f) => {
        const ms = measures(f);
        return (
          `<div class="finding sev-${f.severity}"><h3>${esc(f.ruleId)} · ${esc(f.title)}</h3>` +
          `<p>${badge(`sev-${f.severity}`, t(`severity.${f.severity}`))} ${badge(`st-${f.status}`, t(`status.${f.status}`))}</p>` +
          `<p>${esc(f.explanation)}</p>` +
          (ms.length ? `<p><strong>${esc(t('conflicts.measures'))}:</strong> ${esc(ms.join('; '))}</p>` : '') +
          (needsAction(f) ? `<p><strong>${esc(t('conflicts.helps'))}:</strong> ${esc(f.mitigation)}</p>` : '') +
          `</div>`
        );
      })
      .join('');
    section('conflicts', t('section.conflicts'), body || `<p class="muted">${esc(t('report.none'))}</p>`);
  }
  if (sections.has('due')) {
    const due = agreements
      .map((a) => ({ a, state: reviewState(a, refDate, o.dueDays) }))
      .filter((x) => x.state)
      .sort((x, y) => (x.a.reviewDate ?? '').localeCompare(y.a.reviewDate ?? ''));
    section(
      'due',
      t('section.due', { days: o.dueDays }),
      table(
        [t('col.title'), t('col.parties'), t('col.review'), t('col.state')],
        due.map(({ a, state }) => [esc(a.title), partiesOf(a), esc(showDate(a.reviewDate, lang)), badge(state === 'overdue' ? 'sev-HIGH' : 'sev-MEDIUM', t(`due.${state}`))]),
      ),
    );
  }
  if (sections.has('changes')) {
    const since = o.changesSince ?? refDate;
    // Changes to the network, not to how it is drawn or reported.
    const changes = input.changes.filter((c) => c.entity !== 'reportSettings' && c.entity !== 'position' && (!input.view || changeInScope(c, data, scope)));
    section(
      'changes',
      t('section.changes', { date: showDate(since, lang) }),
      table(
        [t('col.when'), t('col.who'), t('col.what')],
        groupChanges(changes).map((g) => [
          esc(showDate(g.at, lang) + ' ' + g.at.slice(11, 16)),
          esc(g.author),
          g.entries.length <= GROUP_LISTS
            ? g.entries.map((c) => esc(`${c.summary} (${t(`op.${c.op}`)})`)).join('<br>')
            : esc(t('changes.many', { count: g.entries.length, what: t(`entity.${g.entity}`), op: t(`op.${g.entries[0].op}`), first: g.entries.slice(0, GROUP_LISTS).map((c) => quoted(c.summary)).join(', '), more: g.entries.length - GROUP_LISTS })),
        ]),
      ),
    );
  }
  const date = showDate(input.generatedAt, lang);
  const cover = sections.has('cover')
    ? `<section class="cover"><h1>${esc(title)}</h1>` +
      `<p>${esc(municipality)}</p>` +
      (o.period ? `<p>${esc(t('report.period', { period: o.period }))}</p>` : '') +
      `<p class="muted">${esc(t('report.generated', { date }))} · ${esc(t('report.reference', { date: showDate(refDate, lang) }))}</p>` +
      `<p class="muted">${esc(input.view ? t('report.scope', { view: input.view.name }) : t('report.scopeAll'))}</p>` +
      `<p class="muted">${esc(t('report.counts', { actors: actors.length, agreements: agreements.length, gaps: data.gaps.length }))}</p>` +
      (heads.length ? `<div class="contents"><h3>${esc(t('report.contents'))}</h3><ol>${heads.map((h) => `<li>${esc(h)}</li>`).join('')}</ol></div>` : '') +
      `</section>`
    : '';
  return (
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${esc(title)}</title>` +
    `<style>${css(o, title, date, t)}</style></head><body class="${o.orientation}">${cover}${parts.join('\n')}</body></html>`
  );
}
