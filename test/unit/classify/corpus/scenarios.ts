import type { TestLine } from '../export-builder.ts';
import type { RemitClaim, RemitLine } from './remit-builder.ts';
import type { LineLabel } from './labels.ts';

/**
 * The classifier corpus: small claims as a coder would meet them, each labelled
 * line with the label a certified coder / auditor gives it, why, and the source
 * the reason comes from. Written from the X12 CARC/RARC list (March 2024), the
 * ICD-10-CM order files (FY2026; FY2027 effective 2026-10-01), the CMS PFS
 * PPRRVU indicators (global days, bilateral indicator), NCCI policy, the
 * ICD-10-CM Official Guidelines and issue 16 — never from the classifier's rules.
 * Unlabelled lines are context (e.g. the paid procedure beside a denied E/M).
 */
export type CsvLine = Omit<TestLine, 'claim' | 'dx'> & { dx?: string[]; part?: string; label?: LineLabel };
export type LabelledRemitLine = RemitLine & { label?: LineLabel };
export interface Scenario {
  name: string;
  csv?: CsvLine[];
  /** an 835 claim; `label` labels a claim that comes back without service lines */
  remit?: Omit<RemitClaim, 'claim' | 'lines'> & { lines: LabelledRemitLine[]; label?: LineLabel };
}

// ---- sources -------------------------------------------------------------------------------------------------
const carc = (...codes: string[]) => `CARC ${codes.join(' + ')} (X12 CARC list, March 2024)`;
const rarc = (...codes: string[]) => `RARC ${codes.join(' + ')} (X12 RARC list, March 2024)`;
const fy26 = (text: string) => `ICD-10-CM FY2026 order file: ${text}`;
const fy27 = (text: string) => `ICD-10-CM FY2027 order file (effective 2026-10-01): ${text}`;
const pfs = (text: string) => `PPRRVU 2025 Q4 (RVU25D): ${text}`;
const and = (...parts: string[]) => parts.join('; ');
const ISSUE = 'issue 16 "Whose reason wins"';
const NOT_DENIAL = 'issue 16 / TEAM-BRIEF not-denial buckets';
const GUIDE_I_A_6 = 'ICD-10-CM Official Guidelines FY2026 I.A.6 (7th characters)';
const GUIDE_I_A_5 = 'ICD-10-CM Official Guidelines FY2026 I.A.5 (placeholder character X)';
const GUIDE_I_B_13 = 'ICD-10-CM Official Guidelines FY2026 I.B.13 (laterality)';
const NCCI_EM = 'NCCI Policy Manual 2026 ch. I §D (E/M on the day of a 0/10-day global procedure: modifier 25) and §E (never 59/X{EPSU} on an E/M)';
const NCCI_57 = 'CMS Claims Processing Manual ch. 12 §40.2 (E/M that decided a 90-day global surgery: modifier 57)';
const NCCI_PTP = 'NCCI PTP edit 97530 / 97140, modifier indicator 1 (CMS practitioner PTP file)';

// ---- line helpers --------------------------------------------------------------------------------------------
/** Nothing paid: the whole charge adjusted with each code in turn (first code takes it all when one). */
function deny(codes: string, billed = 100): Pick<CsvLine, 'billed' | 'paid' | 'adj'> {
  const list = codes.split(/\s*\+\s*/);
  const [first, ...rest] = list;
  return { billed, paid: 0, adj: [`${first} ${billed.toFixed(2)}`, ...rest].join('; ') };
}
const L = (expect: LineLabel['expect'], why: string, source: string): LineLabel => ({ expect, why, source });
const ND = (kind: NonNullable<LineLabel['kind']>, why: string, source: string): LineLabel => ({ expect: 'not_denied', kind, why, source });

/** A paid procedure line beside the denied one: paid under the fee schedule. */
const paidBeside = (cpt: string, dx: string[], billed: number, paid: number, mods?: string[]): CsvLine => ({
  cpt, mods, dx, billed, paid, adj: `CO-45 ${(billed - paid).toFixed(2)}`,
  label: ND('contractual', `${cpt} paid; only the fee-schedule reduction CO-45 is adjusted`, carc('45')),
});

