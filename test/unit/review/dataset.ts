import { csvFile } from '../helpers.ts';

/**
 * A hand-made practice over five service months (2026-01 .. 2026-05), small
 * enough to count by hand. The review month in the tests is 2026-04:
 *
 * | month | lines | claims | billed | denied lines / claims / $ | coding lines / $ | recovered |
 * |-------|-------|--------|--------|---------------------------|------------------|-----------|
 * | 01    | 3     | 3      | 240    | 2 / 2 / 140               | 1 / 50           | 0         |
 * | 02    | 3     | 3      | 350    | 2 / 2 / 250               | 1 / 50           | 0         |
 * | 03    | 3     | 3      | 420    | 1 / 1 / 120 (PR-1 is not) | 0 / 0            | 0         |
 * | 04    | 8     | 7      | 790    | 7 / 7 / 620               | 3 / 280          | 1 line, 80|
 *
 * Patterns in 2026-04: 73560 without modifier at Payer A (Jan, Feb, Apr: recurring),
 * CO-197 on 99213 at Payer B (Mar, Apr: recurring), CO-29 at Payer B (Jan, Apr:
 * returning), M54.5 (new), 71046 with M25.571 (new), CO-97 partial (new), the
 * Sunrise CO-197 denial later paid (new, $20 still at risk), CO-27 (Feb only:
 * resolved). 2026-05 must not change an April review.
 */
const HEADER = 'Claim ID,Line #,DOS,Payer,Rendering Provider,CPT/HCPCS,Mod 1,Dx 1,Dx Pointer,Billed Amt,Allowed Amt,Paid Amt,Adj Codes,Remark Codes,Check Date,Claim Status';
const ROWS = [
  'C101,1,01/05/2026,Payer A,"LEE, ANN",99213,,I10,1,$100.00,$80.00,$80.00,CO-45 20.00,,01/20/2026,Paid',
  'C102,1,01/06/2026,Payer A,"LEE, ANN",73560,,M25.561,1,$50.00,$0.00,$0.00,CO-4 50.00,,01/21/2026,Denied',
  'C103,1,01/07/2026,Payer B,"KIM, BO",99213,,I10,1,$90.00,$0.00,$0.00,CO-29 90.00,,01/22/2026,Denied',
  'C201,1,02/03/2026,Payer A,"LEE, ANN",99213,,I10,1,$100.00,$80.00,$80.00,CO-45 20.00,,02/18/2026,Paid',
  'C202,1,02/04/2026,Payer A,"LEE, ANN",73560,,M25.562,1,$50.00,$0.00,$0.00,CO-4 50.00,,02/19/2026,Denied',
  'C203,1,02/05/2026,Payer B,"KIM, BO",99214,,I10,1,$200.00,$0.00,$0.00,CO-27 200.00,,02/20/2026,Denied',
  'C301,1,03/03/2026,Payer A,"LEE, ANN",99213,,I10,1,$100.00,$80.00,$80.00,CO-45 20.00,,03/18/2026,Paid',
  'C302,1,03/04/2026,Payer B,"KIM, BO",99213,,I10,1,$120.00,$0.00,$0.00,CO-197 120.00,,03/19/2026,Denied',
  'C303,1,03/05/2026,Payer B,"KIM, BO",99214,,I10,1,$200.00,$200.00,$0.00,PR-1 200.00,,03/20/2026,Paid',
  'C401,1,04/02/2026,Payer A,"LEE, ANN",99213,,M25.561,1,$100.00,$80.00,$80.00,CO-45 20.00,,04/17/2026,Partially Paid',
  'C401,2,04/02/2026,Payer A,"LEE, ANN",73560,,M25.561,1,$50.00,$0.00,$0.00,CO-4 50.00,,04/17/2026,Partially Paid',
  'C402,1,04/03/2026,Payer B,"KIM, BO",99213,,I10,1,$120.00,$0.00,$0.00,CO-197 120.00,,04/18/2026,Denied',
  'C403,1,04/06/2026,Payer A,"ROY, EVA",71046,,M25.571,1,$80.00,$0.00,$0.00,CO-11 80.00,,04/21/2026,Denied',
  'C404,1,04/25/2026,Payer A,"LEE, ANN",99214,,M54.5,1,$150.00,$0.00,$0.00,CO-146 150.00,,05/10/2026,Denied',
  'C405,1,04/08/2026,Payer B,"KIM, BO",99213,,I10,1,$100.00,$90.00,$60.00,CO-45 10.00; CO-97 30.00,,04/23/2026,Partially Paid',
  'C406,1,04/09/2026,Payer B,"KIM, BO",99214,,I10,1,$90.00,$0.00,$0.00,CO-29 90.00,,04/24/2026,Denied',
  'C501,1,05/04/2026,Payer A,"LEE, ANN",73560,,M25.561,1,$50.00,$0.00,$0.00,CO-4 50.00,,05/19/2026,Denied',
  'C502,1,05/05/2026,Payer A,"LEE, ANN",99213,,I10,1,$100.00,$0.00,$0.00,CO-18 100.00,,05/20/2026,Denied',
];

