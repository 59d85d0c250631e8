import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mergeVocab } from '../../shared/vocab';
import { useAppInfo, useDocument, useFileAction, useSnapshot, useVocab } from './data';
import { Toolbar, type FileDialogKind } from './components/Toolbar';
import { ActorList } from './components/ActorList';
import { MapCanvas } from './components/MapCanvas';
import { Inspector } from './components/Inspector';
import { Legend } from './components/Legend';
import { PathDialog } from './components/PathDialog';
import { ApiCallError } from './api';

/** The main window: toolbar, actor list, map with legend, inspector. */
export function App() {
  const { t } = useTranslation();
  const app = useAppInfo();
  const docQ = useDocument();
  const hasDoc = !!docQ.data;
  const snapshotQ = useSnapshot(hasDoc);
  const vocabQ = useVocab(hasDoc);
  const fileAction = useFileAction();
  const [selected, setSelected] = useState<string | null>(null);
  const [dialog, setDialog] = useState<FileDialogKind | null>(null);
  const [status, setStatus] = useState<string>('');

  const vocab = useMemo(() => (vocabQ.data ? mergeVocab(vocabQ.data) : null), [vocabQ.data]);
  const doc = docQ.data;

  useEffect(() => {
    document.title = doc ? `${doc.meta.title} — Regiekaart` : 'Regiekaart';
  }, [doc]);

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
          setSelected(null);
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

  // The Electron menu sends its choices as DOM events, so no extra IPC surface is needed for them.
  useEffect(() => {
    const onMenu = (e: Event) => {
      const action = (e as CustomEvent<string>).detail;
      if (action === 'new' || action === 'open' || action === 'saveCopy' || action === 'demo') requestFile(action);
    };
    window.addEventListener('regiekaart:menu', onMenu);
    return () => window.removeEventListener('regiekaart:menu', onMenu);
  }, [requestFile]);

  const error = fileAction.error ?? docQ.error ?? snapshotQ.error ?? vocabQ.error;
  const errorText = error ? (error instanceof ApiCallError ? error.message : String(error)) : null;

  return (
    <div className="app">
      <Toolbar doc={doc ?? null} onFile={requestFile} onOpenPath={(path) => runFile('open', path)} busy={fileAction.isPending} />
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
        {snapshotQ.data && vocab ? (
          <>
            <ActorList actors={snapshotQ.data.actors} selected={selected} onSelect={setSelected} />
            <section className="map-area" aria-label={t('map.label')}>
              <MapCanvas data={snapshotQ.data} vocab={vocab} selected={selected} onSelect={setSelected} />
              <Legend vocab={vocab} data={snapshotQ.data} />
            </section>
            <Inspector data={snapshotQ.data} vocab={vocab} actorId={selected} onSelect={setSelected} />
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
    </div>
  );
}
