import type { Bucket, Category } from './categories.ts';

/**
 * What the payer said, mapped to our buckets. One table for CARC, one for RARC.
 *
 * Sources: the X12 Claim Adjustment Reason Code list (external code source 139)
 * and the Remittance Advice Remark Code list (external code source 411), both
 * maintained by the X12 Code Maintenance Committee and published at
 * x12.org/codes. The descriptions below are our own short summaries, not X12's
 * wording; consult the published lists for the authoritative text and the start
 * and stop dates of each code. Codes not listed here are classified 'unknown'
 * and shown as such with the code, never guessed.
 *
 * Judgements of ours (documented because they are not in the code lists):
 * - 50 and 150–154 (medical necessity, level/frequency not supported) count as
 *   'mismatch': the brief defines mismatch as diagnosis–procedure linkage and
 *   medical necessity.
 * - 182 (modifier invalid on the date of service) counts as 'missing_modifier':
 *   the fix is a correct modifier (issue #4), although the code is date-driven.
 * - 189 (unlisted/NOC code used where a specific code exists) counts as
 *   'unspecified': it is the procedure-side form of coding without specificity.
 * - 97, 231, 234, 236 are 'bundling'; a modifier-fixable pair (E/M + procedure
 *   without 25, NCCI modifier indicator 1) is re-classified 'missing_modifier'
 *   by the code-data rules, not here.
 * - 23 (prior payer's adjudication), 24 (capitation) and 45/253 are not denials
 *   by themselves; a line paid 0 only for such reasons lands in 'pricing'.
 */
export interface PayerCode {
  code: string;
  bucket: Bucket;
  description: string;
}

/** The published lists above, as cited next to the mapping on the Reference page. */
export const PAYER_CODE_LISTS = {
  CARC: 'X12 Claim Adjustment Reason Code list (external code source 139), X12 Code Maintenance Committee, x12.org/codes',
  RARC: 'X12 Remittance Advice Remark Code list (external code source 411), X12 Code Maintenance Committee, x12.org/codes',
} as const;

