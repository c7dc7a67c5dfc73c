/**
 * Hand-written CPT/HCPCS facts: code NUMBERS only (CPT descriptors are AMA copyright and are
 * never stored). Each row cites the release that made the change. Only changes we are sure
 * of are listed; every other code has unknown validity (never silently valid or invalid).
 */
export interface ProcedureCodeFact {
  code: string;
  system: 'CPT' | 'HCPCS';
  validFrom: string | null; // null: valid before the start of this list
  validTo: string | null; // last valid date of service
  replacements: string[];
  source: string;
}

const CPT_2021 = 'AMA CPT 2021 annual release, effective 2021-01-01 (office/outpatient E/M revision)';
const CPT_2023 =
  'AMA CPT 2023 annual release, effective 2023-01-01 (E/M revision: observation merged into hospital care; consultation, nursing facility, home/domiciliary families revised)';
const CPT_2025 = 'AMA CPT 2025 annual release, effective 2025-01-01 (telemedicine E/M 98000-98016 added)';
const HCPCS_2025 = 'CMS HCPCS Level II annual update, effective 2025-01-01 (CY2025 PFS final rule: G2012 replaced by CPT 98016)';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

function deleted(codes: string[], system: ProcedureCodeFact['system'], lastDay: string, replacements: string[], source: string) {
  return codes.map((code): ProcedureCodeFact => ({ code, system, validFrom: null, validTo: lastDay, replacements, source }));
}

export const PROCEDURE_CODE_FACTS: readonly ProcedureCodeFact[] = [
  ...deleted(['99201'], 'CPT', '2020-12-31', ['99202'], CPT_2021),
  ...deleted(['99217'], 'CPT', '2022-12-31', ['99238', '99239'], CPT_2023),
  ...deleted(range(99218, 99220), 'CPT', '2022-12-31', range(99221, 99223), CPT_2023),
  ...deleted(range(99224, 99226), 'CPT', '2022-12-31', range(99231, 99233), CPT_2023),
  ...deleted(['99241'], 'CPT', '2022-12-31', range(99242, 99245), CPT_2023),
  ...deleted(['99251'], 'CPT', '2022-12-31', range(99252, 99255), CPT_2023),
  ...deleted(['99318'], 'CPT', '2022-12-31', range(99307, 99310), CPT_2023),
  ...deleted([...range(99324, 99328), '99343'], 'CPT', '2022-12-31', ['99341', '99342', '99344', '99345'], CPT_2023),
  ...deleted(range(99334, 99337), 'CPT', '2022-12-31', range(99347, 99350), CPT_2023),
  ...deleted(['99339', '99340'], 'CPT', '2022-12-31', [], CPT_2023),
  ...deleted(range(99441, 99443), 'CPT', '2024-12-31', range(98008, 98015), CPT_2025),
  ...deleted(['G2012'], 'HCPCS', '2024-12-31', ['98016'], HCPCS_2025),
];

/**
 * 'em': Evaluation and Management code families of the AMA CPT E/M section (CPT 2021-2025),
 * deleted ones included so that older dates of service are recognised:
 * office/outpatient 99201-99205, 99211-99215; observation 99217-99220, 99224-99226;
 * hospital inpatient/observation 99221-99223, 99231-99236, 99238-99239; consultations
 * 99241-99245, 99251-99255; emergency department 99281-99285; critical care 99291-99292;
 * nursing facility 99304-99310, 99315-99316, 99318; domiciliary 99324-99328, 99334-99337;
 * home/residence 99341-99345, 99347-99350; preventive medicine 99381-99387, 99391-99397;
 * telephone E/M 99441-99443; telemedicine E/M 98000-98015 (CPT 2025).
 *
 * 'lateral': procedures on one of a pair of body parts, where Medicare expects RT/LT (or 50 when
 * both sides are done): CMS Claims Processing Manual ch. 12 §40.7 (bilateral surgery). The rules
 * read the CMS fee schedule's bilateral-surgery indicator (ref_pfs) first; this short list of
 * single-side services we are sure of is the fallback for dates or codes the loaded PFS releases
 * do not answer: X-rays of one shoulder, humerus, elbow, forearm, wrist, hand, hip, femur, knee,
 * tibia/fibula, ankle, foot, calcaneus (73020-73130 as listed, 73501-73503, 73551-73552,
 * 73560-73564, 73590-73650); major and intermediate joint injection/aspiration 20605, 20606,
 * 20610, 20611; knee arthroscopy 29870, 29877, 29880, 29881, 29888; shoulder arthroscopic rotator
 * cuff repair 29827; total knee and hip arthroplasty 27447, 27130; carpal tunnel release 64721;
 * cataract extraction with IOL 66982, 66984. Finger/toe services (F/T modifiers) and codes that
 * already describe both sides (73565, 73521-73523) are left out.
 */
export const PROCEDURE_GROUPS: Readonly<Record<'em' | 'lateral', readonly string[]>> = {
  em: [
    ...range(99201, 99205), ...range(99211, 99215),
    ...range(99217, 99220), ...range(99224, 99226),
    ...range(99221, 99223), ...range(99231, 99236), '99238', '99239',
    ...range(99241, 99245), ...range(99251, 99255),
    ...range(99281, 99285), '99291', '99292',
    ...range(99304, 99310), '99315', '99316', '99318',
    ...range(99324, 99328), ...range(99334, 99337),
    ...range(99341, 99345), ...range(99347, 99350),
    ...range(99381, 99387), ...range(99391, 99397),
    ...range(99441, 99443), ...range(98000, 98015),
  ],
  lateral: [
    '73020', '73030', '73060', '73070', '73080', '73090', '73100', '73110', '73120', '73130',
    '73501', '73502', '73503', '73551', '73552', '73560', '73562', '73564', '73590', '73600',
    '73610', '73620', '73630', '73650',
    '20605', '20606', '20610', '20611',
    '29870', '29877', '29880', '29881', '29888', '29827', '27447', '27130', '64721', '66982', '66984',
  ],
};
