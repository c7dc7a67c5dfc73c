/** What loading one file answered: the engine's, the worker's and the page's shared shape. */
import type { HeaderMapping, MappingProposal } from './csv/header-mapping.ts';

export interface FileLoadResult {
  name: string;
  /** loaded: rows are in; duplicate: the same bytes were loaded before; needs-mapping: the user must map columns; rejected: nothing loaded. */
  status: 'loaded' | 'duplicate' | 'needs-mapping' | 'rejected';
  message: string;
  sha256: string | null;
  fileId: number | null;
  format: string | null;
  content: string | null;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  warnings: string[];
  proposal?: MappingProposal;
  mapping?: HeaderMapping;
}

/** The result for a file of which nothing was loaded. */
export function rejectedFile(name: string, message: string): FileLoadResult {
  return {
    name,
    status: 'rejected',
    message,
    sha256: null,
    fileId: null,
    format: null,
    content: null,
    rowsRead: 0,
    rowsLoaded: 0,
    rowsRejected: 0,
    warnings: [],
  };
}
