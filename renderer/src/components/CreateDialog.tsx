import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftKey } from '../../../shared/edit/drafts';
import { useKeptDraft } from './forms/draft';
import { DraftNote } from './forms/DraftNote';
import { Modal } from './Modal';

/**
 * A dialog that adds something (an actor, an agreement, a partnership, a finding's measure) and keeps what is typed in it as the
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
  place,
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
  /** A dialog about one thing (a finding): what it is about, and how to name it (see useKeptDraft). */
  place?: { context?: object; where?: string };
  title: string;
  testId: string;
  busy: boolean;
  error?: string | null;
  onOk: () => Promise<void>;
  /** Closes the dialog (its draft is then thrown away). */
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const kept = useKeptDraft(draftKey, label, value, blank, place);
  const cancel = async () => {
    onCancel();
    await kept.discard();
  };
  return (
    <Modal title={title} okLabel={t('form.add')} onOk={() => void kept.finish(onOk)} onCancel={() => void cancel()} busy={busy} error={error} testId={testId}>
      <DraftNote restoredAt={restoredAt} onRestart={onRestart} error={kept.error} testId="draft-restored" />
      {children}
    </Modal>
  );
}
