import { useTranslation } from 'react-i18next';
import { formatMoment } from '../../i18n';

/**
 * Above a form that adds something: that it goes on from a kept draft (when, and a way to start over), and why what
 * is typed could not be kept (see useKeptDraft).
 */
export function DraftNote({ restoredAt, onRestart, error, testId }: { restoredAt: string | null; onRestart: () => void; error: string | null; testId: string }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {restoredAt && (
        <p className="draft-note" data-testid={testId}>
          {t('draft.restored', { time: formatMoment(restoredAt, i18n.language) })}{' '}
          <button type="button" className="link" onClick={onRestart} data-testid={`${testId}-restart`}>
            {t('draft.restart')}
          </button>
        </p>
      )}
      {error && (
        <p className="muted" role="status">
          {t('draft.notKept', { error })}
        </p>
      )}
    </>
  );
}
