import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding, FindingStatus, Severity } from '../../../shared/checks';
import { gboMemberTypesOf, needsAction, settingsOf, vulnerableGroupsOf } from '../../../shared/checks';
import type { Coverage } from '../../../shared/checks/coverage';
import { CHECK_SETTINGS_ID, ENTITY_SCHEMAS, type Gap, type NetworkData } from '../../../shared/model';
import { vocabLabel, type VocabEntry, type VocabKind } from '../../../shared/vocab';
import { call } from '../api';
import { mapIdsOf } from '../../../shared/graph/elements';
import { GapOnAgenda } from './Meetings';
import { SpecForm, type FieldSpec } from './forms/SpecForm';
import { fieldErrors, placeKey, startFrom, useAutosaveForm, useEditForm, type Save } from './forms/draft';
import { CreateDialog } from './CreateDialog';
import { useDrafts } from '../data';
import type { DraftKey } from '../../../shared/edit/drafts';
import type { FieldErrors } from './forms/fields';
import { useQuery } from '@tanstack/react-query';

type Vocab = Record<VocabKind, VocabEntry[]>;
const SEVERITIES: Severity[] = ['HIGH', 'MEDIUM', 'LOW'];


export { needsAction };

/** Counts of findings that need action, per severity (the toolbar's badge). */
export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { HIGH: 0, MEDIUM: 0, LOW: 0 };
  for (const f of findings) if (needsAction(f)) out[f.severity]++;
  return out;
}

function StatusBadge({ status }: { status: FindingStatus }) {
  const { t } = useTranslation();
  return <span className={`badge status-${status.toLowerCase()}`}>{t(`checks.status.${status}`)}</span>;
}

/** A recorded gap made from a finding: its rule, evidence and, where the key names one, its target group × life domain. */
export function gapFromFinding(f: Finding, refDate: string, vocab: Vocab): Record<string, unknown> {
  const codes = f.key.slice(f.key.indexOf(':') + 1).split('+');
  const has = (kind: VocabKind, c: string) => vocab[kind].some((v) => v.code === c);
  return {
    ruleId: f.ruleId,
    findingKey: f.key,
    title: f.title.slice(0, 300),
    description: `${f.explanation}\n\nVoorgestelde maatregel: ${f.mitigation}`.slice(0, 4000),
    severity: f.severity,
    status: 'OPEN',
    targetGroups: f.ruleId.startsWith('G') ? codes.filter((c) => has('targetGroup', c)) : [],
    lifeDomains: f.ruleId.startsWith('G') ? codes.filter((c) => has('lifeDomain', c)) : [],
    actorIds: f.actorIds,
    agreementIds: f.agreementIds,
    recordedOn: refDate,
  };
}

const mitigationSpec = (t: (k: string) => string): FieldSpec[] => [
  { key: 'measure', type: 'code', label: t('checks.measure'), vocab: 'mitigationMeasure' },
  { key: 'description', type: 'multiline', label: t('checks.measureDescription') },
  { key: 'owner', type: 'text', label: t('checks.owner') },
  { key: 'decisionRef', type: 'text', label: t('checks.decisionRef') },
  { key: 'decisionDate', type: 'date', label: t('checks.decisionDate') },
  { key: 'reviewDate', type: 'date', label: t('form.reviewDate') },
];

/**
 * The findings, grouped by severity and rule. A finding opens to its explanation and suggested measure; choosing it
 * selects its actors and agreements on the map. Mitigated findings stay listed, marked as such.
 */
