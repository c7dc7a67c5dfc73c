import { useState, type ReactNode } from 'react';
import { toCsv, type CsvColumn } from '../../engine/export/csv.ts';
import { downloadText } from '../download.ts';

export interface TableColumn<T> extends CsvColumn<T> {
  /** how the cell reads on screen (default: the CSV value) */
  show?: (row: T) => ReactNode;
  numeric?: boolean;
}

interface Props<T> {
  id: string;
  title: string;
  /** units, sources, how to drill down */
  note?: ReactNode;
  columns: TableColumn<T>[];
  rows: T[];
  csvName: string;
  children: ReactNode;
}

/**
 * A chart with its numbers: a toggle shows the same rows as a table, which also
 * downloads as CSV (the engine's writer: BOM, neutralised formulas). The printed
 * report shows the chart.
 */
export function ChartPanel<T>({ id, title, note, columns, rows, csvName, children }: Props<T>) {
  const [asTable, setAsTable] = useState(false);
  return (
    <section className="panel chart-panel" data-testid={`chart-${id}`} aria-labelledby={`${id}-title`}>
      <div className="panel-title">
        <h2 id={`${id}-title`}>{title}</h2>
        <span className="panel-actions">
          <button type="button" className="link" onClick={() => setAsTable((t) => !t)} aria-pressed={asTable}>
            {asTable ? 'Show chart' : 'Show numbers'}
          </button>
          <button type="button" className="link" onClick={() => downloadText(csvName, toCsv(columns, rows))}>
            Export CSV
          </button>
        </span>
      </div>
      {note && <p className="hint">{note}</p>}
      {asTable ? <NumbersTable columns={columns} rows={rows} /> : children}
    </section>
  );
}

export function NumbersTable<T>({ columns, rows }: { columns: TableColumn<T>[]; rows: T[] }) {
  return (
    <div className="numbers-wrap">
      <table className="numbers" data-testid="numbers-table">
        <thead>
          <tr>{columns.map((c) => <th key={c.header} className={c.numeric ? 'num' : ''}>{c.header}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {columns.map((c) => {
                const v = c.value(row);
                return (
                  <td key={c.header} className={c.numeric ? 'num' : ''}>
                    {c.show ? c.show(row) : Array.isArray(v) ? v.join(', ') : String(v ?? '')}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
