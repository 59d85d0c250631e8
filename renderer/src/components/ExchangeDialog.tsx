import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, MergeChoicesInput, SheetMappingInput } from '../../../shared/exchange/contract';
import { GROUPS_AS, plannedKinds, TABLE_KINDS, type GroupsAs, type TableKind } from '../../../shared/exchange/fields';
import type { VocabEntry, VocabKind } from '../../../shared/vocab';
import { call, dialogError } from '../api';
import type { CallOutput } from '../../../shared/api';
import { ImportFiles } from './ImportFiles';
import { ImportMapping, mappingOf, type ChoosableActor } from './ImportMapping';
import { PlanRows } from './PlanRows';
import { MergeReview } from './MergeReview';
import { Modal } from './Modal';

export type ExchangeDone =
  | { kind: 'export'; path: string; bytes: number }
  | { kind: 'import'; fileName: string; counts: Record<string, number>; created: boolean; summary: string; planned?: CallOutput<'exchange.import'>['planned'] };

/** A file wrong on every row (a column mapped to the wrong field) lists its first problems, and counts the rest. */
const PROBLEMS_SHOWN = 200;
/** The lists a JSON preview counts, in the order it shows them. */
const PREVIEW_LISTS = ['actors', 'agreements', 'services', 'partnerships', 'gaps', 'meetings', 'views', 'changeLog'] as const;
type ExportChoice = 'json' | 'xlsx' | 'csv' | 'graphml' | 'gexf' | 'template';
const EXTENSION: Record<ExportChoice, string> = { json: 'json', xlsx: 'xlsx', csv: 'csv', graphml: 'graphml', gexf: 'gexf', template: 'xlsx' };

/**
 * Import and export. Out: the whole document as JSON, actors, services and agreements for spreadsheets (xlsx, CSV),
 * or the import template. In: a Regiekaart JSON, or a CSV or Excel file whose columns are mapped first. An import is
 * read and checked before anything is written (what the file holds, what becomes new or is updated, every problem
 * with its place); nothing is written until the user confirms, and then all of it at once, as one undoable step.
 */
