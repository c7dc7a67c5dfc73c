import { useState } from 'react';
import { engine } from '../engine-instance.ts';
import { useEngineQuery } from '../use-engine-query.ts';
import { downloadText } from '../download.ts';
import { slug } from '../export-name.ts';
import { formatCount, formatCountOf } from '../format.ts';
import type { RejectGroupRow } from '../../engine/analytics/files.sql.ts';
import { ScrollBox } from './ScrollBox.tsx';

const LIMIT = 500;

const download = (pattern?: string) =>
  engine.call('rejectsCsv', pattern).then((csv) => downloadText(`rejected-rows${pattern ? `-${slug(pattern).slice(0, 80)}` : ''}.csv`, csv));

/**
 * Rejected rows grouped by reason ('…' stands for each row's own value), the biggest group
 * first; a group opens to its rows and downloads as CSV.
 */
export function RejectGroups({ groups }: { groups: RejectGroupRow[] }) {
  return (
    <div className="reject-groups" data-testid="reject-groups">
      <p>
        <button type="button" className="link" onClick={() => download()} data-testid="rejects-csv">
          Download all {formatCountOf(groups.reduce((n, g) => n + g.rows, 0), 'rejected row')} (CSV)
        </button>
      </p>
      {groups.map((g) => (
        <RejectGroup key={g.pattern} group={g} />
      ))}
    </div>
  );
}

function RejectGroup({ group }: { group: RejectGroupRow }) {
  const [open, setOpen] = useState(false);
  return (
    <details data-testid="reject-group" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <span className="count">{formatCountOf(group.rows, 'row')}</span>
        {group.files > 1 && ` in ${formatCount(group.files)} files`} · {group.pattern}
      </summary>
      {open && <GroupRows group={group} />}
    </details>
  );
}

function GroupRows({ group }: { group: RejectGroupRow }) {
  const rows = useEngineQuery(() => engine.call('rejectRows', group.pattern, LIMIT), [group.pattern]).data;
  return (
    <ScrollBox label={`Rejected rows: ${group.pattern}`}>
      <button type="button" className="link" onClick={() => download(group.pattern)} data-testid="reject-group-csv">
        Download these {formatCountOf(group.rows, 'row')} (CSV)
      </button>
      <table className="rejects">
        <thead><tr><th>File</th><th>Line</th><th>Reason</th><th>Text</th></tr></thead>
        <tbody>
          {rows?.map((r, i) => (
            <tr key={i}><td>{r.file}</td><td className="num">{r.line ?? '—'}</td><td>{r.reason}</td><td className="excerpt">{r.excerpt}</td></tr>
          ))}
        </tbody>
      </table>
      {group.rows > LIMIT && <p className="hint">First {formatCount(LIMIT)} of {formatCount(group.rows)} shown: the CSV has them all.</p>}
    </ScrollBox>
  );
}
