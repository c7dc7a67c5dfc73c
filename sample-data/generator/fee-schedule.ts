/**
 * The practice's charge master and a base rate per procedure code. Code numbers only:
 * CPT descriptors are AMA copyright and appear nowhere in this project.
 *
 * Amounts are invented for the synthetic data. Base rates are in the range of a
 * Medicare non-facility payment for the service, charges ~2–2.5× that, as practices
 * set them; they are not any payer's published fee schedule.
 */
import { yearOf, type Day } from './calendar.ts';
import { dollars, share, type Cents } from './money.ts';
import type { Payer } from './practice.ts';

interface Fee {
  /** Charge per unit on the claim. */
  charge: Cents;
  /** What a payer with rate factor 1 allows per unit. */
  base: Cents;
}

const fee = (charge: number, base: number): Fee => ({ charge: dollars(charge), base: dollars(base) });

const FEES: Readonly<Record<string, Fee>> = {
  // E/M: 9920x first visits, 9921x return visits
  '99202': fee(165, 73.1), '99203': fee(250, 112.4), '99204': fee(375, 168.2), '99205': fee(490, 221.6),
  '99211': fee(55, 23.4), '99212': fee(130, 57.3), '99213': fee(205, 91.2), '99214': fee(290, 128.9), '99215': fee(405, 181.7),
  // preventive visits; Medicare wellness visits; visit-complexity add-on
  '99386': fee(330, 141.5), '99387': fee(355, 153.2), '99395': fee(280, 124.6), '99396': fee(300, 132.8), '99397': fee(320, 140.1),
  'G0438': fee(385, 168.4), 'G0439': fee(290, 130.2), 'G2211': fee(38, 16.1),
  // telephone E/M: 99441–99443 were deleted from CPT on 2025-01-01, replaced by
  // 98008–98015 (AMA CPT 2025 code set; CMS CY2025 physician fee schedule final rule)
  '99442': fee(135, 56.2), '98013': fee(150, 63.5), '98014': fee(210, 92.8),
  // physical therapy (timed codes are billed in units)
  '97110': fee(68, 29.1), '97112': fee(76, 33.2), '97140': fee(62, 26.9), '97530': fee(78, 33.6),
  '97161': fee(235, 101.4), '97162': fee(235, 101.4), '97163': fee(235, 101.4),
  // imaging (global: the group owns the equipment)
  '71046': fee(95, 37.2), '72100': fee(98, 38.4), '73030': fee(86, 33.9), '73560': fee(84, 33.1),
  '73562': fee(96, 38.3), '73610': fee(84, 33.2), '73721': fee(640, 219.5),
  // joint injection and the drug (J3301 is per 10 mg)
  '20610': fee(175, 64.8), 'J3301': fee(6, 1.9),
  // in-office lab and the blood draw
  '80053': fee(38, 10.6), '80061': fee(45, 13.4), '83036': fee(36, 9.7), '84443': fee(52, 16.8),
  '85025': fee(29, 7.8), '36415': fee(15, 3.0),
  // cardiology
  '93000': fee(58, 16.4), '93306': fee(575, 201.9),
  // vaccines and administration
  '90656': fee(48, 21.2), '90715': fee(88, 39.6), '90677': fee(390, 252.0), '90750': fee(260, 201.0),
  '90471': fee(45, 20.1), 'G0008': fee(72, 35.5), 'G0009': fee(72, 35.5),
};

function feeOf(code: string): Fee {
  const found = FEES[code];
  if (!found) throw new Error(`no fee for procedure ${code}`);
  return found;
}

export const chargeFor = (code: string, units: number): Cents => feeOf(code).charge * units;

/**
 * Allowed amount for a paid line. Rates rise a little for 2026 dates of service, as
 * fee schedules do each January; never above the charge.
 */
export function allowedFor(payer: Payer, code: string, units: number, dos: Day): Cents {
  const yearly = yearOf(dos) >= 2026 ? 1.025 : 1;
  const allowed = share(feeOf(code).base * units, payer.rateFactor * yearly);
  return Math.min(allowed, chargeFor(code, units));
}
