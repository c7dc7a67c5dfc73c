import { engine } from '../engine-instance.ts';
import { useEngineQuery } from '../use-engine-query.ts';

/**
 * Dates of service after what the loaded code sets answer for, in words with what to import:
 * shown on the Reference page and above the monthly review, never a silent "unknown".
 * Says nothing while the answer is on its way or when there is no gap.
 */
export function ReferenceGaps() {
  const query = useEngineQuery(() => engine.call('referenceGaps'), []);
  if (query.error) return <p className="reference-gaps" role="alert">The reference coverage could not be checked: {query.error.message}</p>;
  if (!query.data?.length) return null;
  return (
    <div className="reference-gaps" data-testid="reference-gaps">
      {query.data.map((g) => (
        <p key={g.code_system} data-testid="reference-gap">{g.text}</p>
      ))}
    </div>
  );
}
