/**
 * Writes hand-made service lines as a practice-management CSV export, the way
 * the classifier tests describe their cases: one object per line.
 */
export interface TestLine {
  claim: string;
  dos?: string; // YYYY-MM-DD
  payer?: string;
  provider?: string;
  cpt: string;
  mods?: string[];
  dx: string[]; // with or without the dot
  billed?: number;
  paid?: number;
  units?: number;
  /** e.g. 'CO-45 20.00; PR-2 10.00' — when omitted, a denial puts the whole charge on `denial` */
  adj?: string;
  remarks?: string[];
  status?: string;
  /** Patient account; the column is written only when some line has one. */
  patient?: string;
}

const HEADER = ['Claim ID', 'Line #', 'DOS', 'Payer', 'Rendering Provider', 'CPT/HCPCS', 'Modifiers', 'Diagnosis Codes',
  'Billed Amt', 'Paid Amt', 'Adj Codes', 'Remark Codes', 'Check Date', 'Claim Status', 'Units'];

const quote = (v: string) => (/[",\n;]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

export function exportCsv(lines: TestLine[]): string {
  const withPatient = lines.some((l) => l.patient !== undefined);
  const lineNumbers = new Map<string, number>();
  const rows = lines.map((l) => {
    const n = (lineNumbers.get(l.claim) ?? 0) + 1;
    lineNumbers.set(l.claim, n);
    const dos = l.dos ?? '2026-03-02';
    const [y, m, d] = dos.split('-');
    const check = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d) + 18)).toISOString().slice(0, 10);
    return [
      l.claim, String(n), `${m}/${d}/${y}`, l.payer ?? 'Medicare Part B', l.provider ?? 'DOE, JANE', l.cpt,
      (l.mods ?? []).join(' '), l.dx.join(' '), (l.billed ?? 100).toFixed(2), (l.paid ?? 0).toFixed(2),
      l.adj ?? '', (l.remarks ?? []).join('; '), check, l.status ?? '', l.units === undefined ? '' : String(l.units),
      ...(withPatient ? [l.patient ?? ''] : []),
    ].map(quote).join(',');
  });
  return [[...HEADER, ...(withPatient ? ['Patient Account'] : [])].join(','), ...rows].join('\n') + '\n';
}

/** A denied line: the whole charge adjusted with `code` (e.g. 'CO-11'), nothing paid. */
export function denied(code: string, line: Omit<TestLine, 'adj' | 'paid'>): TestLine {
  return { ...line, paid: 0, adj: `${code} ${(line.billed ?? 100).toFixed(2)}` };
}