export function FindingsPanel({
  findings,
  data,
  vocab,
  save,
  readOnly,
  onSelect,
  onPromoted,
  refDate,
}: {
  findings: Finding[];
  data: NetworkData;
  vocab: Vocab;
  save: Save;
  readOnly: boolean;
  onSelect: (ids: string[]) => void;
  onPromoted: () => void;
  refDate: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const [kind, setKind] = useState<'all' | 'RC' | 'G'>('all');
  const [dialog, setDialog] = useState<{ kind: 'mitigation' | 'governanceModel'; finding: Finding; key: DraftKey; blank: Record<string, unknown>; draft: Record<string, unknown>; restoredAt: string | null; errors: FieldErrors } | null>(null);
  const drafts = useDrafts(!readOnly).data ?? [];
  /** The dialog that records a measure or a governance model for a finding, going on from its draft if one is kept. */
  const record = (kind: 'mitigation' | 'governanceModel', finding: Finding, blank: Record<string, unknown>) => {
    const key = placeKey(kind === 'mitigation' ? 'maatregel' : 'beheersmodel', { findingKey: finding.key });
    setDialog({ kind, finding, key, blank, ...startFrom(blank, drafts.find((d) => d.key === key)), errors: {} });
  };
  const shown = findings.filter((f) => kind === 'all' || (kind === 'RC' ? f.ruleId.startsWith('RC') : f.ruleId.startsWith('G')));
  const mitigations = new Map(data.mitigations.map((m) => [m.id, m]));
  const models = new Map(data.governanceModels.map((g) => [g.id, g]));
  const gaps = new Map(data.gaps.map((g) => [g.id, g]));
  const regisseur = (f: Finding) => f.actorIds.find((id) => data.roles.some((r) => r.role === 'REGISSEUR' && r.actorId === id)) ?? f.actorIds[0];

  const submit = async () => {
    if (!dialog) return;
    const schema = ENTITY_SCHEMAS[dialog.kind];
    const errs = fieldErrors(schema, { id: 'x', ...dialog.draft });
    if (Object.keys(errs).length) return setDialog({ ...dialog, errors: errs });
    const label = dialog.kind === 'mitigation' ? t('checks.mitigationAdded', { rule: dialog.finding.ruleId }) : t('checks.governanceAdded');
    const out = await save({ label, steps: [{ op: 'create', kind: dialog.kind, value: dialog.draft }], dropDraft: dialog.key });
    if (Object.keys(out).length) setDialog({ ...dialog, errors: out });
    else setDialog(null);
  };
  const promote = async (f: Finding) => {
    const out = await save({ label: t('checks.promoted', { rule: f.ruleId }), steps: [{ op: 'create', kind: 'gap', value: gapFromFinding(f, refDate, vocab) }] });
    if (!Object.keys(out).length) onPromoted();
  };

  return (
    <div className="findings" data-testid="findings">
      <div className="findings-bar">
        <div role="radiogroup" aria-label={t('checks.show')}>
          {(['all', 'RC', 'G'] as const).map((k) => (
            <label key={k} className="check">
              <input type="radio" name="finding-kind" checked={kind === k} onChange={() => setKind(k)} data-testid={`findings-${k}`} />
              {t(`checks.kind.${k}`)}
            </label>
          ))}
        </div>
        <span className="muted">{t('checks.summary', { count: shown.length, mitigated: shown.filter((f) => f.status === 'MITIGATED').length })}</span>
      </div>
      {SEVERITIES.map((sev) => {
        const list = shown.filter((f) => f.severity === sev);
        if (!list.length) return null;
        const rules = [...new Set(list.map((f) => f.ruleId))];
        return (
          <section key={sev} className={`severity severity-${sev.toLowerCase()}`} aria-label={vocabLabel(vocab, 'severity', sev, 'nl')}>
            <h3>
              {t(`checks.severity.${sev}`)} <span className="muted">({list.length})</span>
            </h3>
            {rules.map((rule) => (
              <div key={rule} className="rule-group">
                <h4>
                  <span className="rule-id">{rule}</span> {t(`checks.rule.${rule}`)}
                </h4>
                <ul>
                  {list
                    .filter((f) => f.ruleId === rule)
                    .map((f) => (
                      <li key={f.key} className={`finding status-${f.status.toLowerCase()}`} data-testid={`finding-${f.key}`}>
                        <button
                          type="button"
                          className="finding-title"
                          aria-expanded={open === f.key}
                          onClick={() => {
                            setOpen(open === f.key ? null : f.key);
                            onSelect(mapIdsOf(f).filter((id) => data.actors.some((a) => a.id === id) || id.startsWith('agreement:')));
                          }}
                        >
                          <StatusBadge status={f.status} /> {f.title}
                        </button>
                        {open === f.key && (
                          <div className="finding-body">
                            <p>{f.explanation}</p>
                            <p>
                              <strong>{t('checks.suggested')}:</strong> {f.mitigation}
                            </p>
                            {f.mitigationIds.length > 0 && (
                              <div>
                                <strong>{t('checks.measures')}:</strong>
                                <ul>
                                  {f.mitigationIds.map((id) => {
                                    const m = mitigations.get(id);
                                    const g = models.get(id);
                                    return (
                                      <li key={id} data-testid={`measure-${id}`}>
                                        {m
                                          ? `${vocabLabel(vocab, 'mitigationMeasure', m.measure, 'nl')}${m.description ? `: ${m.description}` : ''}${m.owner ? ` · ${m.owner}` : ''}${m.decisionRef ? ` · ${m.decisionRef}` : ''}${m.reviewDate ? ` · ${t('form.reviewDate').toLowerCase()} ${m.reviewDate}` : ''}`
                                          : g
                                            ? `${t('checks.governanceModel')}: ${g.title} (${vocabLabel(vocab, 'governanceStatus', g.status, 'nl').toLowerCase()}${g.reviewDate ? `, ${t('form.reviewDate').toLowerCase()} ${g.reviewDate}` : ''})`
                                            : id}
                                      </li>
                                    );
                                  })}
                                </ul>
                              </div>
                            )}
                            {f.gapIds.length > 0 && (
                              <p>
                                <strong>{t('checks.inRegister')}:</strong> {f.gapIds.map((id) => gaps.get(id)?.title ?? id).join('; ')}
                              </p>
                            )}
                            {!readOnly && (
                              <div className="finding-actions">
                                {f.ruleId === 'RC1' && (
                                  <button
                                    type="button"
                                    data-testid="record-governance"
                                    onClick={() => record('governanceModel', f, { actorId: regisseur(f), title: 'Beheersmodel regie en aanbod', status: 'ACTIEF', decision: null, adoptedDate: refDate, reviewDate: null, separatedUnitIds: [], notes: null })}
                                  >
                                    {t('checks.recordGovernance')}
                                  </button>
                                )}
                                <button
                                  type="button"
                                  data-testid="record-mitigation"
                                  onClick={() => record('mitigation', f, { findingKey: f.key, ruleId: f.ruleId, actorId: null, measure: 'ANDERE', description: '', owner: null, decisionRef: null, decisionDate: null, reviewDate: null, notes: null })}
                                >
                                  {t('checks.recordMitigation')}
                                </button>
                                {!f.gapIds.length && (
                                  <button type="button" data-testid="promote" onClick={() => void promote(f)}>
                                    {t('checks.promote')}
                                  </button>
                                )}
                              </div>
                            )}
                          </div>
                        )}
                      </li>
                    ))}
                </ul>
              </div>
            ))}
          </section>
        );
      })}
      {!shown.length && <p className="muted">{t('checks.none')}</p>}
      {dialog && (
        <CreateDialog
          draftKey={dialog.key}
          value={dialog.draft}
          blank={dialog.blank}
          label={String((dialog.kind === 'mitigation' ? dialog.draft.description : dialog.draft.title) ?? '').slice(0, 80)}
          restoredAt={dialog.restoredAt}
          onRestart={() => setDialog({ ...dialog, draft: dialog.blank, restoredAt: null, errors: {} })}
          place={{ context: { findingKey: dialog.finding.key }, where: `${(dialog.kind === 'mitigation' ? t('checks.recordMitigation') : t('checks.recordGovernance')).replace(/…$/, '')} (${dialog.finding.ruleId})` }}
          title={dialog.kind === 'mitigation' ? t('checks.recordMitigation') : t('checks.recordGovernance')}
          busy={false}
          onOk={submit}
          onCancel={() => setDialog(null)}
          error={dialog.errors._}
          testId="mitigation-dialog"
        >
          <p className="muted">{dialog.finding.title}</p>
          <SpecForm
            spec={
              dialog.kind === 'mitigation'
                ? mitigationSpec(t)
                : [
                    { key: 'title', type: 'text', label: t('form.title'), required: true },
                    { key: 'status', type: 'code', label: t('form.status'), vocab: 'governanceStatus' },
                    { key: 'adoptedDate', type: 'date', label: t('form.adoptedDate') },
                    { key: 'reviewDate', type: 'date', label: t('form.reviewDate') },
                  ]
            }
            draft={dialog.draft}
            onChange={(d) => setDialog({ ...dialog, draft: d })}
            errors={dialog.errors}
            vocab={vocab}
            testPrefix="mitigation"
          />
        </CreateDialog>
      )}
    </div>
  );
}

/**
 * Target groups × life domains: the number of providers covering the municipality in each cell, 0 marked as a gap
 * and 1 as fragile, priorities outlined. A cell opens to its providers; an empty or fragile cell can go to the register.
 */
export function CoverageMatrix({
  cov,
  data,
  vocab,
  findings,
  save,
  readOnly,
  onSelect,
  onPromoted,
  refDate,
}: {
  cov: Coverage;
  data: NetworkData;
  vocab: Vocab;
  findings: Finding[];
  save: Save;
  readOnly: boolean;
  onSelect: (ids: string[]) => void;
  onPromoted: () => void;
  refDate: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const [cell, setCell] = useState<{ tg: string; ld: string } | null>(null);
  const [onlyPriority, setOnlyPriority] = useState(false);
  const names = new Map(data.actors.map((a) => [a.id, a.name]));
  const rows = onlyPriority ? cov.targetGroups.filter((g) => cov.lifeDomains.some((d) => cov.cell(g, d).priority)) : cov.targetGroups;
  const cols = onlyPriority ? cov.lifeDomains.filter((d) => cov.targetGroups.some((g) => cov.cell(g, d).priority)) : cov.lifeDomains;
  const chosen = cell ? cov.cell(cell.tg, cell.ld) : null;
  const recorded = chosen ? data.gaps.find((g) => g.targetGroups.includes(chosen.targetGroup) && g.lifeDomains.includes(chosen.lifeDomain) && g.status !== 'OPGELOST') : undefined;

  const promote = async () => {
    if (!chosen) return;
    const label = `${vocabLabel(vocab, 'targetGroup', chosen.targetGroup, 'nl')} × ${vocabLabel(vocab, 'lifeDomain', chosen.lifeDomain, 'nl').toLowerCase()}`;
    const finding = findings.find((f) => f.ruleId === 'G1' && f.key === `G1:${[chosen.targetGroup, chosen.lifeDomain].sort().join('+')}`);
    const value = finding
      ? gapFromFinding(finding, refDate, vocab)
      : {
          ruleId: 'G1',
          title: chosen.providerIds.length ? `Kwetsbaar aanbod: ${label} heeft één aanbieder` : `Geen aanbod: ${label}`,
          description: chosen.providerIds.length ? `Alleen ${chosen.providerIds.map((id) => names.get(id) ?? id).join(', ')} dekt de gemeente.` : 'Geen actieve dienst dekt de gemeente.',
          severity: chosen.providerIds.length ? 'LOW' : 'MEDIUM',
          status: 'OPEN',
          targetGroups: [chosen.targetGroup],
          lifeDomains: [chosen.lifeDomain],
          actorIds: chosen.providerIds,
          recordedOn: refDate,
        };
    const out = await save({ label: t('checks.promoted', { rule: 'G1' }), steps: [{ op: 'create', kind: 'gap', value }] });
    if (!Object.keys(out).length) onPromoted();
  };

  return (
    <div className="coverage" data-testid="coverage">
      <div className="findings-bar">
        <label className="check">
          <input type="checkbox" checked={onlyPriority} onChange={(e) => setOnlyPriority(e.target.checked)} data-testid="coverage-priority-only" />
          {t('checks.onlyPriority')}
        </label>
        <span className="legend-inline">
          <span className="cov cov-0">0</span> {t('checks.gap')} <span className="cov cov-1">1</span> {t('checks.fragile')} <span className="cov priority">n</span> {t('checks.priority')}
        </span>
      </div>
      <div className="coverage-grid">
        <table>
          <caption className="sr-only">{t('checks.coverageCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('form.targetGroups')}</th>
              {cols.map((d) => (
                <th key={d} scope="col">
                  {vocabLabel(vocab, 'lifeDomain', d, lang)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((g) => (
              <tr key={g}>
                <th scope="row">{vocabLabel(vocab, 'targetGroup', g, lang)}</th>
                {cols.map((d) => {
                  const c = cov.cell(g, d);
                  const n = c.providerIds.length;
                  const active = cell?.tg === g && cell.ld === d;
                  return (
                    <td key={d} className={`cov cov-${Math.min(n, 2)}${c.priority ? ' priority' : ''}${active ? ' chosen' : ''}`}>
                      <button
                        type="button"
                        aria-pressed={active}
                        aria-label={`${vocabLabel(vocab, 'targetGroup', g, lang)} × ${vocabLabel(vocab, 'lifeDomain', d, lang)}: ${n}${c.priority ? `, ${t('checks.priority')}` : ''}`}
                        data-testid={`cov-${g}-${d}`}
                        onClick={() => {
                          setCell(active ? null : { tg: g, ld: d });
                          if (!active && n) onSelect(c.providerIds);
                        }}
                      >
                        {n}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {chosen && (
        <div className="coverage-detail" data-testid="coverage-detail">
          <h4>
            {vocabLabel(vocab, 'targetGroup', chosen.targetGroup, lang)} × {vocabLabel(vocab, 'lifeDomain', chosen.lifeDomain, lang)}
            {chosen.priority && <span className="badge">{t('checks.priority')}</span>}
          </h4>
          {chosen.providerIds.length ? (
            <ul>
              {chosen.providerIds.map((id) => (
                <li key={id}>
                  <button type="button" className="link" onClick={() => onSelect([id])}>
                    {names.get(id) ?? id}
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('checks.noProviders')}</p>
          )}
          {chosen.providerIds.length < 2 &&
            (recorded ? (
              <p className="muted" data-testid="coverage-recorded">
                {t('checks.alreadyRecorded', { title: recorded.title })}
              </p>
            ) : (
              !readOnly && (
                <button type="button" onClick={() => void promote()} data-testid="coverage-promote">
                  {t('checks.promote')}
                </button>
              )
            ))}
        </div>
      )}
    </div>
  );
}

const gapSpec = (t: (k: string) => string, data: NetworkData): FieldSpec[] => [
  { key: 'title', type: 'text', label: t('form.title'), required: true },
  { key: 'status', type: 'code', label: t('form.status'), vocab: 'gapStatus' },
  { key: 'severity', type: 'code', label: t('checks.severityLabel'), vocab: 'severity' },
  { key: 'owner', type: 'text', label: t('checks.owner') },
  { key: 'statusNote', type: 'multiline', label: t('checks.statusNote') },
  { key: 'description', type: 'multiline', label: t('checks.description') },
  { key: 'targetGroups', type: 'codes', label: t('form.targetGroups'), vocab: 'targetGroup' },
  { key: 'lifeDomains', type: 'codes', label: t('form.lifeDomains'), vocab: 'lifeDomain' },
  { key: 'areaId', type: 'ref', label: t('inspector.area'), options: data.areas.map((a) => ({ id: a.id, name: a.name })) },
];

function GapHistory({ gap, vocab }: { gap: Gap; vocab: Vocab }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  // Refetched with the rest of the document after every edit (its key starts with 'doc').
  const q = useQuery({ queryKey: ['doc', 'changes', 'gap', gap.id], queryFn: () => call('changes.list', { entity: 'gap', entityId: gap.id, limit: 200 }) });
  const show = (field: string, v: unknown) =>
    v === null || v === undefined || v === '' ? '—' : field === 'status' ? vocabLabel(vocab, 'gapStatus', String(v), lang) : field === 'severity' ? vocabLabel(vocab, 'severity', String(v), lang) : Array.isArray(v) ? v.join(', ') : String(v);
  return (
    <section className="gap-history" aria-label={t('checks.history')}>
      <h4>{t('checks.history')}</h4>
      <ol data-testid="gap-history">
        {(q.data ?? []).map((c) => (
          <li key={c.seq}>
            <time>{c.at.slice(0, 16).replace('T', ' ')}</time> {c.author} · {t(`checks.op.${c.op}`)}
            {c.changed?.map((x) => (
              <div key={x.field} className="muted">
                {t(`checks.field.${x.field}`, { defaultValue: x.field })}: {show(x.field, x.before)} → {show(x.field, x.after)}
              </div>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}

function GapDetail({ gap, data, vocab, save, readOnly }: { gap: Gap; data: NetworkData; vocab: Vocab; save: Save; readOnly: boolean }) {
  const { t } = useTranslation();
  const form = useEditForm('gap', gap, save, (d) => t('checks.gapEdited', { title: d.title }));
  return (
    <div className="gap-detail" data-testid="gap-detail">
      <fieldset disabled={readOnly}>
        <SpecForm spec={gapSpec(t, data)} draft={form.draft} onChange={(d) => form.setDraft(d as Gap)} onCommit={(d) => void form.commit(d as Gap)} errors={form.errors} vocab={vocab} testPrefix="gap" />
      </fieldset>
      <div>
        {gap.ruleId && (
          <p className="muted">
            {t('checks.fromRule', { rule: gap.ruleId })}
            {gap.findingKey ? ` (${gap.findingKey})` : ''}
          </p>
        )}
        <GapOnAgenda gapId={gap.id} gapTitle={gap.title} data={data} save={save} readOnly={readOnly} />
        <GapHistory gap={gap} vocab={vocab} />
      </div>
    </div>
  );
}

/** The gap register: recorded gaps with their status, owner and history; open ones first. */
export function GapRegister({ data, vocab, save, readOnly, onSelect, selected, onChoose }: { data: NetworkData; vocab: Vocab; save: Save; readOnly: boolean; onSelect: (ids: string[]) => void; selected: string | null; onChoose: (id: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const order = ['OPEN', 'IN_BEHANDELING', 'AANVAARD_RISICO', 'OPGELOST'];
  const rank = { HIGH: 0, MEDIUM: 1, LOW: 2 } as Record<string, number>;
  const gaps = useMemo(() => [...data.gaps].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status) || (rank[a.severity] ?? 3) - (rank[b.severity] ?? 3) || a.title.localeCompare(b.title, 'nl')), [data.gaps]); // eslint-disable-line react-hooks/exhaustive-deps
  const gap = gaps.find((g) => g.id === selected) ?? null;
  return (
    <div className="gap-register" data-testid="gap-register">
      <table className="simple">
        <caption className="sr-only">{t('checks.register')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('form.title')}</th>
            <th scope="col">{t('checks.rule.label')}</th>
            <th scope="col">{t('checks.severityLabel')}</th>
            <th scope="col">{t('form.status')}</th>
            <th scope="col">{t('checks.owner')}</th>
          </tr>
        </thead>
        <tbody>
          {gaps.map((g) => (
            <tr key={g.id} aria-selected={g.id === selected} className={g.id === selected ? 'selected' : ''} data-testid={`gap-${g.id}`}>
              <td>
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    onChoose(g.id === selected ? null : g.id);
                    onSelect(mapIdsOf(g));
                  }}
                >
                  {g.title}
                </button>
              </td>
              <td>{g.ruleId ?? ''}</td>
              <td>{vocabLabel(vocab, 'severity', g.severity, lang)}</td>
              <td>
                <span className={`badge gap-${g.status.toLowerCase()}`}>{vocabLabel(vocab, 'gapStatus', g.status, lang)}</span>
              </td>
              <td>{g.owner ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {gap && <GapDetail key={gap.id} gap={gap} data={data} vocab={vocab} save={save} readOnly={readOnly} />}
    </div>
  );
}

/** The document's check settings: the warning window, the referral share, priorities, vulnerable groups, GBO members. */
export function CheckSettingsForm({ data, vocab, save, readOnly }: { data: NetworkData; vocab: Vocab; save: Save; readOnly: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const current = settingsOf(data);
  const stored = {
    id: CHECK_SETTINGS_ID,
    warningDays: current.warningDays,
    referralShare: current.referralShare,
    priorityPairs: current.priorityPairs,
    vulnerableGroups: vulnerableGroupsOf(current, vocab),
    gboMemberTypes: gboMemberTypesOf(current, vocab),
  };
  // The first change creates the document's settings, later ones update them; typed numbers save as typed.
  const form = useAutosaveForm(stored, ENTITY_SCHEMAS.checkSettings, save, (next) => ({
    label: t('checks.settingsChanged'),
    steps: [{ op: data.checkSettings ? 'update' : 'create', kind: 'checkSettings', value: next }],
  }));
  const { draft, setDraft, errors } = form;
  /** Changes the draft and saves it at once (a pair added or removed, a field left). */
  const commit = (next: typeof stored) => {
    setDraft(next);
    return form.commit(next);
  };
  const [pair, setPair] = useState({ targetGroup: '', lifeDomain: '' });
  const num = (v: string) => (v.trim() === '' ? NaN : Number(v.replace(',', '.')));
  return (
    <form className="check-settings form" data-testid="check-settings" onSubmit={(e) => e.preventDefault()}>
      <fieldset disabled={readOnly}>
        <div className="row">
          <label>
            {t('checks.warningDays')}
            <input type="number" min={0} max={730} value={Number.isNaN(draft.warningDays) ? '' : draft.warningDays} onChange={(e) => setDraft({ ...draft, warningDays: num(e.target.value) })} onBlur={() => void commit(draft)} data-testid="settings-warningDays" aria-invalid={!!errors.warningDays} />
            {errors.warningDays && <span className="field-error">{errors.warningDays}</span>}
          </label>
          <label>
            {t('checks.referralShare')}
            <input type="number" min={50} max={100} step={5} value={Number.isNaN(draft.referralShare) ? '' : Math.round(draft.referralShare * 100)} onChange={(e) => setDraft({ ...draft, referralShare: num(e.target.value) / 100 })} onBlur={() => void commit(draft)} data-testid="settings-referralShare" aria-invalid={!!errors.referralShare} />
            {errors.referralShare && <span className="field-error">{errors.referralShare}</span>}
          </label>
        </div>
        <fieldset className="checklist">
          <legend>{t('checks.priorityPairs')}</legend>
          <ul data-testid="settings-pairs">
            {draft.priorityPairs.map((p, i) => (
              <li key={`${p.targetGroup}|${p.lifeDomain}`}>
                {vocabLabel(vocab, 'targetGroup', p.targetGroup, lang)} × {vocabLabel(vocab, 'lifeDomain', p.lifeDomain, lang)}{' '}
                <button type="button" aria-label={t('checks.removePair')} onClick={() => void commit({ ...draft, priorityPairs: draft.priorityPairs.filter((_, k) => k !== i) })}>
                  ×
                </button>
              </li>
            ))}
          </ul>
          <div className="row">
            <select value={pair.targetGroup} onChange={(e) => setPair({ ...pair, targetGroup: e.target.value })} aria-label={t('form.targetGroups')} data-testid="settings-pair-tg">
              <option value="">{t('form.targetGroups')}…</option>
              {vocab.targetGroup.map((v) => (
                <option key={v.code} value={v.code}>
                  {v[lang]}
                </option>
              ))}
            </select>
            <select value={pair.lifeDomain} onChange={(e) => setPair({ ...pair, lifeDomain: e.target.value })} aria-label={t('form.lifeDomains')} data-testid="settings-pair-ld">
              <option value="">{t('form.lifeDomains')}…</option>
              {vocab.lifeDomain.map((v) => (
                <option key={v.code} value={v.code}>
                  {v[lang]}
                </option>
              ))}
            </select>
            <button
              type="button"
              disabled={!pair.targetGroup || !pair.lifeDomain || draft.priorityPairs.some((p) => p.targetGroup === pair.targetGroup && p.lifeDomain === pair.lifeDomain)}
              onClick={() => {
                void commit({ ...draft, priorityPairs: [...draft.priorityPairs, pair] });
                setPair({ targetGroup: '', lifeDomain: '' });
              }}
              data-testid="settings-pair-add"
            >
              {t('checks.addPair')}
            </button>
          </div>
        </fieldset>
        <SpecForm
          spec={[
            { key: 'vulnerableGroups', type: 'codes', label: t('checks.vulnerableGroups'), vocab: 'targetGroup' },
            { key: 'gboMemberTypes', type: 'codes', label: t('checks.gboMemberTypes'), vocab: 'actorType' },
          ]}
          draft={draft}
          onChange={(d) => setDraft(d as typeof stored)}
          onCommit={(d) => void commit(d as typeof stored)}
          errors={errors}
          vocab={vocab}
          testPrefix="settings"
        />
      </fieldset>
    </form>
  );
}
