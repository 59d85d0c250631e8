import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { NetworkData } from '../../../shared/model';
import { vocabLabel, type VocabEntry, type VocabKind } from '../../../shared/vocab';
import type { Visible } from '../../../shared/graph/filter';
import { fold } from '../../../shared/graph/filter';
import { reviewState, type ReviewState } from '../../../shared/graph/review';

interface ActorRow {
  key: string;
  name: string;
  type: string;
  sector: string;
  level: string;
  kbo: string;
  agreements: number;
  /** Not a column: the table's search finds an actor by its other names too. */
  aliases: string;
}
interface AgreementRow {
  key: string;
  title: string;
  type: string;
  status: string;
  parties: string;
  startDate: string;
  endDate: string;
  reviewDate: string;
  review: ReviewState;
}

const ROW_HEIGHT = 28;

/** Case- and accent-blind search over every shown cell of a row. */
const matches = (row: { original: object }, _col: string, q: string) => {
  const needle = fold(String(q));
  return Object.values(row.original).some((v) => typeof v === 'string' && fold(v).includes(needle));
};

function DataTable<T extends { key: string }>({
  rows,
  columns,
  selection,
  onSelect,
  label,
  testId,
  query,
  rowClass,
}: {
  rows: T[];
  columns: ColumnDef<T, unknown>[];
  selection: string[];
  onSelect: (ids: string[]) => void;
  label: string;
  testId: string;
  query: string;
  rowClass?: (row: T) => string;
}) {
  const { t } = useTranslation();
  const [sorting, setSorting] = useState<SortingState>([]);
  // TanStack Table keeps its own state; the React Compiler leaves this component unmemoised, which is what it needs.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting, globalFilter: query },
    onSortingChange: setSorting,
    globalFilterFn: matches,
    getRowId: (r) => r.key,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });
  const shown = table.getRowModel().rows;
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: shown.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtual.getVirtualItems();
  const selected = new Set(selection);

  // A selection made on the map scrolls its row into view.
  const single = selection.length === 1 ? selection[0] : null;
  useEffect(() => {
    if (!single) return;
    const i = shown.findIndex((r) => r.id === single);
    if (i >= 0) virtual.scrollToIndex(i, { align: 'auto' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [single]);

  const top = items.length ? items[0].start : 0;
  const bottom = items.length ? virtual.getTotalSize() - items[items.length - 1].end : 0;
  const cols = table.getVisibleLeafColumns().length;
  return (
    <div className="table-scroll" ref={scroller}>
      <table className="data-table" aria-label={label} aria-rowcount={shown.length + 1} data-testid={testId}>
        <thead>
          {table.getHeaderGroups().map((hg) => (
            <tr key={hg.id}>
              {hg.headers.map((h) => {
                const dir = h.column.getIsSorted();
                return (
                  <th key={h.id} aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'} scope="col">
                    <button type="button" className="sort" onClick={h.column.getToggleSortingHandler()}>
                      {flexRender(h.column.columnDef.header, h.getContext())}
                      <span aria-hidden="true">{dir === 'asc' ? ' ▲' : dir === 'desc' ? ' ▼' : ''}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {top > 0 && (
            <tr aria-hidden="true" style={{ height: top }}>
              <td colSpan={cols} />
            </tr>
          )}
          {items.map((vi) => {
            const row = shown[vi.index];
            return (
              <tr
                key={row.id}
                aria-rowindex={vi.index + 2}
                aria-selected={selected.has(row.id)}
                className={`${selected.has(row.id) ? 'selected' : ''} ${rowClass?.(row.original) ?? ''}`}
                style={{ height: ROW_HEIGHT }}
                onClick={(e) => {
                  if (e.ctrlKey || e.metaKey || e.shiftKey) onSelect(selected.has(row.id) ? selection.filter((s) => s !== row.id) : [...selection, row.id]);
                  else onSelect([row.id]);
                }}
              >
                {row.getVisibleCells().map((c) => (
                  <td key={c.id}>{flexRender(c.column.columnDef.cell, c.getContext())}</td>
                ))}
              </tr>
            );
          })}
          {bottom > 0 && (
            <tr aria-hidden="true" style={{ height: bottom }}>
              <td colSpan={cols} />
            </tr>
          )}
        </tbody>
      </table>
      {shown.length === 0 && <p className="muted table-empty">{t('tables.none')}</p>}
    </div>
  );
}

/**
 * Actors and agreements as sortable, searchable tables under the map. They show what the view shows, and their
 * selection is the map's selection. The agreements table can narrow to those due for review within 90 days.
 */
export function Tables({
  data,
  vocab,
  visible,
  tab,
  onTab,
  extra,
  selection,
  onSelect,
  refDate,
}: {
  data: NetworkData;
  vocab: Record<VocabKind, VocabEntry[]>;
  visible: Visible;
  selection: string[];
  onSelect: (ids: string[]) => void;
  refDate: string;
  /** The dock's tab, kept by the app so the toolbar can open the findings. */
  tab: string;
  onTab: (tab: string) => void;
  /** More tabs in the same dock (the checks): label and content. */
  extra: { id: string; label: string; content: ReactNode }[];
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const setTab = onTab;
  const [open, setOpen] = useState(true);
  const other = extra.find((x) => x.id === tab);
  const [query, setQuery] = useState('');
  const [dueOnly, setDueOnly] = useState(false);

  const actorRows = useMemo<ActorRow[]>(() => {
    const count = new Map<string, number>();
    for (const ag of data.agreements) if (visible.agreements.has(ag.id)) for (const p of new Set(ag.parties.map((x) => x.actorId))) count.set(p, (count.get(p) ?? 0) + 1);
    return data.actors
      .filter((a) => visible.actors.has(a.id))
      .map((a) => ({
        key: a.id,
        name: a.name,
        type: vocabLabel(vocab, 'actorType', a.type, lang),
        sector: a.sectors.length ? vocabLabel(vocab, 'sector', a.sectors[0], lang) : '',
        level: vocabLabel(vocab, 'level', a.level, lang),
        kbo: a.kbo ?? '',
        agreements: count.get(a.id) ?? 0,
        aliases: a.aliases.join('; '),
      }));
  }, [data, visible, vocab, lang]);

  const allAgreementRows = useMemo<AgreementRow[]>(() => {
    const names = new Map(data.actors.map((a) => [a.id, a.name]));
    return data.agreements
      .filter((a) => visible.agreements.has(a.id))
      .map((a) => ({
        key: `agreement:${a.id}`,
        title: a.title,
        type: vocabLabel(vocab, 'agreementType', a.type, lang),
        status: vocabLabel(vocab, 'agreementStatus', a.status, lang),
        parties: a.parties.map((p) => names.get(p.actorId) ?? p.actorId).join(' · '),
        startDate: a.startDate ?? '',
        endDate: a.endDate ?? '',
        reviewDate: a.reviewDate ?? '',
        review: reviewState(a, refDate),
      }));
  }, [data, visible, vocab, lang, refDate]);
  const dueCount = allAgreementRows.filter((r) => r.review).length;
  const agreementRows = useMemo(
    () => (dueOnly ? allAgreementRows.filter((r) => r.review).sort((a, b) => a.reviewDate.localeCompare(b.reviewDate)) : allAgreementRows),
    [allAgreementRows, dueOnly],
  );

  const actorColumns = useMemo<ColumnDef<ActorRow, unknown>[]>(
    () => [
      {
        accessorKey: 'name',
        header: t('tables.name'),
        sortingFn: (a, b) => a.original.name.localeCompare(b.original.name, 'nl'),
        cell: (c) => (
          <button type="button" className="link" onClick={(e) => (e.stopPropagation(), onSelect([c.row.original.key]))}>
            {c.row.original.name}
          </button>
        ),
      },
      { accessorKey: 'type', header: t('inspector.type') },
      { accessorKey: 'sector', header: t('tables.sector') },
      { accessorKey: 'level', header: t('inspector.level') },
      { accessorKey: 'kbo', header: t('tables.kbo') },
      { accessorKey: 'agreements', header: t('tables.agreementCount'), sortDescFirst: true },
    ],
    [t, onSelect],
  );
  const agreementColumns = useMemo<ColumnDef<AgreementRow, unknown>[]>(
    () => [
      {
        accessorKey: 'title',
        header: t('form.title'),
        cell: (c) => (
          <button type="button" className="link" onClick={(e) => (e.stopPropagation(), onSelect([c.row.original.key]))}>
            {c.row.original.title}
          </button>
        ),
      },
      { accessorKey: 'type', header: t('form.agreementType') },
      { accessorKey: 'status', header: t('form.status') },
      {
        accessorKey: 'reviewDate',
        header: t('form.reviewDate'),
        cell: (c) => (
          <>
            {c.row.original.reviewDate}
            {c.row.original.review && <span className={`badge review-${c.row.original.review}`}>{t(`tables.review.${c.row.original.review}`)}</span>}
          </>
        ),
      },
      { accessorKey: 'parties', header: t('tables.parties') },
      { accessorKey: 'startDate', header: t('form.startDate') },
      { accessorKey: 'endDate', header: t('form.endDate') },
    ],
    [t, onSelect],
  );

  return (
    <section className={`tables${open ? '' : ' closed'}`} aria-label={t('tables.label')}>
      <div className="tables-bar">
        <div role="tablist" aria-label={t('tables.label')}>
          <button type="button" role="tab" id="tab-actors" aria-selected={tab === 'actors'} aria-controls="panel-tables" onClick={() => (setTab('actors'), setOpen(true))} data-testid="tab-actors">
            {t('tables.actors', { count: actorRows.length })}
          </button>
          <button type="button" role="tab" id="tab-agreements" aria-selected={tab === 'agreements'} aria-controls="panel-tables" onClick={() => (setTab('agreements'), setOpen(true))} data-testid="tab-agreements">
            {t('tables.agreements', { count: allAgreementRows.length })}
          </button>
          {extra.map((x) => (
            <button key={x.id} type="button" role="tab" id={`tab-${x.id}`} aria-selected={tab === x.id} aria-controls="panel-tables" onClick={() => (setTab(x.id), setOpen(true))} data-testid={`tab-${x.id}`}>
              {x.label}
            </button>
          ))}
        </div>
        {open && !other && (
          <>
            <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('tables.filter')} aria-label={t('tables.filter')} data-testid="table-filter" />
            {tab === 'agreements' && (
              <label className="check" title={t('tables.dueHint')}>
                <input type="checkbox" checked={dueOnly} onChange={(e) => setDueOnly(e.target.checked)} data-testid="due-only" />
                {t('tables.dueOnly', { count: dueCount })}
              </label>
            )}
          </>
        )}
        <button type="button" className="tables-toggle" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="tables-toggle">
          {open ? t('tables.hide') : t('tables.show')}
        </button>
      </div>
      {open && (
        <div id="panel-tables" role="tabpanel" aria-labelledby={`tab-${tab}`} className={`tables-panel${other ? ' dock-panel' : ''}`}>
          {other ? (
            other.content
          ) : tab === 'actors' ? (
            <DataTable rows={actorRows} columns={actorColumns} selection={selection} onSelect={onSelect} label={t('tables.actorsLabel')} testId="actor-table" query={query} />
          ) : (
            <DataTable
              rows={agreementRows}
              columns={agreementColumns}
              selection={selection}
              onSelect={onSelect}
              label={t('tables.agreementsLabel')}
              testId="agreement-table"
              query={query}
              rowClass={(r) => (r.review ? `review-${r.review}` : '')}
            />
          )}
        </div>
      )}
    </section>
  );
}
