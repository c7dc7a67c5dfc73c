/**
 * Parsing speed of the 835 parser on a ~50 MB synthetic remittance built in memory.
 * Run: npx tsx bench/x12-parse-speed.ts [megabytes]
 * Prints MB/s (bytes → ParsedFile, decoding included) for a few runs and the median.
 */
import { parse835 } from '../src/engine/ingest/x12/parse-x12.ts';

const targetMb = Number(process.argv[2] ?? 50);
const CLAIMS_PER_PAYMENT = 500;

function claim(i: number): string[] {
  const id = `PCN${String(i).padStart(9, '0')}`;
  return [
    `CLP*${id}*1*325.00*198.40*40.00*12*PAYER${i}*11*1`,
    'NM1*QC*1*DOE*JANE*Q***MI*W123456789',
    'NM1*82*1*SMITH*JOHN****XX*1234567893',
    'DTM*232*20250301',
    'DTM*233*20250301',
    'SVC*HC:99214:25*200.00*160.00**1',
    'DTM*472*20250301',
    'CAS*CO*45*20.00',
    'CAS*PR*3*20.00',
    `REF*6R*${id}-1`,
    'AMT*B6*180.00',
    'SVC*HC:93000*125.00*38.40**1*HC:93010',
    'DTM*472*20250301',
    'CAS*CO*45*46.60*1*97*20.00',
    'CAS*PR*2*20.00',
    `REF*6R*${id}-2`,
    'AMT*B6*78.40',
    'LQ*HE*N130',
  ];
}

function build835(megabytes: number): Uint8Array {
  const parts: string[] = [
    'ISA*00*          *00*          *ZZ*PAYER          *ZZ*PROVIDER       *250315*1200*^*00501*000000001*0*P*:',
    'GS*HP*PAYER*PROVIDER*20250315*1200*1*X*005010X221A1',
  ];
  let bytes = 0;
  let claimNumber = 0;
  for (let st = 1; bytes < megabytes * 1_000_000; st++) {
    const body = [
      `ST*835*${String(st).padStart(4, '0')}`,
      `BPR*I*${(198.4 * CLAIMS_PER_PAYMENT).toFixed(2)}*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*20250315`,
      `TRN*1*TRACE${st}*1512345678`,
      'DTM*405*20250314',
      'N1*PR*SYNTHETIC HEALTH PLAN',
      'REF*2U*99999',
      'N1*PE*SYNTHETIC CLINIC*XX*1234567893',
      'LX*1',
    ];
    for (let c = 0; c < CLAIMS_PER_PAYMENT; c++) body.push(...claim(++claimNumber));
    body.push(`SE*${body.length + 1}*${String(st).padStart(4, '0')}`);
    const text = body.join('~\n') + '~\n';
    bytes += text.length;
    parts.push(text);
  }
  parts.push('GE*1*1', 'IEA*1*000000001');
  return new TextEncoder().encode(parts.join('~\n') + '~\n');
}

/** One timed parse; the result is dropped before the next run so runs do not share a heap. */
function timedParse(input: Uint8Array): { seconds: number; claims: number } {
  const started = performance.now();
  const parsed = parse835(input);
  const seconds = (performance.now() - started) / 1000;
  if (parsed.claimsRejected !== 0 || parsed.remittances.some((r) => r.balance_diff !== 0)) {
    throw new Error('synthetic file did not parse cleanly');
  }
  return { seconds, claims: parsed.claims.length };
}

const input = build835(targetMb);
const mb = input.length / 1_000_000;
const rates: number[] = [];
let claims = 0;
for (let run = 1; run <= 5; run++) {
  const result = timedParse(input);
  claims = result.claims;
  rates.push(mb / result.seconds);
  console.log(`run ${run}: ${mb.toFixed(1)} MB, ${claims} claims in ${result.seconds.toFixed(2)} s = ${(mb / result.seconds).toFixed(1)} MB/s`);
}
rates.sort((a, b) => a - b);
console.log(`median: ${rates[Math.floor(rates.length / 2)].toFixed(1)} MB/s (${claims} claims, ${mb.toFixed(1)} MB)`);
