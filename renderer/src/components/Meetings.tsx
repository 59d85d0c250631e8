import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { agendaKeyIds, findingKey, type Finding } from '../../../shared/checks';
import { AgendaItemSchema, ENTITY_SCHEMAS, type AgendaItem, type Meeting, type NetworkData } from '../../../shared/model';
import { vocabLabel, type VocabEntry, type VocabKind } from '../../../shared/vocab';
import { AddForm, SpecForm, type FieldSpec } from './forms/SpecForm';
import { fieldErrors, useAutosaveForm, useEditForm, type Save } from './forms/draft';
import type { FieldErrors } from './forms/fields';
import type { DraftKey } from '../../../shared/edit/drafts';
import { actorOptions, allFunctionOptions, partnershipOptions, serviceOptions } from './forms/specs';
import { mapIdsOf } from '../../../shared/graph/elements';

type Vocab = Record<VocabKind, VocabEntry[]>;
type Draft = Record<string, unknown>;

const meetingSpec = (t: TFunction, data: NetworkData): FieldSpec[] => [
  { key: 'title', type: 'text', label: t('form.title'), required: true },
  { key: 'date', type: 'date', label: t('meetings.date') },
  { key: 'bodyActorId', type: 'ref', label: t('meetings.body'), options: actorOptions(data) },
  { key: 'partnershipId', type: 'ref', label: t('kind.partnership'), options: partnershipOptions(data) },
  { key: 'chairActorId', type: 'ref', label: t('meetings.chairActor'), options: actorOptions(data) },
  { key: 'chairFunctionId', type: 'ref', label: t('meetings.chairFunction'), options: allFunctionOptions(data) },
  { key: 'minutesRef', type: 'text', label: t('meetings.minutes') },
  { key: 'notes', type: 'multiline', label: t('inspector.notes') },
];

const itemSpec = (t: TFunction, data: NetworkData): FieldSpec[] => [
  { key: 'title', type: 'text', label: t('form.title'), required: true },
  { key: 'type', type: 'code', label: t('meetings.itemType'), vocab: 'agendaItemType' },
  { key: 'serviceIds', type: 'refs', label: t('meetings.services'), options: serviceOptions(data) },
  { key: 'rapporteurActorId', type: 'ref', label: t('meetings.rapporteurActor'), options: actorOptions(data) },
  { key: 'rapporteurFunctionId', type: 'ref', label: t('meetings.rapporteurFunction'), options: allFunctionOptions(data) },
  { key: 'chairActorId', type: 'ref', label: t('meetings.itemChairActor'), options: actorOptions(data) },
  { key: 'chairFunctionId', type: 'ref', label: t('meetings.itemChairFunction'), options: allFunctionOptions(data) },
  { key: 'externalInput', type: 'bool', label: t('meetings.externalInput') },
  { key: 'declaredCapacity', type: 'bool', label: t('meetings.declaredCapacity') },
  { key: 'recusal', type: 'bool', label: t('meetings.recusal') },
  { key: 'gapIds', type: 'refs', label: t('meetings.gaps'), options: [...data.gaps].sort((a, b) => a.title.localeCompare(b.title, 'nl')).map((g) => ({ id: g.id, name: g.title })) },
  { key: 'notes', type: 'multiline', label: t('inspector.notes') },
];

/** The findings about one agenda item (RC4, RC5), by their keys. */
function itemFindings(findings: Finding[], meetingId: string, itemId: string): Finding[] {
  const keys = new Set(['RC4', 'RC5'].map((rule) => findingKey(rule, agendaKeyIds(meetingId, itemId))));
  return findings.filter((f) => keys.has(f.key));
}

/** Meetings newest first, then by title (the list and the "put on the agenda" choice). */
const newestFirst = (meetings: Meeting[]) => [...meetings].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title, 'nl'));

/** The next free item id of a meeting: items are numbered 1, 2, 3… as on a printed agenda. */
const nextItemId = (items: AgendaItem[]) => String(items.reduce((n, it) => Math.max(n, Number(it.id) || 0), 0) + 1);

