import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mergeVocab } from '../../shared/vocab';
import type { HistoryState } from '../../shared/edit/commands';
import { ActorSchema, AgreementSchema, PartnershipSchema, DEFAULT_VIEW_ID, EMPTY_FILTERS, type EntityKind, type Position, type ViewFilters } from '../../shared/model';
import { filterNetwork, hiddenElements, isUnfiltered, sameFilters, searchNetwork } from '../../shared/graph/filter';
import { referenceDate } from '../../shared/graph/review';
import { networkElements } from '../../shared/graph/elements';
import { isLargeMap } from './map/style';
import { useAppInfo, useDocument, useDrafts, useEdit, useFileAction, useHistory, usePositions, useReportExport, useSnapshot, useUndoRedo, useViews, useVocab } from './data';
import { onFlush } from './flush';
import { Toolbar, type FileDialogKind } from './components/Toolbar';
import { MapCanvas, type LayoutKind, type MapApi, type MapPlacement } from './components/MapCanvas';
import { ArrangeMenu, SearchBox, layoutKey } from './components/MapTools';
import { ViewPanel } from './components/ViewPanel';
import { Tables } from './components/Tables';
import { MeetingsPanel } from './components/Meetings';
import { CheckSettingsForm, CoverageMatrix, FindingsPanel, GapRegister, countBySeverity, needsAction } from './components/Checks';
import { runChecks } from '../../shared/checks';
import { coverage } from '../../shared/checks/coverage';
import { TextField } from './components/forms/fields';
import { plannedKinds } from '../../shared/exchange/fields';
import { SpecForm } from './components/forms/SpecForm';
import { blanks, specs } from './components/forms/specs';
import { Inspector, type Save } from './components/Inspector';
import { Legend } from './components/Legend';
import { PathDialog } from './components/PathDialog';
import { Modal } from './components/Modal';
import { DeleteDialog } from './components/DeleteDialog';
import { ActorForm, blankActor } from './components/forms/ActorForm';
import { AgreementForm, blankAgreement, newParty, type AgreementDraft } from './components/forms/AgreementForm';
import { fieldErrors, serverErrors, startFrom, throwAwayDraft, useOpenDrafts } from './components/forms/draft';
import type { FieldErrors } from './components/forms/fields';
import { ApiCallError, call, dialogError } from './api';
import { MapExportDialog } from './components/MapExportDialog';
import { mapSvg } from '../../shared/report/svg';
import { ReportDialog } from './components/ReportDialog';
import { ExchangeDialog } from './components/ExchangeDialog';
import { CreateDialog } from './components/CreateDialog';
import { formatMoment } from './i18n';
import type { Draft, DraftKey } from '../../shared/edit/drafts';
import { useQueryClient } from '@tanstack/react-query';

/** A dialog that adds something: its form, its empty form, and when the draft it went on from was kept (or null). */
type Creating<K extends DraftKey, D> = { kind: K; draft: D; blank: D; restoredAt: string | null; errors: FieldErrors };
type EditDialog =
  | Creating<'actor', ReturnType<typeof blankActor>>
  | Creating<'agreement', AgreementDraft>
  | { kind: 'delete'; groups: { kind: EntityKind; ids: string[] }[]; error: string | null }
  | { kind: 'saveView'; name: string; errors: FieldErrors }
  | Creating<'partnership', Record<string, unknown>>
  | { kind: 'arrange'; layout: LayoutKind; count: number };

/** Sends every save that waits for its pause and resolves once they are done (see main.tsx). */
const flushAndSettleNow = () => window.regiekaartFlush?.() ?? Promise.resolve();

/** The id of a view the user saves: W and the time, in base 36 (short, and sorted in the order they were made). */
const newViewId = () => `W${Date.now().toString(36).toUpperCase()}`;

/** A field where Ctrl+Z undoes the typing itself (check boxes and buttons leave it to the app's undo). */
const NOT_TEXT = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file']);
const isTyping = (el: Element | null) =>
  !!el &&
  ((el.tagName === 'INPUT' && !NOT_TEXT.has((el as HTMLInputElement).type)) || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || (el as HTMLElement).isContentEditable);

