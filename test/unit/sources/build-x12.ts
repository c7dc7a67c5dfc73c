/**
 * Hand-written 835 and 837P files for the merge tests: one payer, one payment,
 * claims written out segment by segment so each test reads as the file it loads.
 * Amounts are written as given; the tests count expectations from them by hand.
 */
const ISA = (sender: string, control: string) =>
  `ISA*00*          *00*          *ZZ*${sender.padEnd(15)}*ZZ*DLCLINIC       *260301*0800*^*00501*${control}*0*P*:~`;

export interface Svc {
  /** e.g. '99213' or '20610:RT:59' */
  code: string;
  billed: number;
  paid: number;
  dos: string; // YYYYMMDD
  control?: string; // REF*6R
  cas?: string[]; // e.g. ['CO*45*20'] (one CAS segment each)
}

export interface Clp {
  id: string;
  status: string; // CLP02
  charge: number;
  paid: number;
  pcn: string; // CLP07
  original?: string; // REF*F8
  claimCas?: string[];
  lines: Svc[];
}

const money = (n: number) => n.toFixed(2);

let control = 100;

/** One 835 interchange with one payment of `payer` dated `date` (YYYYMMDD). */
export function remit835(payer: string, date: string, trace: string, claims: Clp[]): string {
  const n = String(++control).padStart(9, '0');
  const total = claims.reduce((s, c) => s + c.paid, 0);
  const body: string[] = [
    'ST*835*0001',
    `BPR*I*${money(total)}*C*ACH************${date}`,
    `TRN*1*${trace}*1999999999`,
    `N1*PR*${payer}`,
    'N1*PE*GOLDEN POPPY MEDICAL GROUP*XX*2999001003',
    'LX*1',
  ];
  for (const c of claims) {
    body.push(`CLP*${c.id}*${c.status}*${money(c.charge)}*${money(c.paid)}*0*12*${c.pcn}*11*1`);
    body.push('NM1*QC*1*DOE*JANE****MI*M123');
    if (c.original) body.push(`REF*F8*${c.original}`);
    for (const cas of c.claimCas ?? []) body.push(`CAS*${cas}`);
    for (const l of c.lines) {
      body.push(`SVC*HC:${l.code}*${money(l.billed)}*${money(l.paid)}**1`, `DTM*472*${l.dos}`);
      for (const cas of l.cas ?? []) body.push(`CAS*${cas}`);
      if (l.control) body.push(`REF*6R*${l.control}`);
    }
  }
  body.push(`SE*${body.length + 1}*0001`);
  return [ISA('DLPAYER', n), `GS*HP*DLPAYER*DLCLINIC*${date}*0800*${+n}*X*005010X221A1`, ...body, `GE*1*${+n}`, `IEA*1*${n}`]
    .map((s) => (s.endsWith('~') ? s : `${s}~`))
    .join('\n');
}

export interface Sv1 {
  code: string; // '99213' or '20610:RT:59'
  billed: number;
  dos: string;
  pointers: string; // '1:2'
  control?: string;
}

export interface Clm {
  id: string;
  frequency?: string; // CLM05-3, default 1
  original?: string; // REF*F8
  dx: string[]; // without the dot
  lines: Sv1[];
}

/** One 837P interchange to `payer` with the given claims (one subscriber). */
export function claims837(payer: string, claims: Clm[]): string {
  const n = String(++control).padStart(9, '0');
  const body: string[] = [
    'ST*837*0001*005010X222A1',
    'BHT*0019*00*B1*20260301*0800*CH',
    'NM1*41*2*GOLDEN POPPY MEDICAL GROUP*****46*DLCLINIC',
    `NM1*40*2*${payer}*****46*PAYER`,
    'HL*1**20*1',
    'NM1*85*2*GOLDEN POPPY MEDICAL GROUP*****XX*2999001003',
    'HL*2*1*22*0',
    'SBR*P*18*******MB',
    'NM1*IL*1*DOE*JANE****MI*M123',
    `NM1*PR*2*${payer}*****PI*PAYER`,
  ];
  for (const c of claims) {
    const charge = c.lines.reduce((s, l) => s + l.billed, 0);
    body.push(`CLM*${c.id}*${money(charge)}***11:B:${c.frequency ?? '1'}*Y*A*Y*Y`);
    if (c.original) body.push(`REF*F8*${c.original}`);
    body.push(`HI*${c.dx.map((d, i) => `${i === 0 ? 'ABK' : 'ABF'}:${d}`).join('*')}`);
    body.push('NM1*82*1*QUENBY*MARISOL****XX*2999002019');
    c.lines.forEach((l, i) => {
      body.push(`LX*${i + 1}`, `SV1*HC:${l.code}*${money(l.billed)}*UN*1***${l.pointers}`, `DTP*472*D8*${l.dos}`);
      if (l.control) body.push(`REF*6R*${l.control}`);
    });
  }
  body.push(`SE*${body.length + 1}*0001`);
  return [ISA('DLCLINIC', n), `GS*HC*DLCLINIC*DLPAYER*20260301*0800*${+n}*X*005010X222A1`, ...body, `GE*1*${+n}`, `IEA*1*${n}`]
    .map((s) => `${s}~`)
    .join('\n');
}
