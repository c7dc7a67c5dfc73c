import { sqlValue } from '../db/sql-quote.ts';
import { CARC, RARC } from './payer-codes.ts';

// INTERIM (lead's local testing until the carc-table branch lands)
const NOT = new Set(['contractual', 'patient_responsibility']);
const OVERRIDE: Record<string, [string, boolean]> = { '23': ['prior_payer', false], '24': ['capitation', false], '150': ['other_coding', true], '151': ['other_coding', true], '152': ['other_coding', true], '189': ['other_coding', true], '104': ['withhold', false], '237': ['regulatory', false], '246': ['reporting_only', false], '101': ['predetermination', false], '100': ['patient_responsibility', false] };
const ROLE: Record<string, string> = { '11': 'refine_coding', '4': 'refine_coding', '146': 'refine_coding', '182': 'refine_coding', '97': 'refine_modifier', '231': 'refine_modifier', '234': 'refine_modifier', '236': 'refine_modifier' };
const RROLE: Record<string, string> = { M76: 'if_code_data_agrees', MA63: 'if_code_data_agrees', N56: 'if_code_data_agrees', M25: 'if_code_data_agrees', M81: 'coding', N822: 'coding', N823: 'coding', N115: 'coding', N386: 'coding', N19: 'coding', N20: 'coding', M15: 'coding', M80: 'coding', MA130: null as unknown as string };

export function createPayerCodesSql(): string {
  const rows = [
    ...CARC.map((c) => { const [b, d] = OVERRIDE[c.code] ?? [c.bucket === 'unknown' ? 'unknown' : c.bucket, !NOT.has(c.bucket)]; return ['CARC', c.code, d, b, c.description, ROLE[c.code] ?? null, null]; }),
    ...[['101', 'Predetermination'], ['104', 'Withhold'], ['237', 'MIPS'], ['246', 'Reporting only'], ['100', 'Payment made to patient']].map(([c, l]) => ['CARC', c, false, OVERRIDE[c][0], l, null, null]),
    ...RARC.map((c) => ['RARC', c.code, null, c.bucket, c.description, (c.code in RROLE ? RROLE[c.code] : 'cause'), null]),
  ];
  return /* sql */ `
CREATE OR REPLACE TABLE payer_codes (kind VARCHAR, code VARCHAR, denial BOOLEAN, bucket VARCHAR, label VARCHAR, role VARCHAR, stop_date DATE);
INSERT INTO payer_codes VALUES ${rows.map((r) => `(${r.map((v) => sqlValue(v as string)).join(', ')})`).join(',\n  ')};
`;
}
