import { describe, expect, it } from 'vitest';
import {
  adjustmentsOf, cents, readAll835, readAll837, readCsv,
  type BilledClaim, type BilledLine, type RemitClaim, type RemitTransaction,
} from './outputs.ts';

/** MM/DD/YYYY → CCYYMMDD. */
const x12Date = (us: string) => `${us.slice(6)}${us.slice(0, 2)}${us.slice(3, 5)}`;

describe('CSV export, 837P and 835 describe the same claims', () => {
  const { rows } = readCsv();
  const billed = readAll837();
  const remits = readAll835().sort((a, b) => a.paymentDate.localeCompare(b.paymentDate) || a.trace.localeCompare(b.trace));

  /** First adjudication of each claim: its first CLP in payment-date order. */
  const firstRemit = new Map<string, { tx: RemitTransaction; claim: RemitClaim }>();
  for (const tx of remits) for (const claim of tx.claims) if (!firstRemit.has(claim.claimId)) firstRemit.set(claim.claimId, { tx, claim });

  it('has the same claims and lines in all three', () => {
    const csvLines = new Set(rows.map((r) => `${r['Claim ID']}#${r['Line #']}`));
    const billedLines = new Set(billed.flatMap((c) => c.lines.map((l) => `${c.claimId}#${l.lineNumber}`)));
    expect(billedLines.size).toBe(csvLines.size);
    expect([...csvLines].filter((k) => !billedLines.has(k))).toEqual([]);
    expect(new Set(billed.map((c) => c.claimId))).toEqual(new Set(firstRemit.keys()));
    expect(billed.length).toBe(new Set(rows.map((r) => r['Claim ID'])).size);
  });

  it('agrees with the 837P on codes, modifiers, diagnoses, pointers, units, charges, dates and provider', () => {
    const byKey = new Map<string, { c: BilledClaim; l: BilledLine }>(
      billed.flatMap((c) => c.lines.map((l) => [`${c.claimId}#${l.lineNumber}`, { c, l }] as const)),
    );
    for (const r of rows) {
      const { c, l } = byKey.get(`${r['Claim ID']}#${r['Line #']}`)!;
      const where = `${r['Claim ID']} line ${r['Line #']}`;
      expect(l.procedure, where).toBe(r['CPT/HCPCS']);
      expect(l.modifiers, where).toEqual([r['Mod 1'], r['Mod 2'], r['Mod 3'], r['Mod 4']].filter(Boolean));
      expect(c.diagnoses, where).toEqual([r['Dx 1'], r['Dx 2'], r['Dx 3'], r['Dx 4']].filter(Boolean).map((d) => d.replace('.', '')));
      expect(l.pointers.join(','), where).toBe(r['Dx Pointer']);
      expect(l.units, where).toBe(Number(r.Units));
      expect(l.charge, where).toBe(cents(r['Billed Amt']));
      expect(l.serviceDate, where).toBe(x12Date(r.DOS));
      expect(c.renderingNpi, where).toBe(r['Rendering NPI']);
      expect(c.payerId, where).toBe(r['Payer ID']);
    }
  });

  it('agrees with the first 835 adjudication line by line: amounts, CARC, RARC, check', () => {
    const control = new Map<string, string>(billed.flatMap((c) => c.lines.map((l) => [`${c.claimId}#${l.lineNumber}`, l.controlNumber] as const)));
    for (const r of rows) {
      const where = `${r['Claim ID']} line ${r['Line #']}`;
      const { tx, claim } = firstRemit.get(r['Claim ID'])!;
      const line = claim.lines.find((l) => l.controlNumber === control.get(`${r['Claim ID']}#${r['Line #']}`));
      expect(line, where).toBeDefined();
      expect(line!.procedure, where).toBe(r['CPT/HCPCS']);
      expect(line!.charge, where).toBe(cents(r['Billed Amt']));
      expect(line!.paid, where).toBe(cents(r['Paid Amt']));
      expect(line!.allowed, where).toBe(cents(r['Allowed Amt']));
      const sortKey = (a: { group: string; reason: string; amount: number }) => `${a.group}-${a.reason} ${a.amount}`;
      expect(line!.adjustments.map(sortKey).sort(), where).toEqual(adjustmentsOf(r['Adj Codes']).map(sortKey).sort());
      expect(line!.remarks.join('; '), where).toBe(r['Remark Codes']);
      expect(tx.trace, where).toBe(r['Check #']);
      expect(tx.paymentDate, where).toBe(x12Date(r['Check Date']));
      const status = claim.status === '4' ? 'Denied' : claim.lines.some((l) => l.allowed === 0) ? 'Partially Paid' : 'Paid';
      expect(status, where).toBe(r['Claim Status']);
    }
  });

  it('puts remittances 7–45 days after the date of service (late submissions aside)', () => {
    const day = (ccyymmdd: string) => Date.UTC(+ccyymmdd.slice(0, 4), +ccyymmdd.slice(4, 6) - 1, +ccyymmdd.slice(6)) / 86_400_000;
    let outside = 0;
    for (const r of rows) {
      const lag = day(x12Date(r['Check Date'])) - day(x12Date(r.DOS));
      expect(lag).toBeGreaterThanOrEqual(7);
      if (lag > 45) {
        outside++;
        expect(r['Adj Codes']).toMatch(/^CO-29 /); // timely filing: sent months late
      }
    }
    expect(outside).toBeGreaterThan(0);
  });
});
