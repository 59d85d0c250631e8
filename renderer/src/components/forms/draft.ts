import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useRef, useState, useSyncExternalStore } from 'react';
import type { CallInput } from '../../../../shared/api';
import { ENTITY_SCHEMAS, type EntityKind } from '../../../../shared/model';
import type { z } from 'zod';
import { zodFields } from '../../../../shared/util/zodMessage';
import { ApiCallError, call } from '../../api';
import type { Draft, DraftKey } from '../../../../shared/edit/drafts';
import type { FieldErrors } from './fields';
import { onFlush } from '../../flush';

/**
 * A form's working copy of a stored thing. It follows the stored version when that changes (a save, undo, redo),
 * but keeps the fields the user has changed and not yet saved: typing in one field while another field's save comes
 * back must not lose the typing.
 */
export function useDraft<T>(stored: T): [T, (next: T) => void] {
  const key = JSON.stringify(stored);
  const [state, setState] = useState({ key, base: stored, draft: stored });
  let current = state;
  if (state.key !== key) {
    // Adjusting state while rendering (React's pattern for "reset when a prop changes"): no extra effect pass.
    current = { key, base: stored, draft: carryOver(state.base, state.draft, stored) };
    setState(current);
  }
  return [current.draft, (next: T) => setState({ key, base: stored, draft: next })];
}

/** The new stored version with the unsaved changes of the old draft (fields where it differs from its base) on top. */
function carryOver<T>(base: T, draft: T, stored: T): T {
  if (!base || !draft || !stored || typeof stored !== 'object' || Array.isArray(stored)) return stored;
  const out = { ...(stored as Record<string, unknown>) };
  const [b, d] = [base as Record<string, unknown>, draft as Record<string, unknown>];
  for (const k of Object.keys(d)) if (JSON.stringify(d[k]) !== JSON.stringify(b[k])) out[k] = d[k];
  return out as T;
}

/** The Dutch message per field for a draft, checked with the same schema the core uses. */
export function fieldErrors(schema: z.ZodType, draft: unknown): FieldErrors {
  const r = schema.safeParse(draft);
  return r.success ? {} : zodFields(r.error);
}

/** Field messages from a refused edit, or the message under "_" when it concerns no single field. */
export function serverErrors(err: unknown): FieldErrors {
  if (err instanceof ApiCallError) return err.error.fields ?? { _: err.message };
  return err ? { _: String(err) } : {};
}

/**
 * A form's two ways of changing its draft: `set` changes one field (and with `commit`, saves at once, as a select
 * or check box does); `commit` saves the draft as it is (when the user leaves a text field).
 */
export function formSetters<D extends object>(draft: D, onChange: (d: D) => void, onCommit?: (d: D) => void) {
  const set = <K extends keyof D>(k: K, v: D[K], commit = false) => {
    const next = { ...draft, [k]: v };
    onChange(next);
    if (commit) onCommit?.(next);
  };
  return { set, commit: () => onCommit?.(draft) };
}

/** Saves one edit; resolves to the field errors of a refused edit (empty when saved). `onCreated` hears the new ids. */
export type Save = (batch: CallInput<'edit.apply'>, opts?: { onCreated?: (ids: string[]) => void }) => Promise<FieldErrors>;

/** How long typing rests before what is typed is saved (the field need not be left). */
export const TYPING_PAUSE_MS = 800;