export const CARC: readonly PayerCode[] = [
  { code: '1', bucket: 'patient_responsibility', description: 'Deductible' },
  { code: '2', bucket: 'patient_responsibility', description: 'Coinsurance' },
  { code: '3', bucket: 'patient_responsibility', description: 'Co-payment' },
  { code: '4', bucket: 'missing_modifier', description: 'Procedure inconsistent with the modifier, or a required modifier is missing' },
  { code: '5', bucket: 'missing_info', description: 'Procedure or bill type inconsistent with the place of service' },
  { code: '6', bucket: 'missing_info', description: 'Procedure inconsistent with the patient’s age' },
  { code: '7', bucket: 'missing_info', description: 'Procedure inconsistent with the patient’s sex' },
  { code: '8', bucket: 'missing_info', description: 'Procedure inconsistent with the provider type or specialty' },
  { code: '9', bucket: 'missing_info', description: 'Diagnosis inconsistent with the patient’s age' },
  { code: '10', bucket: 'missing_info', description: 'Diagnosis inconsistent with the patient’s sex' },
  { code: '11', bucket: 'mismatch', description: 'Diagnosis inconsistent with the procedure' },
  { code: '12', bucket: 'missing_info', description: 'Diagnosis inconsistent with the provider type' },
  { code: '13', bucket: 'eligibility', description: 'Date of death precedes date of service' },
  { code: '14', bucket: 'missing_info', description: 'Date of birth follows date of service' },
  { code: '15', bucket: 'authorization', description: 'Authorization number missing, invalid or not for this service' },
  { code: '16', bucket: 'missing_info', description: 'Claim or service lacks information or has a billing error' },
  { code: '18', bucket: 'duplicate', description: 'Exact duplicate claim or service' },
  { code: '19', bucket: 'cob', description: 'Work-related: workers’ compensation carrier is liable' },
  { code: '20', bucket: 'cob', description: 'Covered by a liability carrier' },
  { code: '21', bucket: 'cob', description: 'Liability of a no-fault carrier' },
  { code: '22', bucket: 'cob', description: 'May be covered by another payer (coordination of benefits)' },
  { code: '23', bucket: 'contractual', description: 'Impact of prior payer(s) adjudication' },
  { code: '24', bucket: 'contractual', description: 'Covered under a capitation or managed-care agreement' },
  { code: '26', bucket: 'eligibility', description: 'Service before coverage started' },
  { code: '27', bucket: 'eligibility', description: 'Service after coverage ended' },
  { code: '29', bucket: 'timely_filing', description: 'Time limit for filing has expired' },
  { code: '31', bucket: 'eligibility', description: 'Patient cannot be identified as our insured' },
  { code: '32', bucket: 'eligibility', description: 'Dependent not eligible' },
  { code: '33', bucket: 'eligibility', description: 'Insured has no dependent coverage' },
  { code: '34', bucket: 'eligibility', description: 'Insured has no coverage for newborns' },
  { code: '35', bucket: 'eligibility', description: 'Lifetime benefit maximum reached' },
  { code: '39', bucket: 'authorization', description: 'Denied when authorization was requested' },
  { code: '40', bucket: 'non_covered', description: 'Does not meet criteria for emergency or urgent care' },
  { code: '45', bucket: 'contractual', description: 'Charge exceeds fee schedule / maximum allowable' },
  { code: '49', bucket: 'non_covered', description: 'Routine or preventive service not covered' },
  { code: '50', bucket: 'mismatch', description: 'Not medically necessary in the payer’s judgement' },
  { code: '51', bucket: 'non_covered', description: 'Pre-existing condition' },
  { code: '54', bucket: 'non_covered', description: 'Multiple physicians or assistants not covered' },
  { code: '55', bucket: 'non_covered', description: 'Experimental or investigational' },
  { code: '56', bucket: 'non_covered', description: 'Not proven effective' },
  { code: '58', bucket: 'missing_info', description: 'Inappropriate or invalid place of service' },
  { code: '59', bucket: 'contractual', description: 'Multiple or concurrent procedure rules' },
  { code: '96', bucket: 'non_covered', description: 'Non-covered charge' },
  { code: '97', bucket: 'bundling', description: 'Included in the payment for another service' },
  { code: '107', bucket: 'missing_info', description: 'Related or qualifying claim/service not identified' },
  { code: '109', bucket: 'eligibility', description: 'Not covered by this payer: send to the correct payer' },
  { code: '119', bucket: 'eligibility', description: 'Benefit maximum for this period or occurrence reached' },
  { code: '125', bucket: 'missing_info', description: 'Submission or billing error' },
  { code: '129', bucket: 'missing_info', description: 'Prior processing information appears incorrect' },
  { code: '131', bucket: 'contractual', description: 'Claim-specific negotiated discount' },
  { code: '140', bucket: 'eligibility', description: 'Patient ID and name do not match' },
  { code: '146', bucket: 'outdated', description: 'Diagnosis invalid for the date of service' },
  { code: '149', bucket: 'eligibility', description: 'Lifetime benefit maximum reached for this benefit category' },
  { code: '150', bucket: 'mismatch', description: 'Information does not support this level of service' },
  { code: '151', bucket: 'mismatch', description: 'Information does not support this many or this frequency of services' },
  { code: '152', bucket: 'mismatch', description: 'Information does not support this length of service' },
  { code: '163', bucket: 'missing_info', description: 'Referenced attachment or documentation not received' },
  { code: '164', bucket: 'missing_info', description: 'Attachment or documentation not received in time' },
  { code: '165', bucket: 'authorization', description: 'Referral absent or exceeded' },
  { code: '166', bucket: 'eligibility', description: 'Submitted after the payer’s responsibility ended' },
  { code: '167', bucket: 'mismatch', description: 'Diagnosis not covered' },
  { code: '170', bucket: 'non_covered', description: 'Not paid when performed by this type of provider' },
  { code: '171', bucket: 'non_covered', description: 'Not paid when performed by this provider type in this facility' },
  { code: '177', bucket: 'eligibility', description: 'Patient has not met eligibility requirements' },
  { code: '181', bucket: 'outdated', description: 'Procedure code invalid on the date of service' },
  { code: '182', bucket: 'missing_modifier', description: 'Procedure modifier invalid on the date of service' },
  { code: '183', bucket: 'authorization', description: 'Referring provider not eligible to refer' },
  { code: '189', bucket: 'unspecified', description: 'Unlisted (NOC) code billed where a specific code exists' },
  { code: '197', bucket: 'authorization', description: 'Precertification/authorization/notification absent' },
  { code: '198', bucket: 'authorization', description: 'Precertification/authorization exceeded' },
  { code: '200', bucket: 'eligibility', description: 'Service during a lapse in coverage' },
  { code: '204', bucket: 'non_covered', description: 'Not covered under the patient’s current benefit plan' },
  { code: '206', bucket: 'missing_info', description: 'NPI missing' },
  { code: '207', bucket: 'missing_info', description: 'NPI invalid format' },
  { code: '208', bucket: 'missing_info', description: 'NPI not matched' },
  { code: '226', bucket: 'missing_info', description: 'Information requested from the provider not provided (in time)' },
  { code: '227', bucket: 'missing_info', description: 'Information requested from the patient not provided' },
  { code: '231', bucket: 'bundling', description: 'Mutually exclusive procedures on the same day' },
  { code: '234', bucket: 'bundling', description: 'Procedure not paid separately' },
  { code: '236', bucket: 'bundling', description: 'Procedure or procedure/modifier pair not compatible with another on the same day (NCCI)' },
  { code: '242', bucket: 'authorization', description: 'Not provided by network or primary care providers' },
  { code: '243', bucket: 'authorization', description: 'Not authorized by network or primary care providers' },
  { code: '250', bucket: 'missing_info', description: 'Wrong attachment or document received' },
  { code: '251', bucket: 'missing_info', description: 'Attachment or documentation incomplete or deficient' },
  { code: '252', bucket: 'missing_info', description: 'Attachment or documentation required' },
  { code: '253', bucket: 'contractual', description: 'Sequestration: reduction of federal payment' },
  { code: '272', bucket: 'non_covered', description: 'Coverage or program guidelines not met' },
  { code: '273', bucket: 'non_covered', description: 'Coverage or program guidelines exceeded' },
  { code: '284', bucket: 'authorization', description: 'Authorization number does not apply to the billed services' },
  { code: '286', bucket: 'timely_filing', description: 'Appeal time limits not met' },
  { code: '287', bucket: 'authorization', description: 'Referral exceeded' },
  { code: '288', bucket: 'authorization', description: 'Referral absent' },
  { code: 'A1', bucket: 'unknown', description: 'Claim or service denied (see remark codes)' },
  { code: 'A2', bucket: 'contractual', description: 'Contractual adjustment (retired code still seen in old files)' },
  { code: 'B7', bucket: 'non_covered', description: 'Provider not certified or eligible for this service on this date' },
  { code: 'B13', bucket: 'duplicate', description: 'Previously paid' },
  { code: 'B20', bucket: 'duplicate', description: 'Service furnished partly or fully by another provider' },
  { code: 'B22', bucket: 'mismatch', description: 'Payment adjusted based on the diagnosis' },
];