export function ExchangeDialog({
  askPath,
  vocab,
  actors,
  onCancel,
  onDone,
}: {
  askPath: boolean;
  vocab: Record<VocabKind, VocabEntry[]> | null;
  /** The open document's actors, to say which one a party name not found is. */
  actors: readonly ChoosableActor[];
  onCancel: () => void;
  onDone: (d: ExchangeDone) => Promise<void> | void;
}) {
  const { t, i18n } = useTranslation();
  const [tab, setTab] = useState<'import' | 'export'>('import');
  const [exportChoice, setExportChoice] = useState<ExportChoice>('xlsx');
  const [csvKind, setCsvKind] = useState<TableKind>('actors');
  const [exportPath, setExportPath] = useState('');
  const [importPath, setImportPath] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [into, setInto] = useState<'current' | 'new'>('new');
  const [target, setTarget] = useState('');
  const [skipProblems, setSkipProblems] = useState(false);
  const [merge, setMerge] = useState<MergeChoicesInput>({});
  /** What a graph file's groups are read as, chosen (shown at once, before the new preview). */
  const [groupsAs, setGroupsAs] = useState<GroupsAs | null>(null);
  // Busy while any request runs (a choice made during a preview sends another before the first is answered).
  const [running, setRunning] = useState(0);
  const busy = running > 0;
  /** The preview requests made, and the mapping the newest one sent (until its answer is shown). */
  const checks = useRef(0);
  const pending = useRef<SheetMappingInput[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (fn: () => Promise<void>) => {
    setRunning((n) => n + 1);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(dialogError(err));
    } finally {
      setRunning((n) => n - 1);
    }
  };
  const mapping = preview?.sheets?.map(mappingOf);
  // "nodes.csv en edges.csv": the file, or the files imported together.
  const fileNames = preview ? new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format([preview.fileName, ...(preview.also ?? []).map((a) => a.fileName)]) : '';
  // Problems that are a value the vocabulary does not know (one per cell): the mapping step lists those, to choose for.
  const unknownValues = (preview?.sheets ?? []).reduce((n, s) => n + (s.values ?? []).filter((v) => !v.chosen).reduce((m, v) => m + v.rows, 0), 0);
  /**
   * Reads and checks the file (again, with a changed mapping, merge choices, target or choice for a graph's groups:
   * the core plans it anew; a spreadsheet or graph file into a new document is planned against none, so the counts
   * say what that one gets).
   */
  const check = (changed: { mapping?: SheetMappingInput[]; merge?: MergeChoicesInput; into?: 'current' | 'new'; groups?: GroupsAs; also?: string[]; addFile?: boolean } = {}) => {
    // Only the newest request's answer is shown: one overtaken by a later choice is dropped.
    const asked = ++checks.current;
    pending.current = changed.mapping ?? null;
    // The choice shows at once; the core's new plan follows.
    if (changed.merge) setMerge(changed.merge);
    if (changed.into) setInto(changed.into);
    if (changed.groups) setGroupsAs(changed.groups);
    return run(async () => {
      if (askPath && !importPath.trim() && !preview) throw new Error(t('exchange.noImportPath'));
      const again = !!preview && Object.values(changed).some((v) => v !== undefined);
      const p = await call('exchange.preview', {
        path: again ? preview!.path : askPath ? importPath.trim() : undefined,
        // The files imported together with it: as they were, or as added or taken away.
        also: again ? (changed.also ?? preview!.also?.map((a) => a.path)) : undefined,
        addFile: changed.addFile,
        // Other groups make other sheets: their mapping is suggested anew. Another file keeps the sheets' mapping.
        mapping: changed.mapping ?? (changed.into || changed.also || changed.addFile ? mapping : undefined),
        merge: changed.merge,
        into: again ? (changed.into ?? into) : undefined,
        groups: again ? (changed.groups ?? preview!.groups?.as) : undefined,
      });
      if (asked !== checks.current) return;
      pending.current = null;
      setPreview(p);
      setGroupsAs(p.groups?.as ?? null);
      if (!again) setInto(p.intoCurrent.allowed ? 'current' : 'new');
    });
  };
  /** The user's choice of target: a spreadsheet or graph file's plan follows it. */
  const chooseInto = (choice: 'current' | 'new') => (preview?.plan ? void check({ into: choice }) : setInto(choice));
  const planned = preview?.plan ? Object.values(preview.plan.summary).reduce((n, s) => n + s.create + s.update, 0) : null;
  const confirm = () =>
    run(async () => {
      if (!preview) return;
      if (into === 'new' && askPath && !target.trim()) throw new Error(t('exchange.noTarget'));
      const done = await call('exchange.import', {
        path: preview.path,
        also: preview.also?.map((a) => a.path),
        into,
        target: into === 'new' && askPath ? target.trim() : undefined,
        mapping,
        skipProblemRows: skipProblems || undefined,
        merge: preview.merge && into === 'current' ? merge : undefined,
        groups: preview.groups?.as,
      });
      await onDone({ kind: 'import', fileName: fileNames, counts: done.counts, created: done.created, summary: done.summary, planned: done.planned });
    });
  const exportNow = () =>
    run(async () => {
      if (askPath && !exportPath.trim()) throw new Error(t('exchange.noExportPath', { ext: EXTENSION[exportChoice] }));
      const path = askPath ? exportPath.trim() : undefined;
      const done =
        exportChoice === 'template'
          ? await call('exchange.template', { path })
          : await call('exchange.export', { format: exportChoice, kind: exportChoice === 'csv' ? csvKind : undefined, path });
      await onDone({ kind: 'export', path: done.path, bytes: done.bytes });
    });

  const ready = !!preview && (!preview.problems.length || (skipProblems && !!planned)) && planned !== 0;
  const okLabel = busy ? t('report.busy') : tab === 'export' ? t('exchange.export') : ready ? t(preview?.merge && into === 'current' ? 'exchange.merge.ok' : 'exchange.import') : t('exchange.check');
  const onOk = tab === 'export' ? exportNow : ready ? confirm : () => check();
  const groups = preview?.groups;
  return (
    <Modal title={t('exchange.title')} okLabel={okLabel} onOk={() => void onOk()} onCancel={onCancel} error={error} busy={busy} testId="exchange-dialog">
      <fieldset className="report-presets">
        <legend>{t('exchange.what')}</legend>
        {(['import', 'export'] as const).map((k) => (
          <label key={k} className="check">
            <input type="radio" name="exchange-tab" checked={tab === k} onChange={() => (setTab(k), setError(null))} data-testid={`exchange-tab-${k}`} />
            {t(`exchange.tab.${k}`)}
          </label>
        ))}
      </fieldset>
      {tab === 'export' ? (
        <>
          <fieldset className="report-presets">
            <legend>{t('exchange.exportWhat')}</legend>
            {(['xlsx', 'csv', 'graphml', 'gexf', 'json', 'template'] as const).map((k) => (
              <label key={k} className="check">
                <input type="radio" name="exchange-export" checked={exportChoice === k} onChange={() => setExportChoice(k)} data-testid={`exchange-export-${k}`} />
                {t(`exchange.exportChoice.${k}`)}
              </label>
            ))}
          </fieldset>
          {exportChoice === 'csv' && (
            <div className="field">
              <label htmlFor="exchange-csv-kind">{t('exchange.csvKind')}</label>
              <select id="exchange-csv-kind" value={csvKind} onChange={(e) => setCsvKind(e.target.value as TableKind)} data-testid="exchange-csv-kind">
                {TABLE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`exchange.kind.${k}`)}
                  </option>
                ))}
              </select>
            </div>
          )}
          <p className="muted">{t(`exchange.exportHint.${exportChoice}`)}</p>
          {askPath && (
            <div className="field">
              <label htmlFor="exchange-export-path">{t('exchange.exportPath', { ext: EXTENSION[exportChoice] })}</label>
              <input id="exchange-export-path" value={exportPath} onChange={(e) => setExportPath(e.target.value)} placeholder={`/pad/naar/netwerk.${EXTENSION[exportChoice]}`} data-testid="exchange-export-path" />
            </div>
          )}
        </>
      ) : (
        <>
          <p className="muted">{t('exchange.importHint')}</p>
          {askPath && (
            <div className="field">
              <label htmlFor="exchange-import-path">{t('exchange.importPath')}</label>
              <input
                id="exchange-import-path"
                value={importPath}
                onChange={(e) => (setImportPath(e.target.value), setPreview(null), setSkipProblems(false), setMerge({}))}
                placeholder="/pad/naar/partners.xlsx"
                data-testid="exchange-import-path"
              />
            </div>
          )}
          {preview && (
            <section aria-labelledby="exchange-preview-heading" data-testid="exchange-preview">
              <h3 id="exchange-preview-heading">{t('exchange.previewTitle', { file: fileNames })}</h3>
              {(preview.format === 'csv' || preview.format === 'xlsx') && <ImportFiles preview={preview} askPath={askPath} busy={busy} onChange={(c) => void check(c)} />}
              {groups && (
                <fieldset className="report-presets" data-testid="exchange-groups">
                  <legend>{t('exchange.groups.legend', { count: groups.count })}</legend>
                  {GROUPS_AS.map((k) => (
                    <label key={k} className="check">
                      <input type="radio" name="exchange-groups" checked={(groupsAs ?? groups.as) === k} onChange={() => void check({ groups: k })} data-testid={`exchange-groups-${k}`} />
                      {t(`exchange.groups.${k}`)}
                    </label>
                  ))}
                </fieldset>
              )}
              {preview.sheets && <ImportMapping sheets={preview.sheets} pending={pending.current} vocab={vocab} actors={into === 'current' ? actors : []} onChange={(m) => void check({ mapping: m })} />}
              {preview.merge && into === 'current' && <MergeReview merge={preview.merge} choices={merge} onChange={(m) => void check({ merge: m })} />}
              {preview.plan && (
                <ul className="plan-counts" data-testid="exchange-plan">
                  {plannedKinds(preview.plan.summary).map((k) => (
                    <li key={k}>{t('exchange.planLine', { kind: t(`exchange.kind.${k}`), ...preview.plan!.summary[k] })}</li>
                  ))}
                </ul>
              )}
              {preview.plan && preview.plan.rows.length > 0 && <PlanRows plan={preview.plan} />}
              {preview.notes?.map((note) => (
                <p key={note} className="muted" data-testid="exchange-note">
                  {note}
                </p>
              ))}
              {preview.problems.length > 0 && (
                <>
                  <p className="dialog-error" role="alert" data-testid="exchange-problem-count">
                    {t(preview.plan ? 'exchange.problemsRows' : preview.sheets ? 'exchange.problemsMapping' : 'exchange.problems', { count: preview.problems.length })}
                    {unknownValues > 0 && ` ${t('exchange.problemsValues', { count: unknownValues })}`}
                  </p>
                  <div className="problem-list">
                    <table data-testid="exchange-problems">
                      <thead>
                        <tr>
                          <th scope="col">{t('exchange.where')}</th>
                          <th scope="col">{t('exchange.problem')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {preview.problems.slice(0, PROBLEMS_SHOWN).map((p, i) => (
                          <tr key={i}>
                            <td>{p.where || '–'}</td>
                            <td>{p.message}</td>
                          </tr>
                        ))}
                        {preview.problems.length > PROBLEMS_SHOWN && (
                          <tr data-testid="exchange-problems-more">
                            <td>…</td>
                            <td>{t('exchange.moreProblems', { count: preview.problems.length - PROBLEMS_SHOWN, shown: PROBLEMS_SHOWN })}</td>
                          </tr>
                        )}
                      </tbody>
                    </table>
                  </div>
                  {preview.plan && !!planned && (
                    <label className="check">
                      <input type="checkbox" checked={skipProblems} onChange={(e) => setSkipProblems(e.target.checked)} data-testid="exchange-skip-problems" />
                      {t('exchange.skipProblems')}
                    </label>
                  )}
                </>
              )}
              {!preview.plan && !(preview.merge && into === 'current') && !preview.problems.length && (
                <ul className="preview-counts" data-testid="exchange-counts">
                  {PREVIEW_LISTS.filter((k) => preview.counts[k] !== undefined).map((k) => (
                    <li key={k}>{t(`exchange.count.${k}`, { count: preview.counts[k] })}</li>
                  ))}
                </ul>
              )}
              {planned === 0 && !preview.problems.length && <p className="muted" data-testid="exchange-nothing">{t('exchange.nothing')}</p>}
              {/* Nothing to do in the open document may still be a new document's whole content: the choice stays. */}
              {(ready || (preview.problems.length > 0 && !!planned) || (planned === 0 && into === 'current' && !preview.problems.length)) && (
                <>
                  <fieldset className="report-presets">
                    <legend>{t('exchange.into')}</legend>
                    <label className="check">
                      <input type="radio" name="exchange-into" checked={into === 'current'} disabled={!preview.intoCurrent.allowed} onChange={() => chooseInto('current')} data-testid="exchange-into-current" />
                      {t(preview.merge ? 'exchange.intoMerge' : 'exchange.intoCurrent')}
                    </label>
                    {preview.intoCurrent.reason && <p className="muted" data-testid="exchange-into-reason">{preview.intoCurrent.reason}</p>}
                    <label className="check">
                      <input type="radio" name="exchange-into" checked={into === 'new'} onChange={() => chooseInto('new')} data-testid="exchange-into-new" />
                      {t('exchange.intoNew')}
                    </label>
                  </fieldset>
                  {into === 'new' && askPath && (
                    <div className="field">
                      <label htmlFor="exchange-target">{t('exchange.target')}</label>
                      <input id="exchange-target" value={target} onChange={(e) => setTarget(e.target.value)} placeholder="/pad/naar/netwerk.regiekaart" data-testid="exchange-target" />
                    </div>
                  )}
                </>
              )}
            </section>
          )}
        </>
      )}
    </Modal>
  );
}
