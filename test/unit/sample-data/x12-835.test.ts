import { describe, expect, it } from 'vitest';
import { listFiles, read835, readAll835, readSampleFile, readX12 } from './outputs.ts';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('835 remittance files', () => {
  const transactions = readAll835();

  it('balances every line: charge − Σ line CAS = paid', () => {
    let lines = 0;
    for (const tx of transactions) {
      for (const c of tx.claims) {
        for (const l of c.lines) {
          lines++;
          expect(l.charge - sum(l.adjustments.map((a) => a.amount)), `${tx.file} ${c.claimId} ${l.controlNumber}`).toBe(l.paid);
        }
      }
    }
    expect(lines).toBeGreaterThan(15_000);
  });

  it('balances every claim: charge − Σ CAS = paid; charge and paid are the sums of the lines', () => {
    for (const tx of transactions) {
      for (const c of tx.claims) {
        const cas = c.claimAdjustments + sum(c.lines.flatMap((l) => l.adjustments.map((a) => a.amount)));
        expect(c.charge - cas, `${tx.file} ${c.claimId}`).toBe(c.paid);
        expect(sum(c.lines.map((l) => l.charge))).toBe(c.charge);
        expect(sum(c.lines.map((l) => l.paid))).toBe(c.paid);
        const patientShare = sum(c.lines.flatMap((l) => l.adjustments.filter((a) => a.group === 'PR').map((a) => a.amount)));
        expect(patientShare, `${c.claimId} CLP05`).toBe(c.patientResponsibility);
      }
    }
  });

  it('balances every transaction: BPR02 = Σ CLP04 − Σ PLB, and SE counts its segments', () => {
    for (const tx of transactions) {
      const plb = sum(tx.providerAdjustments.map((a) => a.amount));
      expect(tx.payment, `${tx.file} ${tx.trace}`).toBe(sum(tx.claims.map((c) => c.paid)) - plb);
      expect(tx.segmentCount).toBe(tx.declaredSegmentCount);
    }
  });

  it('gives every service line its date, control number and allowed amount', () => {
    for (const tx of transactions) {
      for (const l of tx.claims.flatMap((c) => c.lines)) {
        expect(l.serviceDate).toMatch(/^2025(1[0-2])\d\d$|^2026(0[1-9])\d\d$/);
        expect(l.controlNumber).toMatch(/^\d+$/);
        expect(l.allowed).not.toBeNull();
      }
    }
  });

  it('uses unique trace numbers, CLP02 1/4/22 only, and 2–5 payments per payer in every full month', () => {
    expect(new Set(transactions.map((t) => t.trace)).size).toBe(transactions.length);
    const statuses = new Set(transactions.flatMap((t) => t.claims.map((c) => c.status)));
    expect([...statuses].sort()).toEqual(['1', '22', '4']);
    for (const file of listFiles('835')) {
      const month = file.slice(-11, -4);
      const count = transactions.filter((t) => t.file === file).length;
      if (month >= '2025-11' && month <= '2026-10') {
        expect(count, file).toBeGreaterThanOrEqual(2);
        expect(count, file).toBeLessThanOrEqual(5);
      }
      expect(transactions.filter((t) => t.file === file).every((t) => t.paymentDate.startsWith(month.replace('-', '')))).toBe(true);
    }
  });

  it('reverses denials with negative amounts in a later payment, followed by the corrected claim', () => {
    const reversals = transactions.flatMap((t) => t.claims.filter((c) => c.status === '22').map((c) => ({ t, c })));
    expect(reversals.length).toBeGreaterThanOrEqual(3);
    for (const { t, c } of reversals) {
      expect(c.charge).toBeLessThan(0);
      const at = t.claims.indexOf(c);
      const corrected = t.claims[at + 1];
      expect(corrected.claimId).toBe(c.claimId);
      expect(corrected.status).toBe('1');
      expect(corrected.charge).toBe(-c.charge);
      const earlier = transactions.filter((o) => o.paymentDate < t.paymentDate && o.claims.some((x) => x.claimId === c.claimId));
      expect(earlier.length, c.claimId).toBe(1);
    }
  });

  it('has provider-level adjustments: interest (L6, negative) and an overpayment recovery (WO)', () => {
    const plb = transactions.flatMap((t) => t.providerAdjustments);
    expect(plb.some((a) => a.reason === 'L6' && a.amount < 0)).toBe(true);
    expect(plb.some((a) => a.reason === 'WO' && a.amount > 0)).toBe(true);
  });

  it("varies the delimiters in exactly one payer's files", () => {
    const styles = new Map<string, Set<string>>();
    for (const file of listFiles('835')) {
      const text = readSampleFile(`835/${file}`);
      const payer = file.slice(0, -12);
      const style = `${text[104]}|${JSON.stringify(text[105])}|${text[106] === '\n' ? 'LF' : ''}`;
      styles.set(payer, (styles.get(payer) ?? new Set()).add(style));
      expect(read835(file, text).length).toBeGreaterThan(0);
    }
    const distinct = new Set([...styles.values()].map((s) => [...s].join()));
    expect(distinct.size).toBe(2);
    expect([...styles.values()].every((s) => s.size === 1)).toBe(true);
    expect(readX12(readSampleFile('835/anthem-blue-cross-2026-03.835')).component).toBe('>');
  });
});
