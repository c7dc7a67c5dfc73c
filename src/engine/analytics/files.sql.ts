export const FILES_SQL = /* sql */ `
SELECT file_id, name, format, content, strftime(loaded_at, '%Y-%m-%d %H:%M') AS loaded_at,
  rows_read, rows_loaded, rows_rejected, warnings
FROM files ORDER BY file_id
`;

export const REJECTS_SQL = (fileId?: number) => /* sql */ `
SELECT r.file_id, f.name AS file, r.line, r.reason, r.excerpt
FROM rejects r JOIN files f USING (file_id)
${fileId === undefined ? '' : `WHERE r.file_id = ${Math.trunc(fileId)}`}
ORDER BY r.file_id, r.line NULLS FIRST
`;
