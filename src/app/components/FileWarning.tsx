import { warningWords } from '../../engine/ingest/warning-words.ts';

/** A file warning in plain words, the parser's technical text one click away. */
export function FileWarning({ warning }: { warning: string }) {
  const { text, detail } = warningWords(warning);
  return (
    <div className="warning" data-testid="file-warning">
      ⚠ {text}
      {detail && (
        <details className="warning-detail">
          <summary>Technical detail</summary>
          <code>{detail}</code>
        </details>
      )}
    </div>
  );
}