const isa = (date: string, control: string) =>
  `ISA*00*          *00*          *ZZ*DLPAYER        *ZZ*DLCLINIC       *${date}*0800*^*00501*${control}*0*P*:~`;

/** Sunrise denies R1 for authorization in April; in May it reverses that and pays $80 on the corrected claim. */
const REMIT_APRIL = [
  isa('260420', '000000201'),
  'GS*HP*DLPAYER*DLCLINIC*20260420*0800*201*X*005010X221A1~',
  'ST*835*0001~',
  'BPR*H*0*C*NON************20260420~',
  'TRN*1*EFT2001*1512345678~',
  'DTM*405*20260420~',
  'N1*PR*SUNRISE HEALTH PLAN~',
  'N1*PE*RIVERSIDE FAMILY MEDICINE*XX*1932145678~',
  'LX*1~',
  'CLP*R1*4*100.00*0*0*12*PCN1001*11*1~',
  'NM1*QC*1*DOE*JANE****MI*W1~',
  'SVC*HC:99213*100.00*0**1~',
  'DTM*472*20260405~',
  'CAS*CO*197*100.00~',
  'SE*13*0001~',
  'GE*1*201~',
  'IEA*1*000000201~',
].join('\n');

const REMIT_MAY = [
  isa('260515', '000000202'),
  'GS*HP*DLPAYER*DLCLINIC*20260515*0800*202*X*005010X221A1~',
  'ST*835*0001~',
  'BPR*I*80.00*C*ACH************20260515~',
  'TRN*1*EFT2002*1512345678~',
  'DTM*405*20260515~',
  'N1*PR*SUNRISE HEALTH PLAN~',
  'N1*PE*RIVERSIDE FAMILY MEDICINE*XX*1932145678~',
  'LX*1~',
  'CLP*R1*22*-100.00*0*0*12*PCN1001*11*1~',
  'NM1*QC*1*DOE*JANE****MI*W1~',
  'SVC*HC:99213*-100.00*0**1~',
  'DTM*472*20260405~',
  'CAS*CO*197*-100.00~',
  'CLP*R1*1*100.00*80.00*0*12*PCN1002*11*1~',
  'NM1*QC*1*DOE*JANE****MI*W1~',
  'SVC*HC:99213*100.00*80.00**1~',
  'DTM*472*20260405~',
  'CAS*CO*45*20.00~',
  'SE*18*0001~',
  'GE*1*202~',
  'IEA*1*000000202~',
].join('\n');

export function reviewDataset() {
  return [
    csvFile('review-export.csv', `${[HEADER, ...ROWS].join('\r\n')}\r\n`),
    csvFile('sunrise-2026-04.835', REMIT_APRIL),
    csvFile('sunrise-2026-05.835', REMIT_MAY),
  ];
}
