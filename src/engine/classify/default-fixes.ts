import type { Category } from './categories.ts';

/**
 * The suggested fix when no rule produced a more specific one. `{procedure}` is
 * replaced with the line's procedure code in SQL.
 */
export const DEFAULT_FIXES: Record<Category, string> = {
  outdated: 'Replace the code that was not valid on the date of service with the current code and submit a corrected claim.',
  missing_modifier:
    'Add the modifier the payer requires if the documentation supports it (25 on a separately identifiable E/M, 59/XS/XU for a distinct procedure, RT/LT/50 for the side) and submit a corrected claim.',
  unspecified: 'Code the diagnosis to the highest specificity documented (laterality, type, episode) and submit a corrected claim.',
  mismatch:
    'Link a diagnosis that supports {procedure} (check the diagnosis pointers); if the record supports medical necessity, appeal with it.',
  eligibility: 'Verify coverage for the date of service and bill the right payer (or the patient); fix registration.',
  authorization: 'Obtain or attach the authorization/referral; ask for a retro-authorization where the payer allows it.',
  duplicate: 'Check whether the service was already paid; if it is distinct, submit a corrected claim with the distinguishing modifier.',
  timely_filing: 'Find proof of timely filing (clearinghouse acceptance report) and appeal; otherwise write off.',
  cob: 'Update the coordination-of-benefits order, bill the primary payer first and attach its remittance.',
  bundling: 'Included in another service’s payment: write off unless a modifier exception applies and is documented.',
  non_covered: 'Check the benefit plan: bill the patient if a waiver (ABN) was signed, otherwise write off.',
  missing_info: 'Correct the missing or invalid claim data named in the remark codes and resubmit.',
  other_coding:
    'Check the level, units or code against the documentation: correct and resubmit, or appeal with the record if it supports what was billed.',
  pricing: 'Compare the allowed amount with the contracted fee schedule and appeal if underpaid.',
  unknown: 'Read the payer’s remarks or EOB for the reason, then map the code so it is recognised next time.',
  unmapped: 'Look the reason code up in the current X12 CARC list and in the payer’s remarks; until it is mapped its dollars stay unexplained.',
};
