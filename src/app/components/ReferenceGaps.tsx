import { engine } from '../engine-instance.ts';
import { useEngineQuery } from '../use-engine-query.ts';
import type { ReferenceGap } from '../../engine/reference/code-set-changes.ts';

/**
 * Dates of service after what the loaded code sets answer for, in words with what to import:
 * shown on the Reference page and above the monthly review, never a silent "unknown".
 * Says nothing while the answer is on its way or when there is no gap.
 */
export function ReferenceGaps() {
  const query = useEngineQuery(() => engine.call('referenceGaps'), []);
  if (query.error) return <p className="reference-gaps" role="alert">The reference coverage could not be checked: {query.error.message}</p>;
  return <GapList gaps={query.data ?? []} />;
}

/** The gaps as the Reference page has them already (in its overview). */
export function GapList({ gaps }: { gaps: readonly ReferenceGap[] }) {
  if (!gaps.length) return null;
  return (
    <div className="reference-gaps" data-testid="reference-gaps">
      {gaps.map((g) => (
        <p key={g.code_system} data-testid="reference-gap">{g.text}</p>
      ))}
    </div>
  );
}
