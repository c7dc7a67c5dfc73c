import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { columnSizingFeature, createColumnHelper, rowSortingFeature, tableFeatures, useTable, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Filters } from '../../engine/analytics/filters.sql.ts';
import type { DeniedLineRow } from '../../engine/analytics/dashboard.sql.ts';
import { CATEGORY_LABELS } from '../../engine/classify/categories.ts';
import { CATEGORY_COLORS } from '../categories-style.ts';
import { engine } from '../engine-instance.ts';
import { isCancelled, type EngineRequest } from '../engine-client.ts';
import { useDataVersion } from '../data-version.ts';
import { asError, messageOf } from '../../engine/message-of.ts';
import { QueryError } from './QueryState.tsx';
import { formatCount, formatIcd, formatMoney } from '../format.ts';
import { LineDetail } from './LineDetail.tsx';
import { SideScroll } from './SideScroll.tsx';
import { downloadText } from '../download.ts';
import { exportFileName } from '../export-name.ts';
import { useOpenLine } from './open-line.ts';

const ROW_HEIGHT = 34;
/** Rows fetched around the visible part; sorting, filtering and paging happen in SQL. */
const WINDOW = 400;

const features = tableFeatures({ rowSortingFeature, columnSizingFeature });
const helper = createColumnHelper<typeof features, DeniedLineRow>();
// key columns first, so they are in view at 1024 px; the rest are a sideways scroll away
const columns = helper.columns([
  helper.accessor('service_date', { id: 'service_date', header: 'Date of service', size: 105 }),
  helper.accessor('claim_id', { id: 'claim_id', header: 'Claim', size: 105 }),
  helper.accessor('payer', { id: 'payer', header: 'Payer', size: 150 }),
  helper.accessor('procedure', { id: 'procedure', header: 'CPT/HCPCS', size: 90 }),
  helper.accessor('denied_amount', { id: 'denied_amount', header: 'Denied $', size: 90, cell: (c) => formatMoney(c.getValue()) }),
  helper.accessor('category', {
    id: 'category',
    header: 'Category',
    size: 190,
    cell: (c) => (
      <span className="category-chip">
        <i style={{ background: CATEGORY_COLORS[c.getValue()] }} />
        {CATEGORY_LABELS[c.getValue()]}
      </span>
    ),
  }),
  helper.accessor('provider', { id: 'provider', header: 'Provider', size: 150 }),
  helper.accessor((r) => r.modifiers.join(' '), { id: 'modifiers', header: 'Mod', size: 60, enableSorting: false }),
  helper.accessor((r) => r.diagnoses.map(formatIcd).join(' '), { id: 'diagnoses', header: 'Diagnoses', size: 150, enableSorting: false }),
  helper.accessor('billed', { id: 'billed', header: 'Billed', size: 90, cell: (c) => formatMoney(c.getValue()) }),
]);

