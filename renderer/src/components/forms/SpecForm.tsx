import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTITY_SCHEMAS, type EntityKind } from '../../../../shared/model';
import type { VocabEntry, VocabKind } from '../../../../shared/vocab';
import { CodeChecklist, CodeSelect, DateField, RefChecklist, RefSelect, TextField, type FieldErrors } from './fields';
import { fieldErrors, placeKey, startFrom, useEditForm, useKeptDraft, type Save } from './draft';
import type { DraftKey } from '../../../../shared/edit/drafts';
import { useDrafts } from '../../data';
import { DraftNote } from './DraftNote';

type Option = { id: string; name: string };

/** One field of a simple form: what it edits and how. The forms of org units, roles and the like are lists of these. */
export type FieldSpec =
  | { key: string; type: 'text' | 'multiline'; label: string; required?: boolean }
  | { key: string; type: 'date'; label: string }
  | { key: string; type: 'bool'; label: string }
  | { key: string; type: 'code'; label: string; vocab: VocabKind; allowEmpty?: boolean }
  | { key: string; type: 'codes'; label: string; vocab: VocabKind }
  | { key: string; type: 'ref'; label: string; options: Option[]; emptyLabel?: string }
  | { key: string; type: 'refs'; label: string; options: Option[] }
  | { key: string; type: 'choice'; label: string; options: Option[] };

type Draft = Record<string, unknown>;

function BoolField({ label, value, onChange, testId }: { label: string; value: boolean; onChange: (v: boolean) => void; testId?: string }) {
  return (
    <label className="check">
      <input type="checkbox" checked={value} onChange={(e) => onChange(e.target.checked)} data-testid={testId} />
      {label}
    </label>
  );
}

/**
 * A form built from field specs. Text fields save when left (`onCommit`); selects, dates, check boxes save at once.
 * Test ids are `<prefix>-<field>`.
 */
export function SpecForm({
  spec,
  draft,
  onChange,
  onCommit,
  errors,
  vocab,
  testPrefix,
}: {
  spec: FieldSpec[];
  draft: Draft;
  onChange: (d: Draft) => void;
  onCommit?: (d: Draft) => void;
  errors: FieldErrors;
  vocab: Record<VocabKind, VocabEntry[]>;
  testPrefix: string;
}) {
  const set = (key: string, v: unknown, commit: boolean) => {
    const next = { ...draft, [key]: v };
    onChange(next);
    if (commit) onCommit?.(next);
  };
  return (
    <div className="form">
      {spec.map((f) => {
        const testId = `${testPrefix}-${f.key}`;
        const err = errors[f.key];
        switch (f.type) {
          case 'text':
          case 'multiline':
            return (
              <TextField
                key={f.key}
                label={f.label}
                value={(draft[f.key] as string | null) ?? null}
                required={f.required}
                multiline={f.type === 'multiline'}
                onChange={(v) => set(f.key, f.required ? (v ?? '') : v, false)}
                onCommit={() => onCommit?.(draft)}
                error={err}
                testId={testId}
              />
            );
          case 'date':
            return <DateField key={f.key} label={f.label} value={(draft[f.key] as string | null) ?? null} onChange={(v) => set(f.key, v, true)} error={err} testId={testId} />;
          case 'bool':
            return <BoolField key={f.key} label={f.label} value={!!draft[f.key]} onChange={(v) => set(f.key, v, true)} testId={testId} />;
          case 'code':
            return (
              <CodeSelect
                key={f.key}
                label={f.label}
                vocab={vocab}
                kind={f.vocab}
                value={(draft[f.key] as string | null) ?? null}
                allowEmpty={f.allowEmpty}
                onChange={(v) => set(f.key, v === '' ? null : v, true)}
                error={err}
                testId={testId}
              />
            );
          case 'codes':
            return <CodeChecklist key={f.key} label={f.label} vocab={vocab} kind={f.vocab} value={(draft[f.key] as string[]) ?? []} onChange={(v) => set(f.key, v, true)} error={err} testId={testId} />;
          case 'ref':
          case 'choice':
            return (
              <RefSelect
                key={f.key}
                label={f.label}
                options={f.options}
                value={(draft[f.key] as string | null) ?? null}
                emptyLabel={f.type === 'ref' ? f.emptyLabel : undefined}
                onChange={(v) => set(f.key, v, true)}
                error={err}
                testId={testId}
              />
            );
          case 'refs':
            return <RefChecklist key={f.key} label={f.label} options={f.options} value={(draft[f.key] as string[]) ?? []} onChange={(v) => set(f.key, v, true)} testId={testId} />;
        }
      })}
      {errors._ && (
        <p className="dialog-error" role="alert">
          {errors._}
        </p>
      )}
    </div>
  );
}

