import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EntityKind } from '../../../shared/model';
import { call } from '../api';
import { Modal } from './Modal';

/** Asks before deleting, naming everything that goes with it and everything that changes because of it. */
export function DeleteDialog({
  groups,
  onConfirm,
  onCancel,
  error,
  busy,
}: {
  groups: { kind: EntityKind; ids: string[] }[];
  onConfirm: () => void;
  onCancel: () => void;
  error?: string | null;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  const preview = useQuery({
    queryKey: ['preview-delete', groups],
    queryFn: async () => {
      const parts = await Promise.all(groups.map((g) => call('edit.previewDelete', g)));
      const seen = new Set<string>();
      const once = <T extends { kind: string; id: string }>(x: T) => !seen.has(`${x.kind}:${x.id}`) && !!seen.add(`${x.kind}:${x.id}`);
      const deletes = parts.flatMap((p) => p.deletes).filter(once);
      return { deletes, updates: parts.flatMap((p) => p.updates).filter(once) };
    },
    gcTime: 0,
  });
  const count = groups.reduce((n, g) => n + g.ids.length, 0);
  const chosen = preview.data?.deletes.filter((d) => d.because === null) ?? [];
  const along = preview.data?.deletes.filter((d) => d.because !== null) ?? [];
  const changed = preview.data?.updates ?? [];
  return (
    <Modal title={t('delete.title', { count })} okLabel={t('delete.ok')} onOk={onConfirm} onCancel={onCancel} error={error ?? (preview.error ? String(preview.error.message) : null)} busy={busy || !preview.data} danger testId="delete-dialog">
      {preview.data && (
        <>
          <p>{t('delete.chosen', { names: chosen.map((d) => d.label).join(', ') })}</p>
          {along.length > 0 && (
            <>
              <h3>{t('delete.along', { count: along.length })}</h3>
              <ul className="delete-list">
                {along.map((d) => (
                  <li key={`${d.kind}:${d.id}`}>
                    {t(`kind.${d.kind}`)}: {d.label}
                  </li>
                ))}
              </ul>
            </>
          )}
          {changed.length > 0 && (
            <>
              <h3>{t('delete.changed', { count: changed.length })}</h3>
              <ul className="delete-list">
                {changed.map((d) => (
                  <li key={`${d.kind}:${d.id}`}>
                    {t(`kind.${d.kind}`)}: {d.label}
                  </li>
                ))}
              </ul>
            </>
          )}
          <p className="muted">{t('delete.undoHint')}</p>
        </>
      )}
    </Modal>
  );
}