/** Remarks refine a vague CARC (16, A1, 96 …); only remarks whose meaning we are sure of map to a bucket. */
export const RARC: readonly (PayerCode & { bucket: Category })[] = [
  { code: 'M76', bucket: 'unspecified', description: 'Missing, incomplete or invalid diagnosis' },
  { code: 'M81', bucket: 'unspecified', description: 'Code to the highest level of specificity' },
  { code: 'MA63', bucket: 'unspecified', description: 'Missing, incomplete or invalid principal diagnosis' },
  { code: 'N56', bucket: 'outdated', description: 'Procedure code not valid for the service or date of service billed' },
  { code: 'N822', bucket: 'missing_modifier', description: 'Missing procedure modifier(s)' },
  { code: 'N823', bucket: 'missing_modifier', description: 'Incomplete or invalid procedure modifier(s)' },
  { code: 'N115', bucket: 'mismatch', description: 'Decision based on a Local Coverage Determination (LCD)' },
  { code: 'N386', bucket: 'mismatch', description: 'Decision based on a National Coverage Determination (NCD)' },
  { code: 'M25', bucket: 'mismatch', description: 'Information does not substantiate the need for this level of service' },
  { code: 'N19', bucket: 'bundling', description: 'Procedure incidental to the primary procedure' },
  { code: 'N20', bucket: 'bundling', description: 'Not payable with another service on the same date' },
  { code: 'M15', bucket: 'bundling', description: 'Separately billed services bundled as components of one procedure' },
  { code: 'M80', bucket: 'bundling', description: 'Not covered in the same session as a service already processed' },
  { code: 'MA130', bucket: 'missing_info', description: 'Claim incomplete or invalid: unprocessable' },
  { code: 'N290', bucket: 'missing_info', description: 'Missing or invalid rendering provider identifier' },
  { code: 'M77', bucket: 'missing_info', description: 'Missing or invalid place of service' },
  { code: 'N30', bucket: 'eligibility', description: 'Patient ineligible for this service' },
  { code: 'N54', bucket: 'authorization', description: 'Claim inconsistent with the authorized services' },
  { code: 'MA04', bucket: 'cob', description: 'Secondary payment needs the primary payer’s information' },
  { code: 'N130', bucket: 'non_covered', description: 'See plan benefit documents for restrictions on this service' },
];
