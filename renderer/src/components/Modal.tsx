import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A modal dialog with a heading, content and OK / cancel; Escape cancels, Enter in a field submits. */
export function Modal({
  title,
  children,
  okLabel,
  onOk,
  onCancel,
  error,
  busy,
  danger,
  testId,
}: {
  title: string;
  children: ReactNode;
  okLabel: string;
  onOk: () => void;
  onCancel: () => void;
  error?: string | null;
  busy?: boolean;
  danger?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} className="modal" aria-labelledby={id} data-testid={testId} onCancel={(e) => (e.preventDefault(), onCancel())}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          onOk();
        }}
      >
        <h2 id={id}>{title}</h2>
        <div className="modal-body">{children}</div>
        {error && (
          <p className="dialog-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={onCancel}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className={danger ? 'danger' : 'primary'} disabled={busy} data-testid="modal-ok">
            {okLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
