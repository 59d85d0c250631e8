import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mergeVocab } from '../../shared/vocab';
import { ActorSchema, AgreementSchema, DEFAULT_VIEW_ID, type EntityKind } from '../../shared/model';
import { useAppInfo, useDocument, useEdit, useFileAction, useHistory, usePositions, useSnapshot, useUndoRedo, useVocab } from './data';
import { Toolbar, type FileDialogKind } from './components/Toolbar';
import { ActorList } from './components/ActorList';
import { MapCanvas, type MapPlacement } from './components/MapCanvas';
import { Inspector, type Save } from './components/Inspector';
import { Legend } from './components/Legend';
import { PathDialog } from './components/PathDialog';
import { Modal } from './components/Modal';
import { DeleteDialog } from './components/DeleteDialog';
import { ActorForm, blankActor } from './components/forms/ActorForm';
import { AgreementForm, blankAgreement, type AgreementDraft } from './components/forms/AgreementForm';
import { fieldErrors, serverErrors } from './components/forms/draft';
import type { FieldErrors } from './components/forms/fields';
import { ApiCallError } from './api';

type EditDialog =
  | { kind: 'actor'; draft: ReturnType<typeof blankActor>; errors: FieldErrors }
  | { kind: 'agreement'; draft: AgreementDraft; errors: FieldErrors }
  | { kind: 'delete'; groups: { kind: EntityKind; ids: string[] }[]; error: string | null };

const isTyping = (el: Element | null) => !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || (el as HTMLElement).isContentEditable);

