/** One finding behind a line's category, as the classification writes it (classify.sql.ts `evidence`). */
export interface Evidence {
  /** who said it: the payer's codes, code data (reference), the practice's history, a billing rule */
  source: 'payer' | 'reference' | 'history' | 'rule';
  text: string;
  codes: string[];
}
