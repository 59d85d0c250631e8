import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { call } from '../api';
import { useTranslation } from 'react-i18next';
import type { DraftKey } from '../../../shared/edit/drafts';
import { useKeptDraft } from './forms/draft';
import { Modal } from './Modal';
import { formatMoment } from '../i18n';

/**
 * A dialog that adds something (an actor, an agreement, a partnership) and keeps what is typed in it as the
 * document's draft until it is added (see useKeptDraft): a crash, a kill or a closed window does not lose it, and
 * the next time the dialog opens it goes on from there. Cancelling throws the draft away.
 */
export function CreateDialog({
  draftKey,
  value,
  blank,
  label,
  restoredAt,
  onRestart,
  title,
  testId,
  busy,
  error,
  onOk,
  onCancel,
  children,
}: {
  draftKey: DraftKey;
  value: object;
  /** The empty form: typed back to it, there is nothing to keep. */
  blank: object;
  /** What the new thing is called so far, to name the draft. */
  label: string;
  /** When the draft this dialog went on from was kept (null: it started empty). */
  restoredAt: string | null;
  onRestart: () => void;
  title: string;
  testId: string;
  busy: boolean;
  error?: string | null;
  onOk: () => Promise<void>;
  /** Closes the dialog (its draft is then thrown away). */
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const kept = useKeptDraft(draftKey, label, value, blank);
  const ok = async () => {
    await kept.hold();
    try {
      await onOk();
    } finally {
      kept.release();
    }
  };
  const qc = useQueryClient();
  const cancel = async () => {
    await kept.hold();
    onCancel();
    await call('drafts.drop', { key: draftKey }).catch(() => undefined);
    await qc.invalidateQueries({ queryKey: ['doc', 'drafts'] });
  };
  const time = restoredAt ? formatMoment(restoredAt, i18n.language) : '';
  return (
    <Modal title={title} okLabel={t('form.add')} onOk={() => void ok()} onCancel={() => void cancel()} busy={busy} error={error} testId={testId}>
      {restoredAt && (
        <p className="draft-note" data-testid="draft-restored">
          {t('draft.restored', { time })}{' '}
          <button type="button" className="link" onClick={onRestart} data-testid="draft-restart">
            {t('draft.restart')}
          </button>
        </p>
      )}
      {kept.error && (
        <p className="muted" role="status" data-testid="draft-error">
          {t('draft.notKept', { error: kept.error })}
        </p>
      )}
      {children}
    </Modal>
  );
}
