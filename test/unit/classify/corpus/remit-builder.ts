/**
 * Writes hand-made adjudicated claims as one X12 835 (005010X221A1), for what a
 * practice-management CSV export cannot say: the claim status (CLP02 = 2
 * secondary, 4 denied, 25 predetermination), claim-level CAS and claims that
 * come back without service lines. Amounts are written as given; the claim's
 * charge, payment and patient share are the sums of its lines (plus claim-level
 * CAS), and BPR02 is the sum of CLP04, so a balanced case stays balanced.
 */
export interface RemitLine {
  proc: string;
  mods?: string[];
  billed: number;
  paid: number;
  /** 'OA-23 185.80; PR-2 24.20' — one CAS segment per group, in the order written */
  cas?: string;
  remarks?: string[];
  dos?: string; // YYYY-MM-DD
}

export interface RemitClaim {
  claim: string;
  /** CLP02: 1 primary, 2 secondary, 4 denied, 25 predetermination … */
  status: string;
  lines: RemitLine[];
  /** claim-level CAS, same notation as a line's */
  claimCas?: string;
  /** the claim's charge when it has no service lines */
  charge?: number;
  /** claim-level remark codes (MOA) */
  claimRemarks?: string[];
  dos?: string;
}

interface Adjustment {
  group: string;
  code: string;
  amount: number;
}

export function parseCas(text: string | undefined): Adjustment[] {
  if (!text) return [];
  return text.split(';').map((item) => {
    const m = /^\s*(CO|PR|OA|PI)-([A-Z0-9]{1,5})\s+(-?\d+(?:\.\d+)?)\s*$/.exec(item);
    if (!m) throw new Error(`CAS '${item}' is not 'GROUP-CODE AMOUNT' (e.g. 'CO-45 20.00')`);
    return { group: m[1], code: m[2], amount: Number(m[3]) };
  });
}

const money = (n: number) => n.toFixed(2);
const compact = (d: string) => d.replaceAll('-', '');

function casSegments(adjustments: Adjustment[]): string[] {
  const groups = [...new Set(adjustments.map((a) => a.group))];
  return groups.map((g) => ['CAS', g, ...adjustments.filter((a) => a.group === g).flatMap((a) => [a.code, money(a.amount), ''])].join('*').replace(/\*+$/, ''));
}

const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100;

export function remit835(claims: RemitClaim[], options: { payer?: string; paymentDate?: string } = {}): string {
  const paymentDate = compact(options.paymentDate ?? '2026-12-01');
  const body: string[] = [];
  claims.forEach((c, ci) => {
    const claimAdj = parseCas(c.claimCas);
    const lineAdj = c.lines.map((l) => parseCas(l.cas));
    const charge = c.lines.length ? sum(c.lines.map((l) => l.billed)) : (c.charge ?? 0);
    const paid = sum(c.lines.map((l) => l.paid));
    const patient = sum([...claimAdj, ...lineAdj.flat()].filter((a) => a.group === 'PR').map((a) => a.amount));
    const dos = compact(c.dos ?? c.lines[0]?.dos ?? '2026-06-15');
    body.push(`LX*${ci + 1}`);
    body.push(`CLP*${c.claim}*${c.status}*${money(charge)}*${money(paid)}*${money(patient)}*12*PCN${String(ci + 1).padStart(5, '0')}*11*1`);
    body.push(...casSegments(claimAdj));
    body.push(`NM1*QC*1*PATIENT*CASE${ci + 1}****MI*M${String(ci + 1).padStart(8, '0')}`);
    if (c.claimRemarks?.length) body.push(`MOA***${c.claimRemarks.join('*')}`);
    body.push(`DTM*232*${dos}`, `DTM*233*${dos}`);
    c.lines.forEach((l, li) => {
      body.push(`SVC*HC:${[l.proc, ...(l.mods ?? [])].join(':')}*${money(l.billed)}*${money(l.paid)}**1`);
      body.push(`DTM*472*${compact(l.dos ?? c.dos ?? '2026-06-15')}`);
      body.push(...casSegments(lineAdj[li]));
      body.push(`REF*6R*${c.claim}-${li + 1}`);
      if (l.remarks?.length) body.push(`LQ*HE*${l.remarks.join('~LQ*HE*')}`);
    });
  });
  const total = sum(claims.map((c) => sum(c.lines.map((l) => l.paid))));
  const transaction = [
    'ST*835*0001',
    `BPR*I*${money(total)}*C*ACH*CCP*01*011000015*DA*123456789*1512345678**01*021000021*DA*987654321*${paymentDate}`,
    `TRN*1*CORPUS${paymentDate}*1512345678`,
    `DTM*405*${paymentDate}`,
    `N1*PR*${options.payer ?? 'CORPUS HEALTH PLAN'}`,
    'N1*PE*CORPUS FAMILY MEDICINE*XX*1932145678',
    ...body.flatMap((s) => s.split('~')),
  ];
  const segments = [
    'ISA*00*          *00*          *ZZ*CORPUSPAYER    *ZZ*CORPUSCLINIC   *261201*0930*^*00501*000000901*0*P*:',
    `GS*HP*CORPUSPAYER*CORPUSCLINIC*${paymentDate}*0930*901*X*005010X221A1`,
    ...transaction,
    `SE*${transaction.length + 1}*0001`,
    'GE*1*901',
    'IEA*1*000000901',
  ];
  return segments.join('~\n') + '~\n';
}
