import { useEffect, useRef, useState } from 'react';
import { messageOf } from '../../engine/message-of.ts';

/** "Remove" for one loaded file, asking first; the question names the file and what goes with it. */
export function RemoveFileButton({ name, onRemove }: { name: string; onRemove: () => Promise<unknown> }) {
  const [confirming, setConfirming] = useState(false);
  const [working, setWorking] = useState(false);
  const [problem, setProblem] = useState('');
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirm.current?.focus();
  }, [confirming]);

  const remove = async () => {
    setWorking(true);
    setProblem('');
    try {
      await onRemove();
    } catch (e) {
      setProblem(`not removed: ${messageOf(e)}`);
      setWorking(false);
    }
  };

  if (!confirming) {
    return (
      <button type="button" className="remove-file" aria-label={`Remove ${name}`} onClick={() => setConfirming(true)} data-testid="remove-file">
        Remove
      </button>
    );
  }
  return (
    <span className="remove-confirm" role="alertdialog" aria-label={`Remove ${name}`} onKeyDown={(e) => e.key === 'Escape' && setConfirming(false)}>
      Unload “{name}” and every row it added? The review is recounted without it.{' '}
      <button ref={confirm} type="button" className="danger" disabled={working} onClick={remove} data-testid="remove-file-confirm">
        {working ? 'Removing…' : 'Remove'}
      </button>{' '}
      <button type="button" disabled={working} onClick={() => setConfirming(false)}>Cancel</button>
      {problem && <span className="error" role="alert"> {problem}</span>}
    </span>
  );
}
