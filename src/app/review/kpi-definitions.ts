import type { KpiId } from '../../engine/analytics/review-kpis.ts';

/**
 * What each KPI of the monthly review counts, in the terms the field uses
 * (HFMA Claim Integrity Task Force, 2020–21: initial denial rate by count and by
 * dollars, on first adjudication, claim-line level as best practice), and over
 * which denominator. Shown as tooltips and printed with the report.
 */
export const KPI_DEFINITIONS: Record<KpiId, { label: string; definition: string; needs?: string }> = {
  lines: {
    label: 'Lines adjudicated',
    definition:
      'Service lines on their first adjudication in the month (by date of service or remittance date, as chosen). A reversal and its corrected claim are not counted again.',
  },
  claims: {
    label: 'Claims adjudicated',
    definition: 'Distinct claims among those lines, on their first adjudication.',
  },
  denial_rate_lines: {
    label: 'Initial denial rate (lines)',
    definition:
      'HFMA initial denial rate by count, at claim-line level (the Claim Integrity Task Force’s best practice): lines denied on first adjudication ÷ lines adjudicated in the same month. Denominator: every line of the month (a category filter narrows only the denied lines).',
  },
  denial_rate_claims: {
    label: 'Initial denial rate (claims)',
    definition:
      'Claims with at least one line denied on first adjudication ÷ claims adjudicated in the same month. The HFMA task force divides by the average claims of the three months before instead; that form is shown below the tile.',
  },
  denial_rate_dollars: {
    label: 'Initial denial rate ($)',
    definition:
      'HFMA initial denial rate by dollars: denied charges ÷ billed charges of the month’s lines. A fully denied line counts its charge; a partly denied line the amount cut for a non-contractual reason. Contractual write-offs (CO-45) and the patient’s share (PR-1/2/3) are not denials.',
  },
  denied_amount: {
    label: 'Denied dollars',
    definition: 'Denied charges on first adjudication in the month (same rule as the dollar rate’s numerator).',
  },
  coding_share_dollars: {
    label: 'Coding share ($)',
    definition:
      'Denied dollars whose primary category is one of the four coding categories (outdated code, missing modifier, unspecified diagnosis, diagnosis–procedure mismatch) ÷ all denied dollars of the month. The rest are the other buckets (eligibility, authorization, duplicate …).',
  },
  coding_share_lines: {
    label: 'Coding share (lines)',
    definition: 'Denied lines in the four coding categories ÷ all denied lines of the month.',
  },
  recovered_amount: {
    label: 'Recovered later',
    definition:
      'Dollars paid by a later adjudication (a corrected claim, or reprocessing after a reversal) on lines initially denied in this month. Only remittances (835) that carry the later payments show it; with a CSV export of first adjudications alone it cannot be measured and is shown as —.',
    needs: 'it needs the later 835 remittances',
  },
  post_payment_denied_amount: {
    label: 'Post-payment denials',
    definition:
      'Dollars taken back from lines that were paid, then reversed (CLP02 = 22) and re-adjudicated as paying nothing (a recoupment), in the month of the reversal whatever the month basis. Counted apart: never in the initial denial rate, whose lines were paid on first adjudication. Only remittances (835) that carry the reversals show it; with a CSV export of first adjudications alone it cannot be measured and is shown as —.',
    needs: 'it needs the 835 remittances that carry the reversals',
  },
};
