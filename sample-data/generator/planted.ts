/**
 * The recurring coding problems planted in the data: what each one is, which engine
 * category it belongs to, and how the payers answer it. `summarizePlanted` counts them
 * from the adjudicated model, which is what planted.json records for the tests.
 */
import { monthKey } from './calendar.ts';
import { decimal, type Cents } from './money.ts';
import type { ClaimAdjudication, DenialBucket } from './model.ts';

export type PlantedId =
  | 'outdated-dx-m54.5'
  | 'mismatch-chest-xray-ankle-pain'
  | 'unspecified-knee-laterality'
  | 'em-with-injection-no-25'
  | 'deleted-telephone-em-99442'
  | 'knee-xray-no-side-modifier'
  | 'pt-ncci-pair-no-59';

export interface PlantedProblem {
  id: PlantedId;
  category: Extract<DenialBucket, 'outdated' | 'unspecified' | 'mismatch' | 'missing_modifier'>;
  description: string;
  /** How to recognise a line carrying it from the billed data alone. */
  signature: string;
  /** How payers answer it (payers not listed pay the line). */
  payerResponse: string;
}

export const PLANTED: readonly PlantedProblem[] = [
  {
    id: 'outdated-dx-m54.5',
    category: 'outdated',
    description:
      'Dr. Quenby (family medicine) keeps coding low back pain as M54.5, a header since 2021-10-01 (FY2022 ICD-10-CM): M54.50, M54.51 or M54.59 must be used.',
    signature: 'a line whose diagnosis pointers include M54.5',
    payerResponse: 'Medicare CO-16 + M76, MA130; Medi-Cal CO-16 + M76; Blue Shield, Anthem, Kaiser CO-146; Redwood Shore pays.',
  },
  {
    id: 'mismatch-chest-xray-ankle-pain',
    category: 'mismatch',
    description:
      'Imaging claims where the chest X-ray 71046 points at the ankle-pain diagnosis M25.571 taken from the same patient\'s ankle order.',
    signature: 'procedure 71046 with a pointer to M25.571',
    payerResponse: 'CO-11 from every payer except Redwood Shore, which pays.',
  },
  {
    id: 'unspecified-knee-laterality',
    category: 'unspecified',
    description: 'Dr. Farrow (orthopedics) codes knee pain as M25.569 (unspecified knee) instead of M25.561 / M25.562.',
    signature: 'a line whose diagnosis pointers include M25.569',
    payerResponse: 'Medicare, Medi-Cal, Anthem CO-16 + M76; Blue Shield CO-11; Kaiser and Redwood Shore pay.',
  },
  {
    id: 'em-with-injection-no-25',
    category: 'missing_modifier',
    description:
      'Dr. Farrow bills 99214 with the joint injection 20610 on the same claim without modifier 25 on the E/M.',
    signature: 'an office E/M line without modifier 25 on a claim that also has 20610',
    payerResponse: 'Medicare and Medi-Cal CO-97 + M15; Anthem CO-4; Blue Shield CO-234; Kaiser and Redwood Shore pay.',
  },
  {
    id: 'deleted-telephone-em-99442',
    category: 'outdated',
    description:
      'Dr. Linwood (internal medicine) bills telephone E/M as 99442, deleted from CPT on 2025-01-01; fixed from March 2026 (98013/98014 used since).',
    signature: 'procedure 99442',
    payerResponse: 'CO-181 from every payer.',
  },
  {
    id: 'knee-xray-no-side-modifier',
    category: 'missing_modifier',
    description: 'Knee X-rays 73560 billed without RT/LT although the diagnosis (M25.561 / M25.562) has a side.',
    signature: 'procedure 73560 without RT, LT or 50',
    payerResponse: 'Medicare, Anthem, Blue Shield CO-4; Medi-Cal, Kaiser, Redwood Shore pay.',
  },
  {
    id: 'pt-ncci-pair-no-59',
    category: 'missing_modifier',
    description:
      'New physical therapist Castellano (from 2026-08-03) bills 97140 with 97530 on the same visit without 59/XE/XS/XP/XU on 97140 (NCCI column-2 code).',
    signature: '97140 without 59/XE/XS/XP/XU on a claim that also has 97530',
    payerResponse: 'Medicare, which applies the NCCI edits, CO-236 (some CO-97 + M15); the other payers pay.',
  },
];

interface MonthCounts {
  lines: number;
  denied_lines: number;
  denied_charges: number;
  paid_lines: number;
}

/** Per planted problem and service month: lines carrying it, denied, and denied charges. */
export function summarizePlanted(initial: readonly ClaimAdjudication[], months: readonly string[]) {
  return PLANTED.map((problem) => {
    const cents = new Map<string, { lines: number; denied: number; deniedCharges: Cents; paid: number }>(
      months.map((m) => [m, { lines: 0, denied: 0, deniedCharges: 0, paid: 0 }]),
    );
    for (const adj of initial) {
      const month = monthKey(adj.claim.dos);
      for (const line of adj.lines) {
        if (line.line.planted !== problem.id) continue;
        const c = cents.get(month)!;
        c.lines++;
        if (line.denial) {
          c.denied++;
          c.deniedCharges += line.line.charge;
        } else c.paid++;
      }
    }
    const byMonth: Record<string, MonthCounts> = {};
    for (const [m, c] of cents) {
      byMonth[m] = { lines: c.lines, denied_lines: c.denied, denied_charges: toDollars(c.deniedCharges), paid_lines: c.paid };
    }
    const all = [...cents.values()];
    return {
      id: problem.id,
      category: problem.category,
      description: problem.description,
      signature: problem.signature,
      payer_response: problem.payerResponse,
      totals: {
        lines: all.reduce((s, c) => s + c.lines, 0),
        denied_lines: all.reduce((s, c) => s + c.denied, 0),
        denied_charges: toDollars(all.reduce((s, c) => s + c.deniedCharges, 0)),
        paid_lines: all.reduce((s, c) => s + c.paid, 0),
      },
      by_month: byMonth,
    };
  });
}

export const toDollars = (cents: Cents) => Number(decimal(cents));
