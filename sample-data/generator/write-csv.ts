/**
 * The practice-management "claims export with payments": one row per service line per
 * first adjudication, UTF-8, comma-delimited, RFC 4180 quoting, CRLF line ends.
 */
import { usDate } from './calendar.ts';
import type { ClaimAdjudication } from './model.ts';
import { decimal, usd } from './money.ts';

export const CSV_HEADER = [
  'Claim ID', 'Patient Account', 'Patient Name', 'Line #', 'DOS', 'Payer', 'Payer ID', 'Rendering Provider',
  'Rendering NPI', 'CPT/HCPCS', 'Mod 1', 'Mod 2', 'Mod 3', 'Mod 4', 'Dx 1', 'Dx 2', 'Dx 3', 'Dx 4', 'Dx Pointer',
  'Units', 'Billed Amt', 'Allowed Amt', 'Paid Amt', 'Adj Codes', 'Remark Codes', 'Check #', 'Check Date', 'Claim Status',
] as const;

/** ICD-10-CM as exports write it: with the dot after the third character. */
const dottedIcd = (code: string) => (code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code);

function claimStatus(adj: ClaimAdjudication): 'Paid' | 'Denied' | 'Partially Paid' {
  const denied = adj.lines.filter((l) => l.denial).length;
  return denied === 0 ? 'Paid' : denied === adj.lines.length ? 'Denied' : 'Partially Paid';
}

/** RFC 4180: quote a field that holds a comma, a quote or a line break; double inner quotes. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function writeClaimsCsv(initial: readonly ClaimAdjudication[]): string {
  const rows: string[] = [CSV_HEADER.join(',')];
  const ordered = [...initial].sort((a, b) => a.claim.dos - b.claim.dos || a.claim.id.localeCompare(b.claim.id));
  for (const adj of ordered) {
    const { claim, payment } = adj;
    const dx = [0, 1, 2, 3].map((i) => (claim.diagnoses[i] ? dottedIcd(claim.diagnoses[i]) : ''));
    const status = claimStatus(adj);
    for (const l of adj.lines) {
      const mods = [0, 1, 2, 3].map((i) => l.line.modifiers[i] ?? '');
      const row = [
        claim.id,
        claim.patient.account,
        `${claim.patient.last}, ${claim.patient.first}`,
        String(l.line.lineNumber),
        usDate(claim.dos),
        claim.payer.name,
        claim.payer.payerId,
        `${claim.provider.last}, ${claim.provider.first}`,
        claim.provider.npi,
        l.line.procedure,
        ...mods,
        ...dx,
        l.line.pointers.join(','),
        String(l.line.units),
        usd(l.line.charge),
        usd(l.allowed),
        usd(l.paid),
        l.adjustments.map((a) => `${a.group}-${a.reason} ${decimal(a.amount)}`).join('; '),
        l.remarks.join('; '),
        payment.trace,
        usDate(payment.date),
        status,
      ];
      rows.push(row.map(field).join(','));
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}