export const SCENARIOS: Scenario[] = [
  // ============================ not denied: contractual ============================
  { name: 'office visit paid with a fee-schedule reduction', csv: [
    { cpt: '99213', dx: ['I10'], billed: 150, paid: 92.4, adj: 'CO-45 57.60',
      label: ND('contractual', 'paid; the reduction is the contracted fee schedule', carc('45')) }] },
  { name: '$0 nurse visit: nothing paid only because of the fee schedule', csv: [
    { cpt: '99211', dx: ['Z23'], billed: 40, paid: 0, adj: 'CO-45 40.00', payer: 'Aetna',
      label: ND('contractual', 'the whole charge is a contractual write-off (CO-45); no denial reason', and(carc('45'), NOT_DENIAL)) }] },
  { name: 'sequestration and fee schedule on a Medicare visit', csv: [
    { cpt: '99214', dx: ['E11.9'], billed: 210, paid: 118.62, adj: 'CO-45 87.96; CO-253 3.42',
      label: ND('contractual', 'fee schedule and the 2 % federal sequestration are not denials', carc('45', '253')) }] },
  { name: 'multiple-procedure reduction on the second procedure', csv: [
    paidBeside('17110', ['B07.8'], 180, 110),
    { cpt: '11200', dx: ['L91.8'], billed: 160, paid: 48, adj: 'CO-45 64.00; CO-59 48.00',
      label: ND('contractual', 'second procedure reduced by the multiple-procedure rule, still paid', carc('45', '59')) }] },
  { name: 'negotiated discount on therapy', csv: [
    { cpt: '97110', mods: ['GP'], dx: ['M62.81'], billed: 120, paid: 84, adj: 'CO-131 36.00', payer: 'Cigna',
      label: ND('contractual', 'claim-specific negotiated discount, the rest paid', carc('131')) }] },
  { name: 'plantar fascial fibromatosis M72.2 still billable on 2026-09-21', csv: [
    { cpt: '99213', dx: ['M72.2'], dos: '2026-09-21', billed: 140, paid: 88, adj: 'CO-45 52.00',
      label: ND('contractual', 'M72.2 is a valid billable code until 2026-09-30; paid under the fee schedule', and(fy26('M72.2 billable (flag 1)'), carc('45'))) }] },
  { name: 'dilated cardiomyopathy I42.0 still billable on 2026-09-28', csv: [
    { cpt: '93306', dx: ['I42.0'], dos: '2026-09-28', billed: 600, paid: 232, adj: 'CO-45 368.00',
      label: ND('contractual', 'I42.0 billable in FY2026 (header only from 2026-10-01); paid', and(fy26('I42.0 billable (flag 1)'), carc('45'))) }] },
  { name: 'paid line carrying an unknown $0.00 code beside CO-45', csv: [
    { cpt: '99213', dx: ['J02.9'], billed: 150, paid: 92.4, adj: 'CO-45 57.60; CO-999 0.00', payer: 'UnitedHealthcare',
      label: ND('contractual', 'CO-45 explains every unpaid dollar; the unknown code moves no money', and(carc('45'), 'CARC 999 is not in the X12 list', NOT_DENIAL)) }] },

  // ============================ not denied: patient responsibility ============================
  { name: 'deductible takes the whole allowed amount', csv: [
    { cpt: '99213', dx: ['K21.9'], billed: 150, paid: 0, adj: 'CO-45 58.00; PR-1 92.00',
      label: ND('patient_responsibility', 'allowed amount applied to the deductible: the patient owes it, not a denial', carc('45', '1')) }] },
  { name: 'coinsurance on physical therapy', csv: [
    { cpt: '97110', mods: ['GP'], dx: ['M54.50'], billed: 120, paid: 62.4, adj: 'CO-45 42.00; PR-2 15.60',
      label: ND('patient_responsibility', 'coinsurance and fee schedule; paid', carc('45', '2')) }] },
  { name: 'copay on an office visit', csv: [
    { cpt: '99214', dx: ['F41.1'], billed: 210, paid: 105, adj: 'CO-45 75.00; PR-3 30.00', payer: 'Aetna',
      label: ND('patient_responsibility', 'copay is the patient share', carc('45', '3')) }] },
  { name: 'payer paid the patient (PR-100)', csv: [
    { cpt: '99203', dx: ['J02.9'], billed: 190, paid: 0, adj: 'CO-45 70.00; PR-100 120.00', payer: 'BCBS out-of-network',
      label: ND('patient_responsibility', 'benefit paid to the patient: collect from the patient, not a denial', carc('45', '100')) }] },
  { name: 'full deductible with a vendor code beside it', csv: [
    { cpt: '99203', dx: ['N39.0'], billed: 190, paid: 0, adj: 'PR-1 190.00; DEDMET', payer: 'UnitedHealthcare',
      label: ND('patient_responsibility', 'PR-1 explains the whole charge; the vendor code cannot make it a denial', and(carc('1'), 'issue 16: unmapped code is a denial only when no known non-denial reason explains the dollars')) }] },

  // ============================ not denied: prior payer (835, secondary) ============================
  { name: 'secondary pays the coinsurance the primary left', remit: { status: '2', lines: [
    { proc: '99214', billed: 210, paid: 24.2, cas: 'OA-23 185.80',
      label: ND('prior_payer', 'secondary claim: OA-23 is the primary payer\'s adjudication; the secondary paid its share', carc('23')) }] } },
  { name: 'secondary pays nothing: the primary paid more than it allows', remit: { status: '2', lines: [
    { proc: '99213', billed: 150, paid: 0, cas: 'CO-23 150.00',
      label: ND('prior_payer', 'the prior payer\'s payment exceeds this payer\'s allowance (CO-23): nothing owed, not a denial', carc('23')) }] } },
  { name: 'secondary: prior payer impact plus remaining deductible', remit: { status: '2', lines: [
    { proc: '99203', billed: 190, paid: 0, cas: 'OA-23 150.00; PR-1 40.00',
      label: ND('prior_payer', 'prior payer impact and the patient\'s deductible explain the whole charge', carc('23', '1')) },
    { proc: '36415', billed: 20, paid: 3, cas: 'OA-23 17.00',
      label: ND('prior_payer', 'secondary paid the balance after the primary', carc('23')) }] } },

  // ============================ not denied: capitation ============================
  { name: 'capitated office visit', csv: [
    { cpt: '99213', dx: ['I10'], payer: 'Medicaid HMO', ...deny('CO-24', 150),
      label: ND('capitation', 'covered under the capitation agreement: paid through the monthly capitation, not a denial', carc('24')) }] },
  { name: 'capitated preventive visit with a contract remark', csv: [
    { cpt: '99396', dx: ['Z00.00'], payer: 'Medicaid HMO', remarks: ['N14'], ...deny('CO-24', 220),
      label: ND('capitation', 'capitated service; N14 only says the payment follows the contract', carc('24') + '; ' + rarc('N14')) }] },
  { name: 'capitated visit with an unspecified diagnosis', csv: [
    { cpt: '99213', dx: ['M25.569'], payer: 'Medicaid HMO', ...deny('CO-24', 150),
      label: ND('capitation', 'capitation explains the $0; the unspecified code is no reason to call it a denial', and(carc('24'), ISSUE)) }] },
  { name: 'capitated claim on an 835: visit and strep test', remit: { status: '1', lines: [
    { proc: '99214', billed: 210, paid: 0, cas: 'CO-24 210.00',
      label: ND('capitation', 'capitated (CO-24)', carc('24')) },
    { proc: '87880', billed: 35, paid: 0, cas: 'CO-24 35.00',
      label: ND('capitation', 'capitated lab test (CO-24)', carc('24')) }] } },

  // ============================ not denied: withhold ============================
  { name: 'managed-care withhold on a visit', csv: [
    { cpt: '99214', dx: ['E78.5'], billed: 210, paid: 108, adj: 'CO-45 90.00; CO-104 12.00', payer: 'Humana Medicare Advantage',
      label: ND('withhold', 'withhold held back under the managed-care contract; paid', carc('45', '104')) }] },
  { name: 'payer-initiated withhold on an 835', remit: { status: '1', lines: [
    { proc: '99213', billed: 150, paid: 83.6, cas: 'CO-45 62.00; PI-104 4.40',
      label: ND('withhold', 'withhold (PI-104) and fee schedule; paid', carc('45', '104')) }] } },
  { name: 'withhold on a joint injection', csv: [
    { cpt: '20610', mods: ['RT'], dx: ['M17.11'], billed: 250, paid: 88, adj: 'CO-45 150.00; CO-104 12.00', payer: 'Humana Medicare Advantage',
      label: ND('withhold', 'withhold on a paid procedure', carc('45', '104')) }] },

  // ============================ not denied: regulatory (MIPS) ============================
  { name: 'paid visit with a $1.50 MIPS adjustment', csv: [
    { cpt: '99213', dx: ['I10'], billed: 150, paid: 90.5, adj: 'CO-45 58.00; CO-237 1.50', remarks: ['N807'],
      label: ND('regulatory', 'MIPS payment adjustment (legislated), the line is paid', and(carc('237'), rarc('N807'))) }] },
  { name: 'MIPS adjustment on a line with an unspecified diagnosis', csv: [
    { cpt: '99214', dx: ['M25.569'], billed: 210, paid: 117.07, adj: 'CO-45 91.00; CO-237 1.93', remarks: ['N807'],
      label: ND('regulatory', 'paid; the MIPS adjustment is no coding denial whatever the diagnosis', and(carc('237'), rarc('N807'), ISSUE)) }] },
  { name: 'MIPS adjustment on both lines of an 835 claim', remit: { status: '1', lines: [
    { proc: '99204', billed: 280, paid: 161.2, cas: 'CO-45 115.00; CO-237 3.80', remarks: ['N807'],
      label: ND('regulatory', 'paid with a MIPS reduction', and(carc('237'), rarc('N807'))) },
    { proc: '93000', billed: 60, paid: 16.64, cas: 'CO-45 43.00; CO-237 0.36', remarks: ['N807'],
      label: ND('regulatory', 'paid with a MIPS reduction', and(carc('237'), rarc('N807'))) }] } },

  // ============================ not denied: reporting only ============================
  { name: 'quality G-code billed at $0.01', csv: [
    paidBeside('99214', ['I10'], 210, 119),
    { cpt: 'G8427', dx: ['I10'], billed: 0.01, paid: 0, adj: 'CO-246 0.01',
      label: ND('reporting_only', 'quality-reporting code, non-payable by design', and(carc('246'), pfs('G8427 status M (measurement code)'))) }] },
  { name: 'Category II code at $0.00 without any adjustment', csv: [
    paidBeside('99213', ['E11.9'], 150, 92.4),
    { cpt: '3044F', dx: ['E11.9'], billed: 0, paid: 0,
      label: ND('reporting_only', 'Category II performance-measure code billed at $0: nothing to pay, nothing denied', 'CPT Category II codes are tracking codes; PPRRVU status I') }] },
  { name: 'quality codes on an 835: $0.00 and $0.01 with CO-246 + N620', remit: { status: '1', lines: [
    { proc: '99213', billed: 150, paid: 92.4, cas: 'CO-45 57.60', label: ND('contractual', 'visit paid', carc('45')) },
    { proc: 'G8417', billed: 0, paid: 0,
      label: ND('reporting_only', 'BMI quality code at $0, reporting only', 'CMS quality-data codes are reported at $0 (PPRRVU status M)') },
    { proc: '1036F', billed: 0.01, paid: 0, cas: 'CO-246 0.01', remarks: ['N620'],
      label: ND('reporting_only', 'reporting-only code at $0.01', and(carc('246'), rarc('N620'))) }] } },

  // ============================ not denied: predetermination ============================
  { name: 'predetermination (CLP02 = 25) for a knee arthroscopy and an injection', remit: { status: '25', lines: [
    { proc: '29881', mods: ['RT'], billed: 3200, paid: 0, cas: 'CO-45 1900.00; OA-101 1300.00',
      label: ND('predetermination', 'CLP02 = 25 is a predetermination, not an adjudication', and('835 TR3 CLP02 code 25 (predetermination pricing only)', carc('101'))) },
    { proc: '20610', mods: ['RT'], billed: 250, paid: 0, cas: 'CO-45 150.00; OA-101 100.00',
      label: ND('predetermination', 'predetermination: anticipated payment only', carc('101')) }] } },
  { name: 'predetermination of an MRI without OA-101', remit: { status: '25', lines: [
    { proc: '73721', mods: ['RT'], billed: 1200, paid: 0, cas: 'CO-45 800.00',
      label: ND('predetermination', 'CLP02 = 25: the payer priced a planned service, nothing was adjudicated', '835 TR3 CLP02 code 25') }] } },
  { name: 'export line with OA-101 anticipated payment', csv: [
    { cpt: '97161', mods: ['GP'], dx: ['M54.50'], billed: 160, paid: 0, adj: 'CO-45 48.00; OA-101 112.00',
      label: ND('predetermination', 'OA-101: predetermination, anticipated payment upon completion', carc('101')) }] },

  // ============================ outdated / invalid codes ============================
  { name: 'low back pain M54.5 on 2026-03-10, payer CO-146', csv: [
    { cpt: '99213', dx: ['M54.5'], dos: '2026-03-10', ...deny('CO-146', 150),
      label: L('outdated', 'M54.5 is a header since 2021-10-01 (M54.50/51/59)', and(carc('146'), fy26('M54.5 is a header (flag 0)'))) }] },
  { name: 'cough R05 with a vague CO-16 + M76', csv: [
    { cpt: '99213', dx: ['R05'], remarks: ['M76'], ...deny('CO-16', 150),
      label: L('outdated', 'M76 names an invalid diagnosis and R05 is a header since 2021-10-01 (R05.1–R05.9)', and(rarc('M76'), fy26('R05 is a header'))) }] },
  { name: 'CPT 99201 after its deletion, CO-181', csv: [
    { cpt: '99201', dx: ['J02.9'], ...deny('CO-181', 110),
      label: L('outdated', '99201 was deleted on 2021-01-01', and(carc('181'), 'PPRRVU 2021 Q1 (RVU21A): 99201 absent (present in RVU20D)')) }] },
  { name: 'telephone E/M 99441 in 2026, CO-16 + N56', csv: [
    { cpt: '99441', dx: ['I10'], remarks: ['N56'], ...deny('CO-16', 90),
      label: L('outdated', 'N56 says the procedure code is not valid, and 99441 was deleted on 2025-01-01: the code data agrees', and(rarc('N56'), pfs('99441 absent (present in RVU24C)'), ISSUE)) }] },
  { name: 'FY2027: M72.2 billed on 2026-10-14, payer CO-11', csv: [
    { cpt: '99213', dx: ['M72.2'], dos: '2026-10-14', ...deny('CO-11', 150),
      label: L('outdated', 'M72.2 became a header on 2026-10-01: M72.20/M72.21/M72.22 required', and(carc('11'), fy27('M72.2 is a header; M72.20–M72.22 added'))) }] },
  { name: 'FY2027: I42.0 on an echo on 2026-11-03, CO-146', csv: [
    { cpt: '93306', dx: ['I42.0'], dos: '2026-11-03', ...deny('CO-146', 600),
      label: L('outdated', 'I42.0 is a header from 2026-10-01 (I42.00/I42.01/I42.09)', and(carc('146'), fy27('I42.0 is a header'))) }] },
  { name: 'ankle sprain without its 7th character, CO-16 + M76', csv: [
    { cpt: '99203', dx: ['S93.401'], remarks: ['M76'], ...deny('CO-16', 190),
      label: L('outdated', 'S93.401 is a header: the 7th character (A/D/S) is required', and(fy26('S93.401 is a header; S93.401A billable'), GUIDE_I_A_6, rarc('M76'))) }] },
  { name: 'neck strain without the placeholder X, CO-146', csv: [
    { cpt: '99213', dx: ['S16.1A'], ...deny('CO-146', 150),
      label: L('outdated', 'S16.1A does not exist: the valid code is S16.1XXA (placeholder X)', and(carc('146'), fy26('S16.1XXA billable, S16.1A absent'), GUIDE_I_A_5)) }] },
  { name: 'FY2027: BMI Z68.1 on a nutrition visit on 2026-10-20, CO-16 + M76', csv: [
    { cpt: '97802', dx: ['R63.4', 'Z68.1'], dos: '2026-10-20', remarks: ['M76'], ...deny('CO-16', 95),
      label: L('outdated', 'Z68.1 is a header from 2026-10-01 (Z68.18/Z68.19)', and(rarc('M76'), fy27('Z68.1 is a header'))) }] },
  { name: 'prolonged service 99354 after its deletion, beside a paid visit', csv: [
    paidBeside('99215', ['I50.9'], 290, 170),
    { cpt: '99354', dx: ['I50.9'], ...deny('CO-181', 140),
      label: L('outdated', '99354 was deleted on 2024-01-01 (99417 / G2212)', and(carc('181'), 'PPRRVU 2024 Q3 (RVU24C): 99354 absent (present in RVU21A)')) }] },

  // ============================ missing modifier ============================
  { name: 'knee X-ray without RT/LT, CO-4', csv: [
    { cpt: '73560', dx: ['M17.11'], ...deny('CO-4', 80),
      label: L('missing_modifier', 'knee X-ray is paid per side (bilateral indicator 3): RT or LT needed', and(carc('4'), pfs('73560 bilateral indicator 3'))) }] },
  { name: 'E/M + knee injection (000 global) without 25, E/M CO-97 + M15', csv: [
    { cpt: '99214', dx: ['M17.11'], remarks: ['M15'], ...deny('CO-97', 210),
      label: L('missing_modifier', 'a separately identifiable E/M on the day of a 0-day global procedure needs 25', and(carc('97'), pfs('20610 global 000'), NCCI_EM)) },
    paidBeside('20610', ['M17.11'], 250, 100, ['RT'])] },
  { name: 'E/M + wart destruction (010 global) without 25, E/M CO-234 + N20', csv: [
    { cpt: '99213', dx: ['L82.1', 'B07.8'], remarks: ['N20'], ...deny('CO-234', 150),
      label: L('missing_modifier', '10-day global procedure the same day: the E/M needs 25', and(carc('234'), pfs('17110 global 010'), NCCI_EM)) },
    paidBeside('17110', ['B07.8'], 180, 110)] },
  { name: 'decision for surgery: E/M + hammertoe repair (090) without 57', csv: [
    { cpt: '99204', dx: ['M20.41'], payer: 'Aetna', ...deny('CO-97', 280),
      label: L('missing_modifier', 'E/M that decided a 90-day global surgery the same day needs 57', and(carc('97'), pfs('28285 global 090'), NCCI_57)) },
    paidBeside('28285', ['M20.41'], 1400, 650, ['T6'])] },
  { name: 'E/M + nail debridement (000) without 25, E/M CO-236', csv: [
    { cpt: '99213', dx: ['B35.1', 'E11.9'], ...deny('CO-236', 150),
      label: L('missing_modifier', 'NCCI pair E/M + minor procedure: 25 on the E/M unbundles it', and(carc('236'), pfs('11721 global 000'), NCCI_EM)) },
    paidBeside('11721', ['B35.1'], 90, 45)] },
  { name: 'E/M billed with 59 beside a knee injection, CO-236', csv: [
    { cpt: '99213', mods: ['59'], dx: ['M17.12'], ...deny('CO-236', 150),
      label: L('missing_modifier', 'NCCI never accepts 59 on an E/M: the missing modifier is 25', and(carc('236'), pfs('20610 global 000'), NCCI_EM)) },
    paidBeside('20610', ['M17.12'], 250, 100, ['LT'])] },
  { name: 'manual therapy with therapeutic activities, no 59/X, CO-236', csv: [
    paidBeside('97530', ['M54.50'], 90, 60, ['GP']),
    { cpt: '97140', mods: ['GP'], dx: ['M54.50'], ...deny('CO-236', 80),
      label: L('missing_modifier', 'PTP pair with modifier indicator 1 billed without 59/XU: the modifier is the fix', and(carc('236'), NCCI_PTP)) }] },
  { name: 'foot X-ray with CO-16 + N822', csv: [
    { cpt: '73630', dx: ['M20.41'], remarks: ['N822'], ...deny('CO-16', 75),
      label: L('missing_modifier', 'the payer names the missing modifier (N822); foot X-ray needs RT/LT', and(rarc('N822'), pfs('73630 bilateral indicator 3'))) }] },
  { name: 'ankle X-ray billed with 50, CO-4 + N823', csv: [
    { cpt: '73610', mods: ['50'], dx: ['M25.571', 'M25.572'], remarks: ['N823'], ...deny('CO-4', 160),
      label: L('missing_modifier', 'bilateral indicator 3: 50 does not apply, bill RT and LT lines', and(carc('4'), rarc('N823'), pfs('73610 bilateral indicator 3'))) }] },
  { name: 'injections of both knees: right knee with RT, left knee without a modifier', csv: [
    paidBeside('20610', ['M17.0'], 250, 100, ['RT']),
    { cpt: '20610', dx: ['M17.0'], remarks: ['N822'], ...deny('CO-4', 250),
      label: L('missing_modifier', 'second knee without a side: bilateral indicator 1 calls for 50 (or LT)', and(carc('4'), rarc('N822'), pfs('20610 bilateral indicator 1'))) }] },

  // ============================ unspecified ============================
  { name: 'knee pain of unspecified side, CO-16 + M76', csv: [
    { cpt: '99213', dx: ['M25.569'], remarks: ['M76'], ...deny('CO-16', 150),
      label: L('unspecified', 'M25.569 where M25.561/M25.562 exist; M76 on the diagnosis', and(rarc('M76'), fy26('M25.561, M25.562 billable'), GUIDE_I_B_13)) }] },
  { name: 'E/M for unspecified leg pain, CO-11', csv: [
    { cpt: '99213', dx: ['M79.606'], ...deny('CO-11', 150),
      label: L('unspecified', 'an E/M is supported by any leg-pain code: the problem is the unspecified side', and(carc('11'), fy26('M79.604/M79.605 billable'), ISSUE)) }] },
  { name: 'knee MRI with unspecified knee pain, CO-11 + M81', csv: [
    { cpt: '73721', mods: ['RT'], dx: ['M25.569'], remarks: ['M81'], ...deny('CO-11', 1200),
      label: L('unspecified', 'the remark asks for the highest specificity', and(carc('11'), rarc('M81'), GUIDE_I_B_13)) }] },
  { name: 'unspecified abdominal pain with remark M81', csv: [
    { cpt: '99214', dx: ['R10.9'], remarks: ['M81'], ...deny('CO-16', 210),
      label: L('unspecified', 'R10.9 while R10.1x–R10.8x locate the pain; the payer asks for specificity', and(rarc('M81'), fy26('R10.11, R10.31 … billable'))) }] },
  { name: 'otitis media of unspecified type, CO-11 on the visit', csv: [
    { cpt: '99213', dx: ['H66.91'], ...deny('CO-11', 150),
      label: L('unspecified', 'H66.91 has only unspecified siblings, but the category holds specific types (H66.0–H66.4)', and(carc('11'), fy26('H66.0x–H66.4x billable'), ISSUE)) }] },
  { name: 'unspecified asthma as principal diagnosis, CO-16 + MA63', csv: [
    { cpt: '99213', dx: ['J45.909'], remarks: ['MA63'], ...deny('CO-16', 150),
      label: L('unspecified', 'MA63 on the principal diagnosis and J45.909 is unspecified (J45.20–J45.50 severity codes exist)', and(rarc('MA63'), fy26('J45.20 … J45.50x billable'), ISSUE)) }] },
  { name: 'specific code with the payer\'s specificity remark M81', csv: [
    { cpt: '99214', dx: ['E11.65'], remarks: ['M81'], ...deny('CO-16', 210),
      label: L('unspecified', 'the payer itself says the coding is not specific enough', rarc('M81')) }] },

  // ============================ mismatch ============================
  { name: 'chest X-ray for knee pain, CO-11', csv: [
    { cpt: '71046', dx: ['M25.561'], ...deny('CO-11', 80),
      label: L('mismatch', 'knee pain does not support a chest X-ray', carc('11')) }] },
  { name: 'ECG with unspecified knee pain, CO-11', csv: [
    { cpt: '93000', dx: ['M25.569'], ...deny('CO-11', 60),
      label: L('mismatch', 'no knee-pain code supports an ECG: the unspecified side is secondary', and(carc('11'), ISSUE)) }] },
  { name: 'lipid panel for a routine exam, CO-50 + N386', csv: [
    { cpt: '80061', dx: ['Z00.00'], ...deny('CO-50', 45), remarks: ['N386'],
      label: L('mismatch', 'diagnosis outside the NCD covered list for the lab test', and(carc('50'), rarc('N386'), 'NCD 190.23 lipid testing')) }] },
  { name: 'physical therapy with a general-exam diagnosis, CO-50 + N115', csv: [
    { cpt: '97110', mods: ['GP'], dx: ['Z00.00'], remarks: ['N115'], ...deny('CO-50', 120),
      label: L('mismatch', 'LCD: the diagnosis does not support therapy', and(carc('50'), rarc('N115'))) }] },
  { name: 'urinalysis with an ankle sprain, CO-167', csv: [
    { cpt: '81002', dx: ['S93.401A'], ...deny('CO-167', 15),
      label: L('mismatch', 'the diagnosis is not covered for this test', carc('167')) }] },
  { name: 'knee MRI for hypertension, CO-11', csv: [
    { cpt: '73721', mods: ['LT'], dx: ['I10'], ...deny('CO-11', 1200),
      label: L('mismatch', 'hypertension does not support a knee MRI', carc('11')) }] },

  // ============================ eligibility ============================
  { name: 'coverage terminated, CO-27', csv: [
    { cpt: '99213', dx: ['M54.50'], ...deny('CO-27', 150),
      label: L('eligibility', 'service after the coverage ended', carc('27')) }] },
  { name: 'patient not identified as insured, CO-31', csv: [
    { cpt: '99203', dx: ['J02.9'], payer: 'Aetna', ...deny('CO-31', 190),
      label: L('eligibility', 'the payer cannot find the patient as its member', carc('31')) }] },
  { name: 'before coverage started, with an unspecified diagnosis, CO-26', csv: [
    { cpt: '99213', dx: ['M25.569'], ...deny('CO-26', 150),
      label: L('eligibility', 'not yet covered; the unspecified code would not change that', and(carc('26'), ISSUE)) }] },
  { name: 'coverage terminated, with a deleted diagnosis, CO-27', csv: [
    { cpt: '99213', dx: ['M54.5'], dos: '2026-04-07', ...deny('CO-27', 150),
      label: L('eligibility', 'eligibility is never replaced by code data', and(carc('27'), ISSUE)) }] },
  { name: 'CO-16 with N30 (patient ineligible)', csv: [
    { cpt: '97110', mods: ['GP'], dx: ['M62.81'], remarks: ['N30'], ...deny('CO-16', 120),
      label: L('eligibility', 'the remark names the cause: the patient is not eligible for this service', rarc('N30')) }] },
  { name: 'wrong payer, CO-109', csv: [
    { cpt: '99214', dx: ['E11.9'], payer: 'Medicare Part B', ...deny('CO-109', 210),
      label: L('eligibility', 'send to the patient\'s correct payer/contractor', carc('109')) }] },

  // ============================ authorization ============================
  { name: 'MRI without prior authorization, CO-197', csv: [
    { cpt: '73721', mods: ['RT'], dx: ['M17.11'], ...deny('CO-197', 1200),
      label: L('authorization', 'precertification absent', carc('197')) }] },
  { name: 'no authorization, with a deleted diagnosis, CO-197', csv: [
    { cpt: '71250', dx: ['R05'], ...deny('CO-197', 400),
      label: L('authorization', 'authorization is never replaced by code data', and(carc('197'), ISSUE)) }] },
  { name: 'authorized visits exceeded, CO-198', csv: [
    { cpt: '97110', mods: ['GP'], dx: ['M54.50'], ...deny('CO-198', 120), payer: 'Cigna',
      label: L('authorization', 'more visits than the authorization allowed', carc('198')) }] },
  { name: 'specialist visit without referral, CO-288', csv: [
    { cpt: '99204', dx: ['R00.2'], payer: 'Medicaid HMO', ...deny('CO-288', 280),
      label: L('authorization', 'referral absent', carc('288')) }] },

  // ============================ duplicate ============================
  { name: 'visit paid on an earlier claim, billed again: OA-18', csv: [
    { part: 'A', cpt: '99213', dx: ['J06.9'], dos: '2026-05-04', billed: 150, paid: 92.4, adj: 'CO-45 57.60',
      label: ND('contractual', 'the original claim, paid', carc('45')) },
    { part: 'B', cpt: '99213', dx: ['J06.9'], dos: '2026-05-04', ...deny('OA-18', 150),
      label: L('duplicate', 'exact duplicate of the paid claim', carc('18')) }] },
  { name: 'duplicate lab panel with an unspecified diagnosis', csv: [
    { cpt: '80053', dx: ['R10.9'], ...deny('OA-18', 45),
      label: L('duplicate', 'duplicate; the unspecified code is beside the point', and(carc('18'), ISSUE)) }] },
  { name: 'duplicate of a crossover claim, OA-18 + N522', csv: [
    { cpt: '99214', dx: ['I10'], remarks: ['N522'], ...deny('OA-18', 210),
      label: L('duplicate', 'already processed as a crossover claim', and(carc('18'), rarc('N522'))) }] },

  // ============================ timely filing ============================
  { name: 'filed after the limit, CO-29', csv: [
    { cpt: '99214', dx: ['E11.9'], ...deny('CO-29', 210),
      label: L('timely_filing', 'time limit for filing expired', carc('29')) }] },
  { name: 'filed late with a deleted diagnosis, CO-29', csv: [
    { cpt: '99213', dx: ['M54.5'], dos: '2026-01-12', ...deny('CO-29', 150),
      label: L('timely_filing', 'late filing is never replaced by code data', and(carc('29'), ISSUE)) }] },
  { name: 'denied claim with claim-level CO-29 and no service lines', remit: { status: '4', charge: 300, lines: [], claimCas: 'CO-29 300.00',
    label: L('timely_filing', 'whole claim denied for timely filing (claim-level CAS)', carc('29')) } },

  // ============================ coordination of benefits ============================
  { name: 'another payer is primary, CO-22', csv: [
    { cpt: '99213', dx: ['I10'], ...deny('CO-22', 150),
      label: L('cob', 'bill the primary payer first', carc('22')) }] },
  { name: 'COB with an unspecified diagnosis, CO-22', csv: [
    { cpt: '99213', dx: ['M79.606'], ...deny('CO-22', 150),
      label: L('cob', 'coordination of benefits is never replaced by code data', and(carc('22'), ISSUE)) }] },
  { name: 'denied claim with claim-level CO-22 and no service lines', remit: { status: '4', charge: 240, lines: [], claimCas: 'CO-22 240.00',
    label: L('cob', 'whole claim: another payer is primary', carc('22')) } },

  // ============================ bundling ============================
  { name: 'E/M with 25 beside a knee injection, still bundled (CO-97)', csv: [
    { cpt: '99214', mods: ['25'], dx: ['M17.11'], ...deny('CO-97', 210),
      label: L('bundling', '25 is already on the E/M: appeal with documentation, no modifier to add', and(carc('97'), ISSUE)) },
    paidBeside('20610', ['M17.11'], 250, 100, ['RT'])] },
  { name: 'manual therapy with 59 and therapeutic activities, CO-236', csv: [
    paidBeside('97530', ['M54.50'], 90, 60, ['GP']),
    { cpt: '97140', mods: ['GP', '59'], dx: ['M54.50'], ...deny('CO-236', 80),
      label: L('bundling', 'the column-two code already carries 59: a bundling denial to appeal', and(carc('236'), NCCI_PTP, ISSUE)) }] },
  { name: 'E/M + venipuncture (XXX), E/M CO-97', csv: [
    { cpt: '99213', dx: ['E78.5'], ...deny('CO-97', 150),
      label: L('bundling', '36415 has no global period: 25 is not what the payer needs; it is a bundling denial', and(carc('97'), pfs('36415 global XXX'), ISSUE)) },
    paidBeside('36415', ['E78.5'], 20, 3)] },
  { name: 'venipuncture bundled into the panel, CO-97 + M15', csv: [
    paidBeside('80053', ['E11.9'], 45, 14),
    { cpt: '36415', dx: ['E11.9'], remarks: ['M15'], ...deny('CO-97', 20),
      label: L('bundling', 'components bundled into the same procedure', and(carc('97'), rarc('M15'))) }] },
  { name: 'E/M + ECG (XXX), E/M CO-234 + N20', csv: [
    { cpt: '99213', dx: ['R07.9'], remarks: ['N20'], ...deny('CO-234', 150),
      label: L('bundling', 'ECG has no global period: no modifier fixes this; not payable with the other service', and(carc('234'), rarc('N20'), pfs('93000 global XXX'))) },
    paidBeside('93000', ['R07.9'], 60, 17)] },
  { name: 'E/M with 25 + nail debridement, E/M CO-236', csv: [
    { cpt: '99213', mods: ['25'], dx: ['L60.0'], ...deny('CO-236', 150),
      label: L('bundling', '25 is already on the E/M: NCCI bundling, not a missing modifier', and(carc('236'), NCCI_EM, ISSUE)) },
    paidBeside('11721', ['B35.1'], 90, 45)] },
  { name: 'injection incidental to the visit with 25, CO-97 + N19', csv: [
    paidBeside('99214', ['J45.909'], 210, 119, ['25']),
    { cpt: '96372', dx: ['J45.909'], remarks: ['N19'], ...deny('CO-97', 50),
      label: L('bundling', 'incidental to the primary procedure; 96372 has no global period', and(carc('97'), rarc('N19'), pfs('96372 global XXX'))) }] },

  // ============================ non-covered ============================
  { name: 'non-covered service, CO-96 + N130', csv: [
    { cpt: '99406', dx: ['F17.210'], remarks: ['N130'], ...deny('CO-96', 40),
      label: L('non_covered', 'not a covered benefit under this plan', and(carc('96'), rarc('N130'))) }] },
  { name: 'routine exam, CO-49', csv: [
    { cpt: '99396', dx: ['Z00.00'], ...deny('CO-49', 220),
      label: L('non_covered', 'routine/preventive exam excluded', carc('49')) }] },
  { name: 'refraction on Medicare, A1 + N425', csv: [
    { cpt: '92015', dx: ['H52.4'], remarks: ['N425'], ...deny('CO-A1', 45),
      label: L('non_covered', 'statutorily excluded service', and(carc('A1'), rarc('N425'), pfs('92015 status N (non-covered)'), ISSUE)) }] },
  { name: 'not in the benefit plan, patient liable, PR-204', csv: [
    { cpt: '97810', dx: ['M54.50'], ...deny('PR-204', 85),
      label: L('non_covered', 'acupuncture not covered under the patient\'s plan; patient billed after a denial', carc('204')) }] },
  { name: 'chest X-ray for ankle pain (never paid together in the practice\'s history), CO-96 + N130', csv: [
    { cpt: '71046', dx: ['M25.571'], remarks: ['N130'], ...deny('CO-96', 80),
      label: L('non_covered', 'the payer names non-coverage; the practice-history finding is secondary', and(carc('96'), rarc('N130'), ISSUE)) }] },
  { name: 'cosmetic scar revision, CO-96 + N425', csv: [
    { cpt: '15780', dx: ['L90.5'], remarks: ['N425'], ...deny('CO-96', 900),
      label: L('non_covered', 'statutory exclusion; code data cannot cure it', and(carc('96'), rarc('N425'))) }] },

  // ============================ missing information ============================
  { name: 'rendering provider id missing on a line with an unspecified diagnosis, CO-16 + N290', csv: [
    { cpt: '99213', dx: ['M25.569'], remarks: ['N290'], ...deny('CO-16', 150),
      label: L('missing_info', 'the remark names the missing item (rendering provider id); recoding would not pay it', and(carc('16'), rarc('N290'), ISSUE)) }] },
  { name: 'ordering provider missing on a lab with a deleted diagnosis, CO-16 + N265', csv: [
    { cpt: '80053', dx: ['R05'], remarks: ['N265'], ...deny('CO-16', 45),
      label: L('missing_info', 'ordering provider identifier missing; the deleted code is secondary', and(carc('16'), rarc('N265'), ISSUE)) }] },
  { name: 'referring provider missing on an E/M next to an injection without 25, CO-16 + N286', csv: [
    { cpt: '99204', dx: ['M17.11'], remarks: ['N286'], ...deny('CO-16', 280),
      label: L('missing_info', 'referring provider identifier missing; the 25 finding is secondary', and(carc('16'), rarc('N286'), ISSUE)) },
    paidBeside('20610', ['M17.11'], 250, 100, ['RT'])] },
  { name: 'place of service invalid with a deleted diagnosis, CO-16 + M77', csv: [
    { cpt: '99213', dx: ['M54.5'], dos: '2026-02-16', remarks: ['M77'], ...deny('CO-16', 150),
      label: L('missing_info', 'the place of service is wrong; M54.5 is secondary', and(carc('16'), rarc('M77'), ISSUE)) }] },
  { name: 'unprocessable claim: patient identifier, CO-16 + MA130 + N382', csv: [
    { cpt: '99214', dx: ['I10'], remarks: ['MA130', 'N382'], ...deny('CO-16', 210),
      label: L('missing_info', 'invalid patient identifier; resubmit a corrected claim', and(carc('16'), rarc('MA130', 'N382'))) }] },
  { name: 'documentation required, CO-252 + N706', csv: [
    { cpt: '64483', dx: ['M54.16'], remarks: ['N706'], ...deny('CO-252', 900),
      label: L('missing_info', 'attachment/documentation required', and(carc('252'), rarc('N706'))) }] },
  { name: 'CO-16 + N56 where the codes are valid', csv: [
    { cpt: '99213', dx: ['I10'], remarks: ['N56'], ...deny('CO-16', 150),
      label: L('missing_info', 'N56 refines only when the code data agrees; 99213 and I10 are valid: a billing-information denial', and(carc('16'), rarc('N56'), ISSUE)) }] },
  { name: 'CO-16 + MA63 where the principal diagnosis is specific', csv: [
    { cpt: '99213', dx: ['I10'], remarks: ['MA63'], ...deny('CO-16', 150),
      label: L('missing_info', 'MA63 alone decides nothing; I10 is complete and valid', and(carc('16'), rarc('MA63'), ISSUE)) }] },
  { name: 'CO-16 + M76 where the diagnosis is specific and valid', csv: [
    { cpt: '99214', dx: ['E11.65'], remarks: ['M76'], ...deny('CO-16', 210),
      label: L('missing_info', 'M76 refines only when the code data agrees; E11.65 is valid and specific', and(carc('16'), rarc('M76'), ISSUE)) }] },
  { name: 'CO-16 without a remark', csv: [
    { cpt: '99213', dx: ['J02.9'], ...deny('CO-16', 150), payer: 'BCBS',
      label: L('missing_info', 'submission/billing error, no further detail', carc('16')) }] },

  // ============================ other coding ============================
  { name: 'E/M downcoded, CO-150', csv: [
    { cpt: '99215', dx: ['I10'], ...deny('CO-150', 290),
      label: L('other_coding', 'level of service not supported', carc('150')) }] },
  { name: 'level of service with an unspecified diagnosis, CO-150 + M25', csv: [
    { cpt: '99214', dx: ['M79.606'], remarks: ['M25'], ...deny('CO-150', 210),
      label: L('other_coding', 'level of service, not a diagnosis problem; M25 agrees with no code finding', and(carc('150'), rarc('M25'), ISSUE)) }] },
  { name: 'too many units of manual therapy, CO-151 + N640', csv: [
    { cpt: '97140', mods: ['GP'], dx: ['M54.50'], units: 4, remarks: ['N640'], ...deny('CO-151', 160),
      label: L('other_coding', 'units/frequency not supported', and(carc('151'), rarc('N640'))) }] },
  { name: 'psychotherapy length not supported, CO-152', csv: [
    { cpt: '90837', dx: ['F41.1'], ...deny('CO-152', 180),
      label: L('other_coding', 'length of service not supported', carc('152')) }] },
  { name: 'unlisted skin procedure where a specific code exists, CO-189 + N657', csv: [
    { cpt: '17999', dx: ['L72.0'], remarks: ['N657'], ...deny('CO-189', 300),
      label: L('other_coding', 'unlisted code billed where a specific one exists', and(carc('189'), rarc('N657'), pfs('17999 status C (carrier priced, unlisted)'))) }] },
  { name: 'unclassified drug code, CO-189', csv: [
    { cpt: 'J3490', dx: ['M17.11'], ...deny('CO-189', 120),
      label: L('other_coding', 'NOC drug code billed where a specific HCPCS exists', carc('189')) }] },

  // ============================ unknown ============================
  { name: 'nothing paid and no reason code', csv: [
    { cpt: '99213', dx: ['I10'], billed: 150, paid: 0,
      label: L('unknown', 'unpaid with no reason given', 'brief: unknown = denied with no specific reason') }] },
  { name: 'A1 alone', csv: [
    { cpt: '99214', dx: ['E11.9'], ...deny('CO-A1', 210),
      label: L('unknown', 'A1 says denied but names no reason and no remark came with it', carc('A1')) }] },
  { name: 'A1 alone with an unspecified diagnosis', csv: [
    { cpt: '99213', dx: ['M25.569'], ...deny('CO-A1', 150),
      label: L('unknown', 'A1 is no coding reason; the unspecified code stays a secondary finding', and(carc('A1'), ISSUE)) }] },
  { name: 'denied claim (CLP02 = 4) with a line and no CAS', remit: { status: '4', lines: [
    { proc: '99213', billed: 150, paid: 0,
      label: L('unknown', 'CLP02 = 4 without any adjustment code', '835 TR3 CLP02 code 4 (denied)') }] } },
  { name: 'export status "Denied" with no codes', csv: [
    { cpt: '99203', dx: ['J02.9'], billed: 190, paid: 0, status: 'Denied',
      label: L('unknown', 'the export says denied, no reason given', 'brief: unknown = denied with no specific reason') }] },

  // ============================ unmapped ============================
  { name: 'CARC not in the X12 list takes the whole charge', csv: [
    { cpt: '99213', dx: ['I10'], ...deny('CO-999', 150),
      label: L('unmapped', 'CARC 999 does not exist; nothing else explains the $0', 'X12 CARC list March 2024 has no 999; issue 16 unmapped bucket') }] },
  { name: 'vendor code only', csv: [
    { cpt: '99213', dx: ['J02.9'], billed: 150, paid: 0, adj: 'ADNEOB', payer: 'UnitedHealthcare',
      label: L('unmapped', 'a vendor code no table knows; no known non-denial reason explains the $0', 'issue 16 unmapped bucket') }] },
  { name: 'unknown CARC on an 835', remit: { status: '1', lines: [
    { proc: '99214', billed: 210, paid: 0, cas: 'CO-480 210.00',
      label: L('unmapped', 'CARC 480 is not in the X12 list; the whole charge is unexplained', 'X12 CARC list March 2024 (highest code 306); issue 16 unmapped bucket') }] } },
];