export function DeniedLinesTable({ filters }: { filters: Filters }) {
  const version = useDataVersion();
  const [sorting, setSorting] = useState<SortingState>([{ id: 'denied_amount', desc: true }]);
  const [search, setSearch] = useState('');
  const [window, setWindow] = useState<{ offset: number; rows: DeniedLineRow[]; total: number } | null>(null);
  const [selected, setSelected] = useOpenLine();
  /** the row that takes Tab into the list (a roving tab stop: the arrow keys move it) */
  const [focusRow, setFocusRow] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const request = useRef<EngineRequest<DeniedLineRow[]>>(null);
  /** the window that could not be read, and why */
  const [failure, setFailure] = useState<{ offset: number; error: Error } | null>(null);
  const [exportError, setExportError] = useState('');

  const query = useMemo(
    () => ({ filters, sort: sorting[0] ? { column: sorting[0].id, direction: sorting[0].desc ? 'desc' as const : 'asc' as const } : undefined, search }),
    [filters, sorting, search],
  );

  // a newer window replaces the one still asked for (cancelled in the worker's queue)
  const fetchWindow = (offset: number) => {
    request.current?.cancel();
    const asked = engine.call('deniedLines', query.filters, { offset, limit: WINDOW, sort: query.sort, search: query.search });
    request.current = asked;
    asked.then(
      (rows) => {
        if (asked !== request.current) return;
        setFailure(null);
        setWindow({ offset, rows, total: rows[0]?.total ?? (offset === 0 ? 0 : window?.total ?? 0) });
      },
      (error: unknown) => asked === request.current && !isCancelled(error) && setFailure({ offset, error: asError(error) }),
    );
  };

  useEffect(() => {
    // the line open stays open: it is in the URL, and a change of filter or drill-down closes it there
    scrollRef.current?.scrollTo({ top: 0 });
    setFocusRow(0);
    fetchWindow(0);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, version]);

  const rows = window?.rows ?? [];
  const table = useTable({ features, columns, data: rows, state: { sorting }, onSortingChange: setSorting, manualSorting: true });
  const total = window?.total ?? 0;
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const items = virtualizer.getVirtualItems();

  useEffect(() => {
    if (!window || items.length === 0) return;
    const first = items[0].index;
    const last = items[items.length - 1].index;
    if (first < window.offset || last >= window.offset + window.rows.length) {
      fetchWindow(Math.max(0, first - WINDOW / 4));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items[0]?.index, items[items.length - 1]?.index, window]);

  const tableRows = table.getRowModel().rows;
  const moveFocus = (index: number) => {
    const next = Math.max(0, Math.min(total - 1, index));
    setFocusRow(next);
    virtualizer.scrollToIndex(next);
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus());
  };
  const onRowKey = (e: KeyboardEvent, index: number, lineId: number | undefined) => {
    const to = { ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + 10, PageUp: index - 10, Home: 0, End: total - 1 }[e.key];
    if (to !== undefined) {
      e.preventDefault();
      moveFocus(to);
    } else if (e.key === 'Escape') {
      setSelected(null);
    } else if ((e.key === 'Enter' || e.key === ' ') && lineId !== undefined) {
      e.preventDefault();
      setSelected(lineId === selected ? null : lineId);
    }
  };
  const headerGroup = table.getHeaderGroups()[0];
  const width = headerGroup.headers.reduce((sum, h) => sum + h.column.getSize(), 0);

  return (
    <div className="denied-lines">
      <div className="table-tools">
        <input type="search" placeholder="Find claim, CPT or diagnosis…" value={search} onChange={(e) => setSearch(e.target.value)} aria-label="Find in denied lines" />
        <span data-testid="denied-count">{formatCount(total)} denied lines</span>
        <button
          type="button"
          className="link"
          disabled={total === 0}
          onClick={() => {
            setExportError('');
            engine.call('deniedLinesCsv', query.filters, { sort: query.sort, search: query.search }).then(
              (csv) => downloadText(exportFileName('denied-lines', query.filters, query.search), csv),
              (error: unknown) => setExportError(`The CSV could not be written: ${messageOf(error)}`),
            );
          }}
        >
          Export CSV
        </button>
        {exportError && <span className="error" role="alert">{exportError}</span>}
      </div>
      {failure && <QueryError error={failure.error} name="Denied lines" onRetry={() => fetchWindow(failure.offset)} />}
      <SideScroll label="Denied lines table">
        <div className="grid" role="table" aria-label="Denied lines" aria-rowcount={total} aria-busy={window === null || undefined} style={{ minWidth: width }}>
          <div className="grid-header" role="row" aria-rowindex={1}>
            {headerGroup.headers.map((header) => {
              const sorted = header.column.getIsSorted();
              return (
                <div
                  key={header.id}
                  role="columnheader"
                  style={{ width: header.column.getSize() }}
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : header.column.getCanSort() ? 'none' : undefined}
                >
                  {header.column.getCanSort() ? (
                    <button type="button" className="sort" onClick={header.column.getToggleSortingHandler()}>
                      <table.FlexRender header={header} />
                      <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                    </button>
                  ) : (
                    <table.FlexRender header={header} />
                  )}
                </div>
              );
            })}
          </div>
          <div
            ref={scrollRef}
            className="grid-body"
            role="rowgroup"
            tabIndex={0}
            aria-label="Denied lines: Tab to the rows, then ↑ ↓ to move and Enter to open a line"
            style={{ height: Math.min(520, Math.max(total, 1) * ROW_HEIGHT + 2) }}
          >
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((item) => {
                const row = tableRows[item.index - (window?.offset ?? 0)];
                return (
                  <div
                    key={item.key}
                    role="row"
                    className={`grid-row${row && row.original.line_id === selected ? ' selected' : ''}`}
                    data-testid={row ? 'denied-row' : undefined}
                    data-index={item.index}
                    aria-rowindex={item.index + 2}
                    tabIndex={item.index === focusRow ? 0 : -1}
                    style={{ position: 'absolute', top: 0, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT, width: '100%' }}
                    onFocus={() => setFocusRow(item.index)}
                    onKeyDown={(e) => onRowKey(e, item.index, row?.original.line_id)}
                    onClick={() => row && setSelected(row.original.line_id === selected ? null : row.original.line_id)}
                  >
                    {row
                      ? row.getAllCells().map((cell) => (
                          <div key={cell.id} role="cell" style={{ width: cell.column.getSize() }} className={typeof cell.getValue() === 'number' ? 'num' : ''}>
                            <table.FlexRender cell={cell} />
                          </div>
                        ))
                      : <div role="cell" className="loading-row">…</div>}
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      </SideScroll>
      {selected !== null && <LineDetail lineId={selected} onClose={() => setSelected(null)} />}
    </div>
  );
}