/** The main window: toolbar, actor list, map with legend, inspector. */
export function App() {
  const { t } = useTranslation();
  const app = useAppInfo();
  const docQ = useDocument();
  const hasDoc = !!docQ.data;
  const snapshotQ = useSnapshot(hasDoc);
  const vocabQ = useVocab(hasDoc);
  const positionsQ = usePositions(DEFAULT_VIEW_ID, hasDoc);
  const historyQ = useHistory(hasDoc);
  const fileAction = useFileAction();
  const edit = useEdit();
  const undoRedo = useUndoRedo();
  const [chosen, setSelection] = useState<string[]>([]);
  const [dialog, setDialog] = useState<FileDialogKind | null>(null);
  const [editDialog, setEditDialog] = useState<EditDialog | null>(null);
  const [connectMode, setConnectMode] = useState(false);
  const [status, setStatus] = useState<string>('');

  const vocab = useMemo(() => (vocabQ.data ? mergeVocab(vocabQ.data) : null), [vocabQ.data]);
  const doc = docQ.data;
  const data = snapshotQ.data;
  const readOnly = !!doc?.readOnly;

  useEffect(() => {
    document.title = doc ? `${doc.meta.title} — Regiekaart` : 'Regiekaart';
  }, [doc]);

  // The selection only holds what still exists (after a delete or an undo).
  const selection = useMemo(() => {
    if (!data) return chosen;
    const ids = new Set([...data.actors.map((a) => a.id), ...data.agreements.map((a) => `agreement:${a.id}`), ...data.partnerships.map((p) => `partnership:${p.id}`)]);
    const live = chosen.filter((id) => ids.has(id) || id.startsWith('member:'));
    return live.length === chosen.length ? chosen : live;
  }, [chosen, data]);

  const save: Save = useCallback(
    async (batch) => {
      try {
        await edit.mutateAsync(batch);
        setStatus(t('status.saved', { what: batch.label ?? '' }));
        return {};
      } catch (err) {
        return serverErrors(err);
      }
    },
    [edit, t],
  );

  const runFile = useCallback(
    (kind: FileDialogKind | 'demo', path?: string, extra?: { title?: string; municipality?: string }) => {
      const action =
        kind === 'demo'
          ? ({ kind: 'demo' } as const)
          : kind === 'new'
            ? ({ kind: 'create', input: { path, ...extra } } as const)
            : ({ kind, input: { path } } as const);
      fileAction.mutate(action, {
        onSuccess: (name) => {
          setSelection([]);
          setDialog(null);
          setStatus(kind === 'saveCopy' ? t('status.copySaved', { path: name }) : t('status.opened', { name }));
        },
      });
    },
    [fileAction, t],
  );

  const requestFile = useCallback(
    (kind: FileDialogKind | 'demo') => {
      if (kind === 'demo' || app.data?.nativeDialogs) runFile(kind);
      else setDialog(kind);
    },
    [app.data?.nativeDialogs, runFile],
  );

  const deleteGroups = useMemo(() => {
    if (!data) return [];
    const actors = selection.filter((id) => data.actors.some((a) => a.id === id));
    const agreements = selection.filter((id) => id.startsWith('agreement:')).map((id) => id.slice('agreement:'.length));
    return [
      ...(agreements.length ? [{ kind: 'agreement' as const, ids: agreements }] : []),
      ...(actors.length ? [{ kind: 'actor' as const, ids: actors }] : []),
    ];
  }, [selection, data]);

  const undoOrRedo = useCallback(
    (which: 'undo' | 'redo') => {
      const what = which === 'undo' ? historyQ.data?.undo : historyQ.data?.redo;
      if (!what || readOnly) return;
      undoRedo.mutate(which, { onSuccess: () => setStatus(t(which === 'undo' ? 'status.undone' : 'status.redone', { what: what.label })) });
    },
    [historyQ.data, readOnly, undoRedo, t],
  );

  const requestDelete = useCallback(() => {
    if (deleteGroups.length && !readOnly) setEditDialog({ kind: 'delete', groups: deleteGroups, error: null });
  }, [deleteGroups, readOnly]);

  // Keyboard: undo/redo everywhere but in a text field (where the field's own undo applies), Delete on the selection.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (editDialog || dialog) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z' && !isTyping(document.activeElement)) {
        e.preventDefault();
        undoOrRedo(e.shiftKey ? 'redo' : 'undo');
      } else if (mod && key === 'y' && !isTyping(document.activeElement)) {
        e.preventDefault();
        undoOrRedo('redo');
      } else if ((e.key === 'Delete' || e.key === 'Backspace') && !isTyping(document.activeElement) && deleteGroups.length) {
        e.preventDefault();
        requestDelete();
      } else if (e.key === 'Escape' && connectMode) setConnectMode(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undoOrRedo, requestDelete, deleteGroups, connectMode, editDialog, dialog]);

  // The Electron menu sends its choices as DOM events, so no extra IPC surface is needed for them.
  useEffect(() => {
    const onMenu = (e: Event) => {
      const action = (e as CustomEvent<string>).detail;
      if (action === 'new' || action === 'open' || action === 'saveCopy' || action === 'demo') requestFile(action);
      if (action === 'undo' || action === 'redo') undoOrRedo(action);
    };
    window.addEventListener('regiekaart:menu', onMenu);
    return () => window.removeEventListener('regiekaart:menu', onMenu);
  }, [requestFile, undoOrRedo]);

  const onMove = useCallback(
    (moved: MapPlacement[]) => {
      if (readOnly) return;
      const first = data?.actors.find((a) => a.id === moved[0].nodeId)?.name ?? moved[0].nodeId;
      void save({ label: moved.length > 1 ? t('edit.movedMany', { count: moved.length }) : t('edit.moved', { name: first }), steps: [{ op: 'place', viewId: DEFAULT_VIEW_ID, positions: moved }] });
    },
    [data, readOnly, save, t],
  );
  const onInitialLayout = useCallback(
    (placed: MapPlacement[]) => {
      if (!readOnly && placed.length) void save({ undoable: false, steps: [{ op: 'place', viewId: DEFAULT_VIEW_ID, positions: placed }] });
    },
    [readOnly, save],
  );
  const onConnect = useCallback((from: string, to: string) => {
    setEditDialog({ kind: 'agreement', draft: blankAgreement(from, to), errors: {} });
  }, []);

  const submitEditDialog = async () => {
    if (!editDialog) return;
    if (editDialog.kind === 'delete') {
      const names = editDialog.groups.reduce((n, g) => n + g.ids.length, 0);
      try {
        await edit.mutateAsync({ label: t('edit.deleted', { count: names }), steps: editDialog.groups.map((g) => ({ op: 'delete' as const, kind: g.kind, ids: g.ids })) });
        setSelection([]);
        setEditDialog(null);
        setStatus(t('status.deleted', { count: names }));
      } catch (err) {
        setEditDialog({ ...editDialog, error: err instanceof ApiCallError ? err.message : String(err) });
      }
      return;
    }
    const schema = editDialog.kind === 'actor' ? ActorSchema : AgreementSchema;
    const local = fieldErrors(schema, { id: 'nieuw', ...editDialog.draft });
    if (Object.keys(local).length) return setEditDialog({ ...editDialog, errors: local });
    const label =
      editDialog.kind === 'actor' ? t('edit.actorAdded', { name: editDialog.draft.name }) : t('edit.agreementAdded', { name: editDialog.draft.title });
    try {
      const out = await edit.mutateAsync({ label, steps: [{ op: 'create', kind: editDialog.kind, value: editDialog.draft }] });
      setEditDialog(null);
      setConnectMode(false);
      setSelection([editDialog.kind === 'actor' ? out.created[0] : `agreement:${out.created[0]}`]);
      setStatus(t('status.saved', { what: label }));
    } catch (err) {
      setEditDialog({ ...editDialog, errors: serverErrors(err) });
    }
  };

  const error = fileAction.error ?? docQ.error ?? snapshotQ.error ?? vocabQ.error ?? undoRedo.error;
  const errorText = error ? (error instanceof ApiCallError ? error.message : String(error)) : null;

  return (
    <div className="app">
      <Toolbar
        doc={doc ?? null}
        onFile={requestFile}
        onOpenPath={(path) => runFile('open', path)}
        busy={fileAction.isPending}
        edit={
          data && !readOnly
            ? {
                history: historyQ.data ?? null,
                connectMode,
                canDelete: deleteGroups.length > 0,
                onNewActor: () => setEditDialog({ kind: 'actor', draft: blankActor(), errors: {} }),
                onToggleConnect: () => setConnectMode((c) => !c),
                onUndo: () => undoOrRedo('undo'),
                onRedo: () => undoOrRedo('redo'),
                onDelete: requestDelete,
              }
            : null
        }
      />
      {doc?.readOnly && (
        <div className="banner banner-readonly" role="status" data-testid="readonly-banner">
          <strong>{t('readOnly')}:</strong> {doc.readOnlyReason}
        </div>
      )}
      {errorText && (
        <div className="banner banner-error" role="alert" data-testid="error-banner">
          <strong>{t('error')}:</strong> {errorText}
        </div>
      )}
      <main className="workspace">
        {data && vocab && positionsQ.data ? (
          <>
            <ActorList actors={data.actors} selected={selection.length === 1 ? selection[0] : null} onSelect={(id) => setSelection([id])} />
            <section className="map-area" aria-label={t('map.label')}>
              <MapCanvas
                data={data}
                vocab={vocab}
                positions={positionsQ.data}
                selection={selection}
                onSelect={setSelection}
                onMove={onMove}
                onInitialLayout={onInitialLayout}
                onConnect={onConnect}
                connectMode={connectMode}
                readOnly={readOnly}
              />
              <Legend vocab={vocab} data={data} />
            </section>
            <Inspector
              data={data}
              vocab={vocab}
              selection={selection}
              onSelect={setSelection}
              save={save}
              readOnly={readOnly}
              onDelete={requestDelete}
              onNewAgreement={(actorId) => setEditDialog({ kind: 'agreement', draft: blankAgreement(actorId, null), errors: {} })}
            />
          </>
        ) : (
          <p className="loading">{t('loading')}</p>
        )}
      </main>
      <footer className="statusbar" role="status" aria-live="polite" data-testid="statusbar">
        {doc && <span>{t('counts', { actors: doc.counts.actors, agreements: doc.counts.agreements, gaps: doc.counts.gaps })}</span>}
        <span className="status-msg">{status}</span>
      </footer>
      {dialog && (
        <PathDialog
          kind={dialog}
          error={fileAction.error ? errorText : null}
          onCancel={() => {
            fileAction.reset();
            setDialog(null);
          }}
          onSubmit={(path, extra) => runFile(dialog, path, extra)}
        />
      )}
      {editDialog?.kind === 'actor' && data && vocab && (
        <Modal title={t('dialog.newActor')} okLabel={t('form.add')} onOk={submitEditDialog} onCancel={() => setEditDialog(null)} busy={edit.isPending} error={editDialog.errors._} testId="actor-dialog">
          <ActorForm draft={editDialog.draft} onChange={(d) => setEditDialog({ ...editDialog, draft: d })} errors={editDialog.errors} data={data} vocab={vocab} autoFocus />
        </Modal>
      )}
      {editDialog?.kind === 'agreement' && data && vocab && (
        <Modal title={t('dialog.newAgreement')} okLabel={t('form.add')} onOk={submitEditDialog} onCancel={() => setEditDialog(null)} busy={edit.isPending} error={editDialog.errors._} testId="agreement-dialog">
          <AgreementForm draft={editDialog.draft} onChange={(d) => setEditDialog({ ...editDialog, draft: d })} errors={editDialog.errors} data={data} vocab={vocab} autoFocus />
        </Modal>
      )}
      {editDialog?.kind === 'delete' && (
        <DeleteDialog groups={editDialog.groups} onConfirm={submitEditDialog} onCancel={() => setEditDialog(null)} error={editDialog.error} busy={edit.isPending} />
      )}
    </div>
  );
}