/** One stored thing, editable in place: each change is one saved, undoable edit. */
function ItemEditor({ kind, item, spec, vocab, save, label, testPrefix }: { kind: EntityKind; item: Draft & { id: string }; spec: FieldSpec[]; vocab: Record<VocabKind, VocabEntry[]>; save: Save; label: (d: Draft) => string; testPrefix: string }) {
  const { draft, setDraft, errors, commit } = useEditForm<Draft>(kind, item, save, label);
  return <SpecForm spec={spec} draft={draft} onChange={setDraft} onCommit={commit} errors={errors} vocab={vocab} testPrefix={testPrefix} />;
}

/**
 * A list of one kind of thing under an actor or partnership (org units, functions, memberships, roles, governance
 * models): each item opens into its own form; "+ …" adds one; × deletes it through the confirmation that names
 * what goes with it.
 */
export function EntityList<T extends { id: string }>({
  title,
  kind,
  items,
  itemLabel,
  spec,
  blank,
  vocab,
  save,
  readOnly,
  onDelete,
  addLabel,
  editedLabel,
  addedLabel,
  testId,
}: {
  title: string;
  kind: EntityKind;
  items: T[];
  itemLabel: (item: T) => string;
  spec: FieldSpec[];
  blank: Draft;
  vocab: Record<VocabKind, VocabEntry[]>;
  save: Save;
  readOnly: boolean;
  onDelete: (kind: EntityKind, ids: string[]) => void;
  addLabel: string;
  editedLabel: (d: Draft) => string;
  addedLabel: (d: Draft) => string;
  testId: string;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [adding, setAdding] = useState(false);
  const add = async (d: Draft, dropDraft: DraftKey) => {
    const errs = fieldErrors(ENTITY_SCHEMAS[kind], { id: 'nieuw', ...d });
    return Object.keys(errs).length ? errs : save({ label: addedLabel(d), steps: [{ op: 'create', kind, value: d }], dropDraft });
  };
  return (
    <section className="entity-list" aria-labelledby={headingId} data-testid={testId}>
      <h3 id={headingId}>{title}</h3>
      {items.length === 0 && !adding && <p className="muted">{t('inspector.none')}</p>}
      <ul>
        {items.map((item) => (
          <li key={item.id} className="removable">
            {readOnly ? (
              itemLabel(item)
            ) : (
              <>
                <details>
                  <summary>
                    <span>{itemLabel(item)}</span>
                  </summary>
                  <ItemEditor kind={kind} item={item as unknown as Draft & { id: string }} spec={spec} vocab={vocab} save={save} label={editedLabel} testPrefix={`${testId}-edit`} />
                </details>
                {/* Beside the summary, not in it: a button inside a summary is a control inside a control. */}
                <button type="button" className="icon" aria-label={t('inspector.removeThing', { name: itemLabel(item) })} onClick={() => onDelete(kind, [item.id])}>
                  ×
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && <AddForm testId={testId} spec={spec} blank={() => ({ ...blank })} vocab={vocab} addLabel={addLabel} onAdd={add} onOpen={setAdding} />}
    </section>
  );
}

/**
 * "+ …" that opens a small inline form (the fields of `spec`) with Cancel and Add. `onAdd` checks and saves the draft
 * (taking the form's kept draft away with it: `dropDraft` in its edit) and resolves to its field errors; the form
 * closes once there are none. What is typed is kept as the document's draft `form:<testId>` for the thing the form is
 * open on (`context`, by default the empty form, which names the actor it adds to), so a crash or a closed window
 * does not lose it: opened again there, the form goes on from it. Test ids: `<testId>-new` (the button),
 * `<testId>-new-form`, `<testId>-new-<field>`, `<testId>-add`.
 */
export function AddForm({
  testId,
  spec,
  blank,
  context,
  vocab,
  addLabel,
  onAdd,
  onOpen,
}: {
  testId: string;
  spec: FieldSpec[];
  blank: () => Draft;
  /** What the form adds to, when the empty form does not say (an agenda item: its meeting). */
  context?: Draft;
  vocab: Record<VocabKind, VocabEntry[]>;
  addLabel: string;
  onAdd: (draft: Draft, dropDraft: DraftKey) => Promise<FieldErrors>;
  onOpen?: (open: boolean) => void;
}) {
  const [open, setOpenState] = useState<{ key: DraftKey; empty: Draft; start: Draft; restoredAt: string | null } | null>(null);
  const drafts = useDrafts(true).data ?? [];
  const setOpen = (o: typeof open) => {
    setOpenState(o);
    onOpen?.(o !== null);
  };
  const start = () => {
    const empty = blank();
    const key = placeKey(testId, context ?? empty);
    const kept = drafts.find((d) => d.key === key && JSON.stringify(d.context ?? {}) === JSON.stringify(context ?? empty));
    const { draft, restoredAt } = startFrom(empty, kept);
    setOpen({ key, empty, start: draft, restoredAt });
  };
  return open ? (
    <OpenAddForm testId={testId} draftKey={open.key} spec={spec} start={open.start} restoredAt={open.restoredAt} empty={open.empty} context={context} vocab={vocab} addLabel={addLabel} onAdd={onAdd} onClose={() => setOpen(null)} />
  ) : (
    <button type="button" className="add-item" onClick={start} data-testid={`${testId}-new`}>
      {addLabel}
    </button>
  );
}

/** The open inline form of AddForm: its fields, its kept draft, Cancel (which throws the draft away) and Add. */
function OpenAddForm({
  testId,
  draftKey,
  spec,
  start,
  restoredAt,
  empty,
  context,
  vocab,
  addLabel,
  onAdd,
  onClose,
}: {
  testId: string;
  draftKey: DraftKey;
  spec: FieldSpec[];
  start: Draft;
  restoredAt: string | null;
  empty: Draft;
  context?: Draft;
  vocab: Record<VocabKind, VocabEntry[]>;
  addLabel: string;
  onAdd: (draft: Draft, dropDraft: DraftKey) => Promise<FieldErrors>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(start);
  const [errors, setErrors] = useState<FieldErrors>({});
  const label = String(draft.title ?? draft.name ?? draft.measure ?? '');
  const kept = useKeptDraft(draftKey, label, draft, empty, { context: context ?? empty, where: addLabel.replace(/^\+\s*/, '') });
  const add = async () => {
    const errs = await kept.finish(() => onAdd(draft, draftKey));
    setErrors(errs);
    if (!Object.keys(errs).length) onClose();
  };
  return (
    <div className="new-item" data-testid={`${testId}-new-form`}>
      <DraftNote restoredAt={restoredAt} onRestart={() => setDraft(empty)} error={kept.error} testId={`${testId}-draft-restored`} />
      <SpecForm spec={spec} draft={draft} onChange={setDraft} errors={errors} vocab={vocab} testPrefix={`${testId}-new`} />
      <div className="dialog-buttons">
        <button type="button" onClick={() => (onClose(), void kept.discard())}>
          {t('dialog.cancel')}
        </button>
        <button type="button" className="primary" onClick={() => void add()} data-testid={`${testId}-add`}>
          {t('form.add')}
        </button>
      </div>
    </div>
  );
}