/** The main window: toolbar, actor list, map with legend, inspector. */
export function App() {
  const { t, i18n } = useTranslation();
  const app = useAppInfo();
  const docQ = useDocument();
  const hasDoc = !!docQ.data;
  const snapshotQ = useSnapshot(hasDoc);
  const vocabQ = useVocab(hasDoc);
  const viewsQ = useViews(hasDoc);
  const [chosenViewId, setViewId] = useState(DEFAULT_VIEW_ID);
  const [filters, setFilters] = useState<ViewFilters>(EMPTY_FILTERS);
  const basePositionsQ = usePositions(DEFAULT_VIEW_ID, hasDoc);
  // A named view that is gone (deleted, or its creation undone) gives way to the standard view.
  const viewId = !viewsQ.data || viewsQ.data.some((v) => v.id === chosenViewId) ? chosenViewId : DEFAULT_VIEW_ID;
  const viewPositionsQ = usePositions(viewId, hasDoc && viewId !== DEFAULT_VIEW_ID);
  const mapApi = useRef<MapApi | null>(null);
  const searchRef = useRef<HTMLInputElement | null>(null);
  const [query, setQuery] = useState('');
  const [matchIndex, setMatchIndex] = useState(-1);
  const [picking, setPicking] = useState<string | null>(null);
  const nudged = useRef<{ moved: Map<string, MapPlacement>; timer: ReturnType<typeof setTimeout> | null }>({ moved: new Map(), timer: null });
  const historyQ = useHistory(hasDoc);
  const fileAction = useFileAction();
  const edit = useEdit();
  const undoRedo = useUndoRedo();
  const reportExport = useReportExport();
  const [chosen, setSelection] = useState<string[]>([]);
  const [dialog, setDialog] = useState<FileDialogKind | null>(null);
  const [editDialog, setEditDialog] = useState<EditDialog | null>(null);
  const [connectMode, setConnectMode] = useState(false);
  const [status, setStatus] = useState<string>('');
  /** Why the last edit, undo or redo was not saved (a full disk…): kept in view in the status bar until one is. */
  const [problem, setProblem] = useState<string | null>(null);
  const [dockTab, setDockTab] = useState('actors');
  const [chosenGap, setChosenGap] = useState<string | null>(null);
  const [chosenMeeting, setChosenMeeting] = useState<string | null>(null);
  const [report, setReport] = useState<{ busy: boolean; error: string | null } | null>(null);
  const [mapExport, setMapExport] = useState<{ busy: boolean; error: string | null } | null>(null);
  const [exchangeOpen, setExchangeOpen] = useState(false);
  const queryClient = useQueryClient();

  const vocab = useMemo(() => (vocabQ.data ? mergeVocab(vocabQ.data) : null), [vocabQ.data]);
  const doc = docQ.data;
  const docPath = doc?.path ?? null;
  const data = snapshotQ.data;
  const readOnly = !!doc?.readOnly;
  const draftsQ = useDrafts(hasDoc && !!doc && !readOnly);
  const drafts = useMemo(() => draftsQ.data ?? [], [draftsQ.data]);
  const typingIn = useOpenDrafts();
  // Offered as unfinished: the drafts of dialogs and forms that are not open (a crash, a reload, a closed window).
  const unfinished = drafts.filter((d) => !typingIn.includes(d.key));
  const views = useMemo(() => viewsQ.data ?? [], [viewsQ.data]);
  const activeView = views.find((v) => v.id === viewId) ?? null;

  // A named view draws its nodes where it saved them, and anything it has no place for where the standard view has it.
  // A move that was not saved (a full disk…) puts the nodes back where they are stored: a new list makes the map
  // apply the stored places again. (New data in the query cache would not do: the cache keeps the old list when the
  // new one is equal.)
  const [unsavedMoves, setUnsavedMoves] = useState(0);
  const positions = useMemo<Position[] | undefined>(() => {
    void unsavedMoves;
    if (viewId === DEFAULT_VIEW_ID) return basePositionsQ.data && [...basePositionsQ.data];
    if (!basePositionsQ.data || !viewPositionsQ.data) return undefined;
    const own = new Set(viewPositionsQ.data.map((p) => p.nodeId));
    return [...viewPositionsQ.data, ...basePositionsQ.data.filter((p) => !own.has(p.nodeId))];
  }, [viewId, basePositionsQ.data, viewPositionsQ.data, unsavedMoves]);

  const elements = useMemo(() => (data && vocab ? networkElements(data, vocab) : null), [data, vocab]);
  // The checks run again on every new snapshot, that is after every edit, undo and redo.
  const findings = useMemo(() => (data && vocab ? runChecks(data, vocab) : []), [data, vocab]);
  const cov = useMemo(() => (data && vocab ? coverage(data, vocab) : null), [data, vocab]);
  const severityCounts = useMemo(() => countBySeverity(findings), [findings]);
  const visible = useMemo(() => (data ? filterNetwork(data, filters) : null), [data, filters]);
  const hidden = useMemo(() => (data && visible ? hiddenElements(data, visible) : new Set<string>()), [data, visible]);
  const centreIds = useMemo(() => {
    const local = new Set(vocab?.actorType.filter((v) => v.props?.localGov).map((v) => v.code));
    return new Set(data?.actors.filter((a) => local.has(a.type)).map((a) => a.id));
  }, [data, vocab]);
  const allMatches = useMemo(() => (data && query.trim() ? searchNetwork(data, query) : null), [data, query]);
  const matches = useMemo(() => allMatches?.filter((id) => !hidden.has(id)) ?? null, [allMatches, hidden]);
  const dirty = !!activeView && viewId !== DEFAULT_VIEW_ID && !sameFilters(activeView.filters, filters);

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

  const chooseView = (id: string) => {
    const v = views.find((x) => x.id === id);
    setViewId(id);
    setFilters(v ? v.filters : EMPTY_FILTERS);
    setTimeout(() => mapApi.current?.fit(), 50);
  };

  // After the filters change, the map shows all that is left.
  const changeFilters = (f: ViewFilters) => {
    setFilters(f);
    setTimeout(() => mapApi.current?.fit(), 30);
  };

  const stepMatch = (delta: 1 | -1) => {
    if (!matches?.length) return;
    const next = (matchIndex + delta + matches.length) % matches.length;
    setMatchIndex(next);
    setSelection([matches[next]]);
  };

  // The edit mutation's state changes as it runs; its mutateAsync does not. Depending on that alone keeps `save` the
  // same function, so the inspector and the lists (2,000 actors' worth at scale) do not render again for it.
  const saveBatch = edit.mutateAsync;
  const save: Save = useCallback(
    async (batch, opts) => {
      try {
        const outcome = await saveBatch(batch);
        setProblem(null);
        opts?.onCreated?.(outcome.created);
        if (batch.label) setStatus(t('status.saved', { what: batch.label }));
        return {};
      } catch (err) {
        // Field errors belong to the form; an edit refused as a whole is also said where it is always in view.
        const errors = serverErrors(err);
        if (errors._) {
          setProblem(errors._);
          setStatus('');
        }
        return errors;
      }
    },
    [saveBatch, t],
  );

  const runFile = useCallback(
    (kind: FileDialogKind | 'demo', path?: string, extra?: { title?: string; municipality?: string }) => {
      const action =
        kind === 'demo'
          ? ({ kind: 'demo' } as const)
          : kind === 'new'
            ? ({ kind: 'create', input: { path, ...extra } } as const)
            : ({ kind, input: { path } } as const);
      // What is typed and still waits for its pause is saved to this document first, not to the one opened next
      // (a copy has it too).
      void flushAndSettleNow().then(() => fileAction.mutate(action, {
        onSuccess: (name) => {
          setProblem(null);
          setSelection([]);
          if (kind !== 'saveCopy') {
            // Another document starts on its standard view, unfiltered.
            setViewId(DEFAULT_VIEW_ID);
            setFilters(EMPTY_FILTERS);
            setQuery('');
          }
          setDialog(null);
          setStatus(kind === 'saveCopy' ? t('status.copySaved', { path: name }) : t('status.opened', { name }));
        },
      }));
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
    const partnerships = selection.filter((id) => id.startsWith('partnership:')).map((id) => id.slice('partnership:'.length));
    return [
      ...(agreements.length ? [{ kind: 'agreement' as const, ids: agreements }] : []),
      ...(partnerships.length ? [{ kind: 'partnership' as const, ids: partnerships }] : []),
      ...(actors.length ? [{ kind: 'actor' as const, ids: actors }] : []),
    ];
  }, [selection, data]);

  const undoOrRedo = useCallback(
    (which: 'undo' | 'redo') => {
      if (readOnly) return;
      // Right after an edit the history may still be on its way back, or the edit itself: then ask the core rather
      // than ignore the key. The query client is asked as the key comes, not the last render, which may be older than
      // an edit sent a moment ago. The status names what the core says it undid or redid.
      const history = queryClient.getQueryState<HistoryState>(['doc', 'history', docPath]);
      const busy = queryClient.isMutating() > 0 || history?.fetchStatus === 'fetching' || history?.isInvalidated;
      if (!busy && !(which === 'undo' ? history?.data?.undo : history?.data?.redo)) return;
      undoRedo.mutate(which, {
        onError: (err) => {
          setProblem(serverErrors(err)._ ?? String(err));
          setStatus('');
        },
        onSuccess: (state) => {
          setProblem(null);
          const what = which === 'undo' ? state.redo : state.undo;
          if (what) setStatus(t(which === 'undo' ? 'status.undone' : 'status.redone', { what: what.label }));
        },
      });
    },
    [queryClient, readOnly, undoRedo, t, docPath],
  );

  const requestDelete = useCallback(() => {
    if (deleteGroups.length && !readOnly) setEditDialog({ kind: 'delete', groups: deleteGroups, error: null });
  }, [deleteGroups, readOnly]);

  const onMove = useCallback(
    (moved: MapPlacement[]) => {
      if (readOnly) return;
      const first = data?.actors.find((a) => a.id === moved[0].nodeId)?.name ?? moved[0].nodeId;
      void save({ label: moved.length > 1 ? t('edit.movedMany', { count: moved.length }) : t('edit.moved', { name: first }), steps: [{ op: 'place', viewId, positions: moved }] }).then((errors) => {
        if (Object.keys(errors).length) setUnsavedMoves((n) => n + 1);
      });
    },
    [data, readOnly, save, t, viewId, setUnsavedMoves],
  );
  /** Saves the run of arrow-key moves (after a rest, or at once when the window closes). */
  const sendNudged = useEffectEvent(() => {
    const n = nudged.current;
    if (n.timer) clearTimeout(n.timer);
    n.timer = null;
    if (!n.moved.size) return;
    const moved = [...n.moved.values()];
    n.moved = new Map();
    onMove(moved);
  });
  useEffect(() => onFlush(() => sendNudged()), []);
  // Keyboard: undo/redo everywhere but in a text field (where the field's own undo applies), Delete on the selection.
  // An effect event reads the state of the latest render when the key comes: a listener re-added by an effect could
  // still hold the closed dialog of the render before and drop a Ctrl+Z pressed right after the dialog closed.
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (editDialog || dialog) return;
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    if (mod && key === 'f') {
      e.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
    } else if (mod && key === 'z' && !isTyping(document.activeElement)) {
      e.preventDefault();
      undoOrRedo(e.shiftKey ? 'redo' : 'undo');
    } else if (mod && key === 'y' && !isTyping(document.activeElement)) {
      e.preventDefault();
      undoOrRedo('redo');
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && !isTyping(document.activeElement) && deleteGroups.length) {
      e.preventDefault();
      requestDelete();
    } else if (e.key === 'Escape' && (connectMode || picking)) {
      setConnectMode(false);
      setPicking(null);
    } else if (e.key.startsWith('Arrow') && !mod && !isTyping(document.activeElement) && selection.length && !readOnly) {
      // Arrow keys move the selected nodes (Shift: further); a run of presses is saved as one move.
      const step = e.shiftKey ? 50 : 10;
      const [dx, dy] = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[e.key] ?? [0, 0];
      const placed = mapApi.current?.nudge(selection, dx, dy) ?? [];
      if (!placed.length) return;
      e.preventDefault();
      const n = nudged.current;
      for (const p of placed) n.moved.set(p.nodeId, p);
      if (n.timer) clearTimeout(n.timer);
      n.timer = setTimeout(sendNudged, 400);
    }
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

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

  const onInitialLayout = useCallback(
    (placed: MapPlacement[]) => {
      if (!readOnly && placed.length) void save({ undoable: false, steps: [{ op: 'place', viewId, positions: placed }] });
    },
    [readOnly, save, viewId],
  );
  // While a party is being chosen on the map, a click on an actor adds it to that agreement instead of selecting it.
  const onMapSelect = useCallback(
    (ids: string[]) => {
      const ag = picking ? data?.agreements.find((a) => a.id === picking) : undefined;
      const actor = ids.length === 1 ? data?.actors.find((a) => a.id === ids[0]) : undefined;
      if (!ag || !actor) return setSelection(ids);
      setPicking(null);
      setSelection((s) => [...s]);
      if (ag.parties.some((p) => p.actorId === actor.id)) return;
      void save({
        label: t('edit.partyAdded', { name: actor.name, title: ag.title }),
        steps: [{ op: 'update', kind: 'agreement', value: { ...ag, parties: [...ag.parties, newParty(actor.id)] } }],
      });
    },
    [picking, data, save, t],
  );

  /** A dialog that adds something, from its empty form or, when given, from the draft kept of it. */
  const creating = <K extends DraftKey, D extends object>(kind: K, blank: D, kept?: Draft) => ({ kind, blank, ...startFrom(blank, kept), errors: {} });
  const draftOf = (key: DraftKey) => drafts.find((d) => d.key === key);
  // A new agreement of the actor (or between the two actors) a kept one starts with goes on from it; of others, anew.
  const newAgreement = useCallback(
    (from: string, to: string | null) => {
      const kept = drafts.find((d) => d.key === 'agreement');
      const ends = ((kept?.value.parties as { actorId?: string }[] | undefined) ?? []).slice(0, 2).map((p) => p.actorId);
      setEditDialog(creating('agreement', blankAgreement(from, to), ends[0] === from && (to === null || ends[1] === to) ? kept : undefined));
    },
    [drafts],
  );
  const onConnect = useCallback((from: string, to: string) => newAgreement(from, to), [newAgreement]);
  /** Takes up a kept draft from the banner. */
  const resume = (d: Draft) => {
    if (d.key === 'actor') setEditDialog(creating('actor', blankActor(), d));
    else if (d.key === 'partnership') setEditDialog(creating('partnership', blanks.partnership(), d));
    else {
      const parties = (d.value.parties as { actorId?: string }[] | undefined) ?? [];
      setEditDialog(creating('agreement', blankAgreement(parties[0]?.actorId ?? '', parties[1]?.actorId ?? null), d));
    }
  };

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
    if (editDialog.kind === 'saveView') {
      const name = editDialog.name.trim();
      if (!name) return setEditDialog({ ...editDialog, errors: { name: t('views.nameRequired') } });
      const id = newViewId();
      const placed = mapApi.current?.positions() ?? [];
      try {
        await edit.mutateAsync({
          label: t('views.created', { name }),
          steps: [{ op: 'create', kind: 'view', value: { id, name, filters } }, ...(placed.length ? [{ op: 'place' as const, viewId: id, positions: placed }] : [])],
        });
        setViewId(id);
        setEditDialog(null);
        setStatus(t('views.created', { name }));
      } catch (err) {
        setEditDialog({ ...editDialog, errors: serverErrors(err) });
      }
      return;
    }
    if (editDialog.kind === 'partnership') {
      const local = fieldErrors(PartnershipSchema, { id: 'nieuw', ...editDialog.draft });
      if (Object.keys(local).length) return setEditDialog({ ...editDialog, errors: local });
      const label = t('edit.thingAdded', { kind: t('kind.partnership'), name: editDialog.draft.name });
      try {
        const out = await edit.mutateAsync({ label, steps: [{ op: 'create', kind: 'partnership', value: editDialog.draft }], dropDraft: 'partnership' });
        const actorId = editDialog.draft.actorId as string | null;
        setEditDialog(null);
        setSelection([actorId ?? `partnership:${out.created[0]}`]);
        setStatus(t('status.saved', { what: label }));
      } catch (err) {
        setEditDialog({ ...editDialog, errors: serverErrors(err) });
      }
      return;
    }
    if (editDialog.kind === 'arrange') {
      const placed = mapApi.current?.arrange(editDialog.layout) ?? [];
      setEditDialog(null);
      const name = t(layoutKey(editDialog.layout));
      if (placed.length) {
        await save({ label: t('layout.done', { name }), steps: [{ op: 'place', viewId, positions: placed }] });
        setStatus(t('layout.done', { name }));
      }
      return;
    }
    const schema = editDialog.kind === 'actor' ? ActorSchema : AgreementSchema;
    const local = fieldErrors(schema, { id: 'nieuw', ...editDialog.draft });
    if (Object.keys(local).length) return setEditDialog({ ...editDialog, errors: local });
    const label =
      editDialog.kind === 'actor' ? t('edit.actorAdded', { name: editDialog.draft.name }) : t('edit.agreementAdded', { name: editDialog.draft.title });
    try {
      const out = await edit.mutateAsync({ label, steps: [{ op: 'create', kind: editDialog.kind, value: editDialog.draft }], dropDraft: editDialog.kind });
      setEditDialog(null);
      setConnectMode(false);
      setSelection([editDialog.kind === 'actor' ? out.created[0] : `agreement:${out.created[0]}`]);
      setStatus(t('status.saved', { what: label }));
    } catch (err) {
      setEditDialog({ ...editDialog, errors: serverErrors(err) });
    }
  };

  /** What every dialog that adds something gets: its draft, and the add and cancel of the dialog. */
  const createProps = <K extends DraftKey, D extends object>(d: Creating<K, D>, label: string) => ({
    draftKey: d.kind,
    value: d.draft,
    blank: d.blank,
    label,
    restoredAt: d.restoredAt,
    onRestart: () => setEditDialog({ ...d, draft: d.blank, restoredAt: null, errors: {} } as EditDialog),
    busy: edit.isPending,
    error: d.errors._,
    onOk: () => submitEditDialog(),
    onCancel: () => setEditDialog(null),
  });

  const error = fileAction.error ?? docQ.error ?? snapshotQ.error ?? vocabQ.error ?? undoRedo.error;
  const errorText = error ? (error instanceof ApiCallError ? error.message : String(error)) : null;

  return (
    <div className="app">
      <Toolbar
        doc={doc ?? null}
        onFile={requestFile}
        onOpenPath={(path) => runFile('open', path)}
        busy={fileAction.isPending}
        checks={data ? { counts: severityCounts, onOpen: () => setDockTab('findings') } : null}
        onReport={data ? () => setReport({ busy: false, error: null }) : null}
        onExchange={() => setExchangeOpen(true)}
        edit={
          data && !readOnly
            ? {
                history: historyQ.data ?? null,
                connectMode,
                canDelete: deleteGroups.length > 0,
                onNewActor: () => setEditDialog(creating('actor', blankActor(), draftOf('actor'))),
                onNewPartnership: () => setEditDialog(creating('partnership', blanks.partnership(), draftOf('partnership'))),
                onToggleConnect: () => setConnectMode((c) => !c),
                onUndo: () => undoOrRedo('undo'),
                onRedo: () => undoOrRedo('redo'),
                onDelete: requestDelete,
              }
            : null
        }
      />
      {!editDialog && unfinished.length > 0 && (
        <div className="banner banner-draft" role="status" data-testid="drafts-banner">
          {unfinished.map((d) => {
            // An inline form's draft is taken up where the form is (on its actor, its meeting): opened again there.
            const inline = d.key.startsWith('form:');
            return (
              <p key={d.key}>
                <strong>{t('draft.unfinished')}:</strong> {inline ? (d.where ?? '') : t(`draft.kind.${d.key}`)}
                {d.label ? ` "${d.label}"` : ''} ({formatMoment(d.savedAt, i18n.language)}){inline ? ` – ${t('draft.inlineHint')}` : ''}{' '}
                {!inline && (
                  <button type="button" onClick={() => resume(d)} data-testid={`draft-resume-${d.key}`}>
                    {t('draft.resume')}
                  </button>
                )}{' '}
                <button type="button" onClick={() => void throwAwayDraft(queryClient, d.key)} data-testid={`draft-discard-${d.key.replace(':', '-')}`}>
                  {t('draft.discard')}
                </button>
              </p>
            );
          })}
        </div>
      )}
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
        {data && vocab && elements && positions && visible ? (
          <>
            <ViewPanel
              data={data}
              vocab={vocab}
              views={views}
              viewId={viewId}
              filters={filters}
              dirty={dirty}
              readOnly={readOnly}
              onView={chooseView}
              onFilters={changeFilters}
              onSaveAs={() => setEditDialog({ kind: 'saveView', name: '', errors: {} })}
              onUpdate={() => {
                if (!activeView) return;
                void save({ label: t('views.updated', { name: activeView.name }), steps: [{ op: 'update', kind: 'view', value: { ...activeView, filters } }] });
              }}
              onDelete={() => {
                if (!activeView) return;
                void save({ label: t('views.deleted', { name: activeView.name }), steps: [{ op: 'delete', kind: 'view', ids: [activeView.id] }] }).then((errs) => {
                  if (!Object.keys(errs).length) chooseView(DEFAULT_VIEW_ID);
                });
              }}
            />
            <div className="center">
              <section className="map-area" aria-label={t('map.label')}>
                <MapCanvas
                  // Another document is another map: nothing of the last one's layout state carries over.
                  key={doc?.path}
                  elements={elements}
                  vocab={vocab}
                  positions={positions}
                  selection={selection}
                  onSelect={onMapSelect}
                  onMove={onMove}
                  onInitialLayout={onInitialLayout}
                  onConnect={onConnect}
                  connectMode={connectMode}
                  readOnly={readOnly}
                  hidden={hidden}
                  matches={matches}
                  centreIds={centreIds}
                  apiRef={mapApi}
                  hint={picking ? t('form.pickHint') : null}
                />
                <div className="map-tools">
                  <SearchBox
                    query={query}
                    onQuery={(q) => {
                      setQuery(q);
                      setMatchIndex(-1);
                    }}
                    count={matches?.length ?? 0}
                    index={matchIndex}
                    hiddenCount={(allMatches?.length ?? 0) - (matches?.length ?? 0)}
                    onStep={stepMatch}
                    inputRef={searchRef}
                  />
                  <ArrangeMenu
                    disabled={readOnly}
                    onArrange={(layout) => setEditDialog({ kind: 'arrange', layout, count: visible.actors.size })}
                  />
                  <button type="button" className="map-export-open" onClick={() => setMapExport({ busy: false, error: null })} data-testid="map-export-open">
                    {t('mapExport.open')}
                  </button>
                </div>
                <Legend vocab={vocab} data={data} large={isLargeMap(elements)} />
              </section>
              <Tables
                data={data}
                vocab={vocab}
                visible={visible}
                selection={selection}
                onSelect={setSelection}
                refDate={referenceDate(data.meta)}
                tab={dockTab}
                onTab={setDockTab}
                extra={[
                  {
                    id: 'findings',
                    label: t('checks.findingsTab', { count: findings.filter(needsAction).length }),
                    content: <FindingsPanel findings={findings} data={data} vocab={vocab} save={save} readOnly={readOnly} onSelect={setSelection} refDate={referenceDate(data.meta)} onPromoted={() => setDockTab('gaps')} />,
                  },
                  {
                    id: 'coverage',
                    label: t('checks.coverageTab'),
                    content: cov && <CoverageMatrix cov={cov} data={data} vocab={vocab} findings={findings} save={save} readOnly={readOnly} onSelect={setSelection} refDate={referenceDate(data.meta)} onPromoted={() => setDockTab('gaps')} />,
                  },
                  {
                    id: 'gaps',
                    label: t('checks.gapsTab', { count: data.gaps.filter((g) => g.status === 'OPEN' || g.status === 'IN_BEHANDELING').length }),
                    content: <GapRegister data={data} vocab={vocab} save={save} readOnly={readOnly} onSelect={setSelection} selected={chosenGap} onChoose={setChosenGap} />,
                  },
                  {
                    id: 'meetings',
                    label: t('meetings.tab', { count: data.meetings.length }),
                    content: (
                      <MeetingsPanel
                        data={data}
                        vocab={vocab}
                        save={save}
                        readOnly={readOnly}
                        findings={findings}
                        onSelect={setSelection}
                        selected={chosenMeeting}
                        onChoose={setChosenMeeting}
                        onDelete={(id) => setEditDialog({ kind: 'delete', groups: [{ kind: 'meeting', ids: [id] }], error: null })}
                      />
                    ),
                  },
                  { id: 'settings', label: t('checks.settingsTab'), content: <CheckSettingsForm data={data} vocab={vocab} save={save} readOnly={readOnly} /> },
                ]}
              />
            </div>
            <Inspector
              data={data}
              vocab={vocab}
              selection={selection}
              onSelect={setSelection}
              save={save}
              readOnly={readOnly}
              onDelete={requestDelete}
              onNewAgreement={(actorId) => newAgreement(actorId, null)}
              picking={picking}
              onPickParty={setPicking}
              onDeleteThings={(kind, ids) => setEditDialog({ kind: 'delete', groups: [{ kind, ids }], error: null })}
              onFocus={(actorId) => changeFilters({ ...filters, focus: { actorId, depth: filters.focus?.depth ?? 1 } })}
            />
          </>
        ) : (
          <p className="loading">{t('loading')}</p>
        )}
      </main>
      <footer className="statusbar" role="status" aria-live="polite" data-testid="statusbar">
        {doc && <span>{t('counts', { actors: doc.counts.actors, agreements: doc.counts.agreements, gaps: doc.counts.gaps })}</span>}
        {data && visible && !isUnfiltered(filters) && <span data-testid="shown-count">{t('filters.shown', { actors: visible.actors.size, total: data.actors.length })}</span>}
        <span className="status-msg">{status}</span>
        {problem && (
          <span className="status-error" role="alert" data-testid="status-error">
            {problem}
          </span>
        )}
      </footer>
      {mapExport && elements && (
        <MapExportDialog
          askPath={!app.data?.nativeDialogs}
          busy={mapExport.busy}
          error={mapExport.error}
          onCancel={() => setMapExport(null)}
          onExport={({ format, scale, path }) => {
            // The map as it is drawn now: the shown nodes where they stand.
            const placed = (mapApi.current?.positions() ?? []).filter((p) => !hidden.has(p.nodeId));
            const shown = new Set(placed.map((p) => p.nodeId));
            const data =
              format === 'png'
                ? (mapApi.current?.png(scale) ?? '')
                : mapSvg({ nodes: elements.nodes.filter((n) => shown.has(n.id)), edges: elements.edges.filter((e) => !hidden.has(e.id)) }, new Map(placed.map((p) => [p.nodeId, { x: p.x, y: p.y }])), { title: doc?.meta.title ?? '' });
            setMapExport({ busy: true, error: null });
            call('map.export', { format, data, path }).then(
              (done) => {
                setMapExport(null);
                setStatus(t('mapExport.saved', { path: done.path }));
              },
              (err: unknown) => setMapExport({ busy: false, error: dialogError(err) }),
            );
          }}
        />
      )}
      {exchangeOpen && (
        <ExchangeDialog
          askPath={!app.data?.nativeDialogs}
          vocab={vocab}
          actors={data?.actors ?? []}
          onCancel={() => setExchangeOpen(false)}
          onDone={async (done) => {
            if (done.kind === 'export') {
              setStatus(t('exchange.exported', { path: done.path, size: Math.round(done.bytes / 1024) }));
            } else {
              if (done.created) {
                // A new document starts on its standard view, unfiltered.
                setSelection([]);
                setViewId(DEFAULT_VIEW_ID);
                setFilters(EMPTY_FILTERS);
                setQuery('');
              }
              await queryClient.invalidateQueries();
              // What a spreadsheet or graph import did, in the user's language ("actoren 2 nieuw, …; afspraken …").
              const planned = done.planned;
              const summary = planned
                ? plannedKinds(planned.summary)
                    .map((k) => `${t('exchange.importedKind', { kind: t(`exchange.kind.${k}`).toLocaleLowerCase(i18n.language), ...planned.summary[k] })}${planned.skipped ? t('exchange.importedSkipped', { count: planned.summary[k].problem }) : ''}`)
                    .join('; ')
                : done.summary;
              setStatus(
                summary
                  ? t('exchange.importedTables', { file: done.fileName, summary })
                  : t(done.created ? 'exchange.importedNew' : 'exchange.imported', { file: done.fileName, actors: done.counts.actors, agreements: done.counts.agreements }),
              );
            }
            setExchangeOpen(false);
          }}
        />
      )}
      {report && (
        <ReportDialog
          views={views}
          askPath={!app.data?.nativeDialogs}
          busy={report.busy}
          error={report.error}
          onCancel={() => setReport(null)}
          saved={data?.reportSettings ?? null}
          onExport={(r) => {
            setReport({ busy: true, error: null });
            reportExport.mutate(r, {
              onSuccess: (done) => {
                setReport(null);
                setStatus(t('report.saved', { path: done.path }));
              },
              // A cancelled save dialog leaves the builder open; anything else is said in it.
              onError: (err: unknown) => setReport({ busy: false, error: dialogError(err) }),
            });
          }}
        />
      )}
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
        <CreateDialog {...createProps(editDialog, String(editDialog.draft.name ?? ''))} title={t('dialog.newActor')} testId="actor-dialog">
          <ActorForm draft={editDialog.draft} onChange={(d) => setEditDialog({ ...editDialog, draft: d })} errors={editDialog.errors} data={data} vocab={vocab} autoFocus />
        </CreateDialog>
      )}
      {editDialog?.kind === 'agreement' && data && vocab && (
        <CreateDialog {...createProps(editDialog, String(editDialog.draft.title ?? ''))} title={t('dialog.newAgreement')} testId="agreement-dialog">
          <AgreementForm draft={editDialog.draft} onChange={(d) => setEditDialog({ ...editDialog, draft: d })} errors={editDialog.errors} data={data} vocab={vocab} autoFocus />
        </CreateDialog>
      )}
      {editDialog?.kind === 'saveView' && (
        <Modal title={t('views.saveTitle')} okLabel={t('form.add')} onOk={submitEditDialog} onCancel={() => setEditDialog(null)} busy={edit.isPending} error={editDialog.errors._} testId="view-dialog">
          <TextField label={t('views.nameLabel')} value={editDialog.name} onChange={(v) => setEditDialog({ ...editDialog, name: v ?? '' })} error={editDialog.errors.name} required autoFocus testId="view-name" />
          <p className="muted">{t('views.saveHint')}</p>
        </Modal>
      )}
      {editDialog?.kind === 'partnership' && data && vocab && (
        <CreateDialog {...createProps(editDialog, String(editDialog.draft.name ?? ''))} title={t('dialog.newPartnership')} testId="partnership-dialog">
          <SpecForm spec={specs.partnership(t, data)} draft={editDialog.draft} onChange={(d) => setEditDialog({ ...editDialog, draft: d })} errors={editDialog.errors} vocab={vocab} testPrefix="new-partnership" />
        </CreateDialog>
      )}
      {editDialog?.kind === 'arrange' && (
        <Modal title={t('layout.label')} okLabel={t('layout.label')} onOk={submitEditDialog} onCancel={() => setEditDialog(null)} testId="arrange-dialog">
          <p>{t('layout.confirm', { count: editDialog.count })}</p>
        </Modal>
      )}
      {editDialog?.kind === 'delete' && (
        <DeleteDialog groups={editDialog.groups} onConfirm={submitEditDialog} onCancel={() => setEditDialog(null)} error={editDialog.error} busy={edit.isPending} />
      )}
    </div>
  );
}