/** A new key for a form's typing session (see `coalesce` in EditBatchSchema). */
const sessionKey = () => `typen-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** One edit of a form's draft, as it is saved (the typing session is added by the form). */
type FormBatch = Omit<CallInput<'edit.apply'>, 'coalesce'>;

/**
 * A form that saves a stored thing in place: a working copy, its field errors, and `commit`, which checks the draft
 * with `schema` and saves it (`batchOf` says as what edit) as one undoable step, unless it is invalid or unchanged.
 * What is typed is also saved after a pause in typing, before the user leaves the field, and at once when the window
 * closes or reloads (see flush.ts), so a crash loses at most the last moment of typing. Those saves and the one when
 * the user leaves the field share a typing session, so they are one undo step. A value that is not valid yet (a KBO
 * number half typed) waits for the user to leave the field, where its message shows.
 */
export function useAutosaveForm<D extends object>(stored: D, schema: z.ZodType, save: Save, batchOf: (d: D) => FormBatch) {
  const [draft, setDraft] = useDraft<D>(stored);
  const [errors, setErrors] = useState<FieldErrors>({});
  const session = useRef(sessionKey());
  /**
   * The draft last sent to be saved, until the stored version changes: the pause must not send it again (an undo
   * that comes before the saved version is back would be undone by it).
   */
  const sent = useRef<string | null>(null);
  const batch = (d: D, coalesce: string) => ({ ...batchOf(d), coalesce });
  const commit = async (d: D) => {
    const errs = fieldErrors(schema, d);
    setErrors(errs);
    const coalesce = session.current;
    session.current = sessionKey();
    const key = JSON.stringify(d);
    if (Object.keys(errs).length || key === JSON.stringify(stored)) return;
    sent.current = key;
    setErrors(await save(batch(d, coalesce)));
  };
  const draftKey = JSON.stringify(draft);
  const storedKey = JSON.stringify(stored);
  const savePaused = useEffectEvent(async () => {
    if (draftKey === storedKey || draftKey === sent.current || Object.keys(fieldErrors(schema, draft)).length) return;
    sent.current = draftKey;
    const errs = await save(batch(draft, session.current));
    if (Object.keys(errs).length) setErrors(errs);
  });
  useEffect(() => {
    sent.current = null;
  }, [storedKey]);
  // Closing or reloading the window does not wait for the pause: what is typed is sent at once.
  useEffect(() => onFlush(() => void savePaused()), []);
  useEffect(() => {
    if (draftKey === storedKey) return;
    const timer = setTimeout(() => void savePaused(), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [draftKey, storedKey]);
  return { draft, setDraft, errors, commit };
}

/** The inspector's way of editing one stored thing in place: saved whole, as an update of its kind (see useAutosaveForm). */
export function useEditForm<D extends object>(kind: EntityKind, stored: D & { id: string }, save: Save, label: (d: D) => string) {
  return useAutosaveForm<D>(stored, ENTITY_SCHEMAS[kind], save, (d) => ({ label: label(d), steps: [{ op: 'update' as const, kind, value: { ...d, id: stored.id } }] }));
}

/**
 * The draft key of an inline form (or a dialog about one thing) where it is open: `form:<testId>-<hash of the
 * context>` (FNV-1a), so the agenda form of one meeting and that of another keep a draft each, and cancelling one
 * does not throw the other's away.
 */
export function placeKey(testId: string, context: object): DraftKey {
  let h = 0x811c9dc5;
  for (const ch of JSON.stringify(context)) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return `form:${testId.toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 40)}-${h.toString(16).padStart(8, '0')}`;
}

/**
 * Where a form that adds something starts: its empty form, or the draft kept of it over that (and when it was kept,
 * for the note above the form; null when it starts empty).
 */
export function startFrom<D extends object>(blank: D, kept: Draft | undefined): { draft: D; restoredAt: string | null } {
  return kept ? { draft: { ...blank, ...kept.value } as D, restoredAt: kept.savedAt } : { draft: blank, restoredAt: null };
}

/** Throws a kept draft away and has the drafts asked for again (the map's list of unfinished ones follows). */
export async function throwAwayDraft(qc: QueryClient, key: DraftKey): Promise<void> {
  await call('drafts.drop', { key }).catch(() => undefined);
  await qc.invalidateQueries({ queryKey: ['doc', 'drafts'] });
}

/** The drafts whose dialog or form is open now: the map does not offer those as unfinished (see `useOpenDrafts`). */
const openDrafts = new Set<string>();
const openListeners = new Set<() => void>();
let openSnapshot: readonly string[] = [];
function setOpenDraft(key: string, open: boolean) {
  if (open) openDrafts.add(key);
  else openDrafts.delete(key);
  openSnapshot = [...openDrafts];
  for (const l of openListeners) l();
}
/** The keys of the drafts being typed in now. */
export const useOpenDrafts = () =>
  useSyncExternalStore(
    (listener) => {
      openListeners.add(listener);
      return () => void openListeners.delete(listener);
    },
    () => openSnapshot,
  );

/**
 * Keeps what is typed in a dialog or form that adds something as the document's draft under `key` (see
 * `NetworkDocument.drafts`): after a pause in typing, at once when the window closes or reloads, and when the form
 * goes away unfinished (another tab, actor or document), so a crash or a kill loses at most the last moment of
 * typing. Typed back to the empty form, the draft is thrown away. `finish` and `discard` stop keeping and wait until
 * no keep is under way any more: the add that finishes the form (which takes the draft away in its own transaction)
 * or the cancel that throws it away comes after the last keep, never before it. A refused add keeps again.
 */
export function useKeptDraft(key: DraftKey, label: string, value: object, blank: object, place: { context?: object; where?: string } = {}) {
  const json = JSON.stringify(value);
  const blankJson = JSON.stringify(blank);
  // What the document holds now: the value the dialog started from (a draft taken up again, or the empty form).
  const kept = useRef(json);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  /**
   * Whether the form is being closed: 'adding' while its add runs or 'cancelled' (keep nothing more), 'added' once the
   * add came back (the form closes now, unless the add was refused: then the next change or a flush keeps again).
   */
  const closing = useRef<false | 'adding' | 'added' | 'cancelled'>(false);
  const [error, setError] = useState<string | null>(null);
  // A mutation, so that the Electron host's flush before closing (window.regiekaartFlush) waits for it too. Each keep
  // is one from the moment it is asked for, and waits inside for the one before: they arrive in order.
  const keep = useMutation({
    mutationFn: async ({ after, request }: { after: Promise<unknown>; request: () => Promise<unknown> }) => {
      await after;
      return request();
    },
  });
  /** Keeps the form as it is now: after a pause in typing, on a flush (the window goes), or as the form goes away. */
  const send = useEffectEvent((why: 'pause' | 'flush' | 'gone') => {
    if (closing.current === 'adding' || closing.current === 'cancelled' || (closing.current === 'added' && why !== 'flush') || json === kept.current) return;
    kept.current = json;
    const request = (): Promise<unknown> => (json === blankJson ? call('drafts.drop', { key }) : call('drafts.put', { key, label: label.slice(0, 300), value: value as Record<string, unknown>, context: place.context as Record<string, unknown> | undefined, where: place.where?.slice(0, 200) }));
    queue.current = keep.mutateAsync({ after: queue.current, request }).then(
      () => setError(null),
      (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
    );
  });
  // The form going away without being added or cancelled (another tab, another actor, another document) keeps what
  // was typed since the last pause.
  useEffect(
    () => {
      const stop = onFlush(() => send('flush'));
      return () => {
        stop();
        send('gone');
      };
    },
    [],
  );
  useEffect(() => {
    setOpenDraft(key, true);
    return () => setOpenDraft(key, false);
  }, [key]);
  useEffect(() => {
    if (closing.current === 'added') closing.current = false;
    if (json === kept.current) return;
    const timer = setTimeout(() => send('pause'), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [json]);
  const qc = useQueryClient();
  return {
    /** Why the last keep failed (a full disk…): the dialog still holds what is typed. */
    error,
    /** Runs the add that finishes the form (its edit takes the draft away) after the last keep, none in between. */
    finish: async <T>(add: () => Promise<T>): Promise<T> => {
      closing.current = 'adding';
      await queue.current;
      try {
        return await add();
      } finally {
        closing.current = 'added';
      }
    },
    /** Throws the draft away (the form is cancelled), after the last keep. */
    discard: async () => {
      closing.current = 'cancelled';
      await queue.current;
      await throwAwayDraft(qc, key);
    },
  };
}