/** One agenda item, editable in place; each change saves the meeting with this item changed, as one undoable edit. */
function ItemEditor({ meeting, item, data, vocab, save, readOnly, findings, onSelect, onRemove, n }: { meeting: Meeting; item: AgendaItem; data: NetworkData; vocab: Vocab; save: Save; readOnly: boolean; findings: Finding[]; onSelect: (ids: string[]) => void; onRemove: () => void; n: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  // The item is saved as its meeting with this item changed (the meeting as it is now: other items may have changed
  // meanwhile). Minutes typed during a meeting are saved as they are typed, like the inspector's fields.
  const { draft, setDraft, errors, commit } = useAutosaveForm<Draft>(item as unknown as Draft, AgendaItemSchema, save, (d) => ({
    label: t('meetings.itemEdited', { title: d.title, meeting: meeting.title }),
    steps: [{ op: 'update', kind: 'meeting', value: { ...meeting, items: meeting.items.map((it) => (it.id === item.id ? (d as unknown as AgendaItem) : it)) } }],
  }));
  const mine = itemFindings(findings, meeting.id, item.id);
  return (
    <li className="agenda-item removable" data-testid={`agenda-item-${item.id}`}>
      <details>
        <summary>
          <span>
            {n}. {item.title} <span className="muted">— {vocabLabel(vocab, 'agendaItemType', item.type, lang)}</span>
            {mine.map((f) => (
              <span key={f.key} className={`badge status-${f.status.toLowerCase()}`} title={f.title}>
                {f.ruleId} {t(`checks.status.${f.status}`).toLowerCase()}
              </span>
            ))}
          </span>
        </summary>
        {mine.length > 0 && (
          <ul className="item-findings">
            {mine.map((f) => (
              <li key={f.key}>
                <button type="button" className="link" onClick={() => onSelect(mapIdsOf(f))}>
                  {f.ruleId}: {f.title}
                </button>
                <p>
                  <strong>{t('checks.suggested')}</strong> {f.mitigation}
                </p>
              </li>
            ))}
          </ul>
        )}
        <fieldset disabled={readOnly}>
          <SpecForm spec={itemSpec(t, data)} draft={draft} onChange={setDraft} onCommit={(d) => void commit(d)} errors={errors} vocab={vocab} testPrefix={`item-${item.id}`} />
        </fieldset>
      </details>
      {!readOnly && (
        <button type="button" className="icon" aria-label={t('inspector.removeThing', { name: item.title })} onClick={onRemove} data-testid={`agenda-item-${item.id}-remove`}>
          ×
        </button>
      )}
    </li>
  );
}

/** One meeting: its own fields, then its agenda. */
function MeetingDetail({ meeting, data, vocab, save, readOnly, findings, onSelect, onDelete }: { meeting: Meeting; data: NetworkData; vocab: Vocab; save: Save; readOnly: boolean; findings: Finding[]; onSelect: (ids: string[]) => void; onDelete: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const form = useEditForm('meeting', meeting, save, (d) => t('meetings.edited', { title: d.title }));
  const add = async (d: Draft, dropDraft: DraftKey) => {
    const item = { ...d, id: nextItemId(meeting.items) };
    const errs = fieldErrors(AgendaItemSchema, item);
    if (Object.keys(errs).length) return errs;
    return save({ label: t('meetings.itemAdded', { title: String(d.title), meeting: meeting.title }), steps: [{ op: 'update', kind: 'meeting', value: { ...meeting, items: [...meeting.items, AgendaItemSchema.parse(item)] } }], dropDraft });
  };
  const remove = (id: string) => {
    const item = meeting.items.find((it) => it.id === id);
    void save({ label: t('meetings.itemRemoved', { title: item?.title ?? id, meeting: meeting.title }), steps: [{ op: 'update', kind: 'meeting', value: { ...meeting, items: meeting.items.filter((it) => it.id !== id) } }] });
  };
  return (
    <div className="meeting-detail" data-testid="meeting-detail">
      <fieldset disabled={readOnly}>
        <SpecForm spec={meetingSpec(t, data)} draft={form.draft} onChange={(d) => form.setDraft(d as Meeting)} onCommit={(d) => void form.commit(d as Meeting)} errors={form.errors} vocab={vocab} testPrefix="meeting" />
        <button type="button" className="danger" onClick={onDelete} data-testid="meeting-delete">
          {t('meetings.delete')}
        </button>
      </fieldset>
      <section aria-labelledby={headingId} className="agenda">
        <h3 id={headingId}>{t('meetings.agenda')}</h3>
        <p className="muted">{t('meetings.agendaHint')}</p>
        {meeting.items.length === 0 && <p className="muted">{t('inspector.none')}</p>}
        <ol className="agenda-items">
          {meeting.items.map((item, i) => (
            <ItemEditor key={item.id} n={i + 1} meeting={meeting} item={item} data={data} vocab={vocab} save={save} readOnly={readOnly} findings={findings} onSelect={onSelect} onRemove={() => remove(item.id)} />
          ))}
        </ol>
        {!readOnly && <AddForm testId="agenda" spec={itemSpec(t, data).slice(0, 3)} blank={() => ({ title: '', type: 'INFORMATIE', serviceIds: [] })} context={{ meetingId: meeting.id }} vocab={vocab} addLabel={t('meetings.addItem')} onAdd={add} />}
      </section>
    </div>
  );
}

/**
 * Meetings of the consultation bodies (zorgraad, GBO, regienetwerk) with their agendas: who chairs, who reports, on
 * which services. RC4 and RC5 read them; each item shows its findings and what helps, so a secretary can set the
 * agenda right before the meeting (hand over the chair, bring in outside data, minute the declared capacity).
 */
export function MeetingsPanel({ data, vocab, save, readOnly, findings, onSelect, selected, onChoose, onDelete }: { data: NetworkData; vocab: Vocab; save: Save; readOnly: boolean; findings: Finding[]; onSelect: (ids: string[]) => void; selected: string | null; onChoose: (id: string | null) => void; onDelete: (id: string) => void }) {
  const { t } = useTranslation();
  const name = useMemo(() => new Map([...data.actors.map((a) => [a.id, a.name] as const), ...data.partnerships.map((p) => [p.id, p.name] as const)]), [data.actors, data.partnerships]);
  const meetings = useMemo(() => newestFirst(data.meetings), [data.meetings]);
  const add = async (d: Draft, dropDraft: DraftKey) => {
    const errs = fieldErrors(ENTITY_SCHEMAS.meeting, { id: 'nieuw', ...d });
    if (Object.keys(errs).length) return errs;
    // The new meeting opens as soon as the core has made it.
    return save({ label: t('meetings.added', { title: d.title }), steps: [{ op: 'create', kind: 'meeting', value: d }], dropDraft }, { onCreated: ([id]) => onChoose(id) });
  };
  const meeting = meetings.find((m) => m.id === selected) ?? null;
  const count = (m: Meeting) => m.items.reduce((n, it) => n + itemFindings(findings, m.id, it.id).filter((f) => f.status !== 'MITIGATED').length, 0);
  return (
    <div className="meetings" data-testid="meetings">
      <table className="simple">
        <caption className="sr-only">{t('meetings.tab', { count: meetings.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('meetings.date')}</th>
            <th scope="col">{t('form.title')}</th>
            <th scope="col">{t('meetings.body')}</th>
            <th scope="col">{t('meetings.chairActor')}</th>
            <th scope="col">{t('meetings.items')}</th>
            <th scope="col">{t('meetings.findings')}</th>
          </tr>
        </thead>
        <tbody>
          {meetings.map((m) => (
            <tr key={m.id} aria-selected={m.id === selected} className={m.id === selected ? 'selected' : ''} data-testid={`meeting-${m.id}`}>
              <td>{m.date ?? ''}</td>
              <td>
                <button type="button" className="link" onClick={() => (onChoose(m.id === selected ? null : m.id), m.bodyActorId && onSelect([m.bodyActorId]))}>
                  {m.title}
                </button>
              </td>
              <td>{name.get(m.bodyActorId ?? m.partnershipId ?? '') ?? ''}</td>
              <td>{(m.chairFunctionId && data.functions.find((f) => f.id === m.chairFunctionId)?.title) || name.get(m.chairActorId ?? '') || ''}</td>
              <td>{m.items.length}</td>
              <td>{count(m) || ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {meetings.length === 0 && <p className="muted">{t('meetings.none')}</p>}
      {!readOnly && (
        <AddForm
          testId="meeting"
          spec={meetingSpec(t, data).slice(0, 5)}
          blank={() => ({ title: '', date: null, bodyActorId: null, partnershipId: null, chairActorId: null, chairFunctionId: null, minutesRef: null, items: [], notes: null })}
          vocab={vocab}
          addLabel={t('meetings.add')}
          onAdd={add}
        />
      )}
      {meeting && <MeetingDetail key={meeting.id} meeting={meeting} data={data} vocab={vocab} save={save} readOnly={readOnly} findings={findings} onSelect={onSelect} onDelete={() => onDelete(meeting.id)} />}
    </div>
  );
}

/**
 * Where a recorded gap is (or was) on the agenda, and a way to put it on one: the zorgraad or the network reviews
 * its gaps item by item. Adding makes a "bespreking van lacunes" item that points at the gap, as one undoable edit.
 */
export function GapOnAgenda({ gapId, gapTitle, data, save, readOnly }: { gapId: string; gapTitle: string; data: NetworkData; save: Save; readOnly: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const meetings = useMemo(() => newestFirst(data.meetings), [data.meetings]);
  const [chosen, setChosen] = useState<string>('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const on = meetings.flatMap((m) => m.items.filter((it) => it.gapIds.includes(gapId)).map((it) => ({ m, it })));
  const add = async () => {
    const m = meetings.find((x) => x.id === chosen);
    if (!m) return;
    const item = AgendaItemSchema.parse({ id: nextItemId(m.items), title: gapTitle, type: 'LACUNEBESPREKING', gapIds: [gapId] });
    const errs = await save({ label: t('meetings.gapScheduled', { title: gapTitle, meeting: m.title }), steps: [{ op: 'update', kind: 'meeting', value: { ...m, items: [...m.items, item] } }] });
    setErrors(errs);
    if (!Object.keys(errs).length) setChosen('');
  };
  return (
    <section aria-labelledby={headingId} className="gap-agenda" data-testid="gap-agenda">
      <h3 id={headingId}>{t('meetings.onAgenda')}</h3>
      {on.length === 0 ? (
        <p className="muted">{t('meetings.notOnAgenda')}</p>
      ) : (
        <ul>
          {on.map(({ m, it }) => (
            <li key={`${m.id}-${it.id}`}>{t('meetings.onAgendaItem', { meeting: m.title, date: m.date ?? '', n: m.items.indexOf(it) + 1 })}</li>
          ))}
        </ul>
      )}
      {!readOnly && meetings.length > 0 && (
        <div className="add-party">
          <label htmlFor={`${headingId}-m`} className="sr-only">
            {t('meetings.chooseMeeting')}
          </label>
          <select id={`${headingId}-m`} value={chosen} onChange={(e) => setChosen(e.target.value)} data-testid="gap-agenda-meeting">
            <option value="">{t('meetings.chooseMeeting')}</option>
            {meetings.map((m) => (
              <option key={m.id} value={m.id}>
                {m.date ? `${m.date} · ` : ''}
                {m.title}
              </option>
            ))}
          </select>
          <button type="button" disabled={!chosen} onClick={() => void add()} data-testid="gap-agenda-add">
            {t('meetings.schedule')}
          </button>
        </div>
      )}
      {errors._ && (
        <p className="dialog-error" role="alert">
          {errors._}
        </p>
      )}
    </section>
  );
}
