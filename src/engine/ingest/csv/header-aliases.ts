/**
 * Header spellings seen in practice-management exports (athenaOne, Tebra/Kareo,
 * DrChrono, NextGen, CollaborateMD, OfficeEMR …; see shared/notes/csv-export-headers.md)
 * and common variants. Matching ignores case, spaces and punctuation ("Chg Amt" = "chg_amt").
 * The first field whose alias matches wins; a header matching nothing is left unmapped.
 */
export const CSV_FIELDS = [
  'claim_id',
  'patient_account',
  'patient_name',
  'line_number',
  'service_date',
  'service_date_end',
  'payer',
  'payer_id',
  'payer_claim_number',
  'provider',
  'provider_npi',
  'procedure',
  'modifiers',
  'modifier1',
  'modifier2',
  'modifier3',
  'modifier4',
  'diagnoses',
  'dx1', 'dx2', 'dx3', 'dx4', 'dx5', 'dx6', 'dx7', 'dx8', 'dx9', 'dx10', 'dx11', 'dx12',
  'dx_pointers',
  'units',
  'billed',
  'allowed',
  'paid',
  'patient_responsibility',
  'adjustment_codes',
  'adjustment_group',
  'adjustment_amount',
  'adjustment_codes2', 'adjustment_group2', 'adjustment_amount2',
  'adjustment_codes3', 'adjustment_group3', 'adjustment_amount3',
  'adjustment_codes4', 'adjustment_group4', 'adjustment_amount4',
  'adjustment_codes5', 'adjustment_group5', 'adjustment_amount5',
  'contractual_adjustment',
  'payer_initiated_adjustment',
  'other_adjustment',
  'remark_codes',
  'check_number',
  'paid_date',
  'claim_status',
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/** Fields without which a row cannot become a service line. */
export const REQUIRED_FIELDS: readonly CsvField[] = ['claim_id', 'service_date', 'procedure', 'billed'];

export const FIELD_LABELS: Record<CsvField, string> = {
  claim_id: 'Claim ID / patient control number',
  patient_account: 'Patient account / MRN',
  patient_name: 'Patient name',
  line_number: 'Line number',
  service_date: 'Date of service (from)',
  service_date_end: 'Date of service (to)',
  payer: 'Payer',
  payer_id: 'Payer ID',
  payer_claim_number: 'Payer claim number (ICN)',
  provider: 'Rendering provider',
  provider_npi: 'Rendering NPI',
  procedure: 'CPT/HCPCS',
  modifiers: 'Modifiers (one cell)',
  modifier1: 'Modifier 1',
  modifier2: 'Modifier 2',
  modifier3: 'Modifier 3',
  modifier4: 'Modifier 4',
  diagnoses: 'Diagnoses (one cell)',
  dx1: 'Diagnosis 1', dx2: 'Diagnosis 2', dx3: 'Diagnosis 3', dx4: 'Diagnosis 4',
  dx5: 'Diagnosis 5', dx6: 'Diagnosis 6', dx7: 'Diagnosis 7', dx8: 'Diagnosis 8',
  dx9: 'Diagnosis 9', dx10: 'Diagnosis 10', dx11: 'Diagnosis 11', dx12: 'Diagnosis 12',
  dx_pointers: 'Diagnosis pointers',
  units: 'Units',
  billed: 'Billed amount',
  allowed: 'Allowed amount',
  paid: 'Paid amount',
  patient_responsibility: 'Patient responsibility amount (PR)',
  adjustment_codes: 'Adjustment reason(s) (CARC, e.g. CO-45 or CO-45 71.27; PR-1 58.73)',
  adjustment_group: 'Adjustment group (CO/PR/OA/PI)',
  adjustment_amount: 'Adjustment amount',
  adjustment_codes2: 'Adjustment reason 2', adjustment_group2: 'Adjustment group 2', adjustment_amount2: 'Adjustment amount 2',
  adjustment_codes3: 'Adjustment reason 3', adjustment_group3: 'Adjustment group 3', adjustment_amount3: 'Adjustment amount 3',
  adjustment_codes4: 'Adjustment reason 4', adjustment_group4: 'Adjustment group 4', adjustment_amount4: 'Adjustment amount 4',
  adjustment_codes5: 'Adjustment reason 5', adjustment_group5: 'Adjustment group 5', adjustment_amount5: 'Adjustment amount 5',
  contractual_adjustment: 'Contractual adjustment amount (CO)',
  payer_initiated_adjustment: 'Payer-initiated adjustment amount (PI)',
  other_adjustment: 'Other adjustment / write-off amount (OA)',
  remark_codes: 'Remark codes (RARC)',
  check_number: 'Check / EFT number',
  paid_date: 'Check / EFT / payment date',
  claim_status: 'Claim status',
};

/** Normalised spellings (see normaliseHeader). */
const ALIASES: Partial<Record<CsvField, string[]>> = {
  claim_id: ['claimid', 'claimnumber', 'claimno', 'claim', 'pcn', 'patientcontrolnumber', 'patientcontrolno',
    'encounterid', 'encounter', 'encounternumber', 'enc', 'visitid', 'visitnumber', 'ticketnumber', 'clm01', 'clp01'],
  patient_account: ['patientaccount', 'accountnumber', 'account', 'acctno', 'acct', 'patientacct', 'mrn',
    'patientid', 'chartid', 'pernbr', 'mdrc', 'personnumber', 'memberid'],
  patient_name: ['patientname', 'patient', 'ptname', 'patientlastfirst', 'insuredname'],
  line_number: ['linenumber', 'line', 'lineno', 'ln', 'seq', 'chargeline', 'lineitem', 'lx'],
  service_date: ['dos', 'dateofservice', 'servicedate', 'from', 'fromdate', 'dosfrom', 'servicefromdate',
    'servicedatefrom', 'procdt', 'proceduredate', 'dateofservicefrom'],
  service_date_end: ['to', 'todate', 'thrudate', 'throughdate', 'dosto', 'servicedateend', 'servicetodate',
    'serviceenddate', 'dateofserviceto'],
  payer: ['payer', 'payername', 'payor', 'payorname', 'insurance', 'insurancename', 'carrier', 'primarypayer',
    'plan', 'remitter', 'primaryinsurance', 'insname', 'insurancecompany', 'insurancenamepayerid'],
  payer_id: ['payerid', 'payorid', 'payeridnumber', 'trn03'],
  payer_claim_number: ['payerclaimnumber', 'payerclaimid', 'payerclaimcontrolnumber', 'icn', 'dcn',
    'claimidpayer', 'clp07'],
  provider: ['renderingprovider', 'provider', 'rendering', 'providername', 'renderingphysician', 'physician',
    'doctor', 'servicingprovider', 'renderingprovidername'],
  provider_npi: ['renderingnpi', 'npi', 'providernpi', 'renderingprovidernpi'],
  procedure: ['cpthcpcs', 'cpt', 'cptcode', 'hcpcs', 'hcpcscode', 'proccode', 'procedure', 'procedurecode',
    'code', 'servicecode', 'svccode', 'billingcode', 'cpthcpcscode'],
  modifiers: ['modifiers', 'modifier', 'mods', 'mod', 'proceduremodifiers', 'cptmodifiers'],
  diagnoses: ['diagnoses', 'diagnosiscodes', 'dxcodes', 'icd10codes', 'icdcodes', 'diagnosis', 'icd10', 'dx'],
  dx_pointers: ['dxpointer', 'dxpointers', 'diagnosispointer', 'diagnosispointers', 'pointers', 'pointer',
    'compositediagnosiscodepointers', 'dxptr'],
  units: ['units', 'unit', 'u', 'qty', 'quantity', 'serviceunitcount', 'daysunits'],
  billed: ['billedamt', 'billed', 'billedamount', 'charges', 'charge', 'chargeamount', 'chgamt', 'fee',
    'amountbilled', 'submittedcharges', 'submittedamount', 'linecharge'],
  allowed: ['allowedamt', 'allowed', 'allowedamount', 'alwdamt', 'aprvamt', 'approvedamount', 'expectedamount'],
  paid: ['paidamt', 'paid', 'paidamount', 'inspaid', 'insurancepaid', 'payment', 'paymentamount',
    'inspayments', 'amountpaid', 'insurancepayment'],
  patient_responsibility: ['patientresponsibility', 'patientresp', 'ptresp', 'patientportion', 'patientrespamt',
    'patientresponsibilityamount', 'patientresponsibilityadjustments', 'pramount', 'pramt', 'pradj', 'pradjustment'],
  contractual_adjustment: ['contractualadj', 'contractualadjustment', 'contractualadjustments', 'contractual',
    'contractualamt', 'contractualamount', 'contractualwriteoff', 'contractualobligation', 'contractualobligationadjustments',
    'coamount', 'coamt', 'coadj', 'coadjustment'],
  payer_initiated_adjustment: ['payerinitiated', 'payerinitiatedadj', 'payerinitiatedadjustment', 'payerinitiatedadjustments',
    'piamount', 'piamt', 'piadj', 'piadjustment'],
  other_adjustment: ['otheradj', 'otheradjustment', 'otheradjustments', 'oaamount', 'oaamt', 'oaadj', 'oaadjustment',
    'writeoff', 'writeoffs', 'writeoffamt', 'writeoffamount'],
  adjustment_codes: ['adjcodes', 'adjustmentcodes', 'adjcode', 'carc', 'carcs', 'cas', 'denialcode',
    'denialcodes', 'reasoncode', 'reasoncodes', 'adjreason', 'adjustmentreason', 'adjustmentreasoncode',
    'denialreasoncode', 'claimadjustmentreasoncode', 'denialreason'],
  adjustment_group: ['adjgroup', 'groupcode', 'adjustmentgroup', 'adjustmentgroupcode', 'casgroup', 'adjgrp', 'adjgroupcode',
    'carcgroup'],
  adjustment_amount: ['adjamt', 'adjustmentamount', 'adjustments', 'adjustment', 'adjamount', 'carcamt', 'carcamount', 'casamt',
    'casamount'],
  remark_codes: ['remarkcodes', 'remarkcode', 'remarks', 'remark', 'rarc', 'rarcs', 'lq'],
  check_number: ['checknumber', 'check', 'checkno', 'eftnumber', 'eft', 'tracenumber', 'trace', 'trn02',
    'checkeftnumber', 'paymentnumber'],
  paid_date: ['checkdate', 'paymentdate', 'checkeftdate', 'eftdate', 'paiddate', 'remitdate', 'eradate',
    'depositdate', 'posteddate', 'postdate', 'bpr16', 'denialdate', 'adjudicationdate', 'processeddate'],
  claim_status: ['claimstatus', 'status', 'billingstatus', 'linestatus', 'clp02'],
};

/** Adjustment reason / amount / group pairs on one row: `Adj Reason 2`, `CARC Amt 3`, `Adj 2 Group`. */
export const MAX_ADJUSTMENT_PAIRS = 5;
export type AdjustmentPairPart = 'adjustment_codes' | 'adjustment_group' | 'adjustment_amount';
const PAIR_WORDS: { field: AdjustmentPairPart; words: string[] }[] = [
  { field: 'adjustment_codes', words: ['adjreason', 'adjustmentreason', 'adjustmentreasoncode', 'adjreasoncode', 'adjcode',
    'adjustmentcode', 'carc', 'carccode', 'reasoncode', 'denialcode', 'casreason', 'casreasoncode', 'claimadjustmentreasoncode'] },
  { field: 'adjustment_amount', words: ['adjamt', 'adjamount', 'adjustmentamt', 'adjustmentamount', 'adjustment', 'carcamt',
    'carcamount', 'casamt', 'casamount', 'reasonamt', 'reasonamount', 'reasoncodeamount', 'adjreasonamt', 'adjreasonamount'] },
  { field: 'adjustment_group', words: ['adjgroup', 'adjgrp', 'adjustmentgroup', 'adjustmentgroupcode', 'adjgroupcode',
    'carcgroup', 'casgroup', 'groupcode', 'reasongroup'] },
];

/** The field of pair n (1 = the unnumbered field). */
export function adjustmentPairField(kind: AdjustmentPairPart, n: number): CsvField {
  return (n === 1 ? kind : `${kind}${n}`) as CsvField;
}

/** Numbered families: Dx 1 / ICD-10 3 / Diagnosis Code 2 / D4, Mod 1 / Modifier 2. */
const NUMBERED: { pattern: RegExp; field: (n: number) => CsvField | null }[] = [
  {
    pattern: /^(?:icd10(?:cm)?|icd|dx|diag|diagnosis|diagnosiscode|dxcode|d)(\d{1,2})$/,
    field: (n) => (n >= 1 && n <= 12 ? (`dx${n}` as CsvField) : null),
  },
  {
    pattern: /^(?:mod|modifier|m|cptmodifier|proceduremodifier)(\d)$/,
    field: (n) => (n >= 1 && n <= 4 ? (`modifier${n}` as CsvField) : null),
  },
];

export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replaceAll('#', 'number')
    .replace(/[^a-z0-9]/g, '');
}

/** The canonical field a header names, or null. */
export function fieldForHeader(header: string): CsvField | null {
  const key = normaliseHeader(header);
  // Exact aliases first: "ICD10" is a combined diagnosis column, not "ICD" + 10.
  for (const field of CSV_FIELDS) if (ALIASES[field]?.includes(key)) return field;
  for (const { pattern, field } of NUMBERED) {
    const m = pattern.exec(key);
    if (m) return field(Number(m[1]));
  }
  // one digit before or after the words: "CARC Amt 1", "Adj 2 Reason"
  const pair = /^([a-z]+)([1-9])([a-z]*)$/.exec(key);
  if (pair && Number(pair[2]) <= MAX_ADJUSTMENT_PAIRS) {
    const words = pair[1] + pair[3];
    const kind = PAIR_WORDS.find((p) => p.words.includes(words));
    if (kind) return adjustmentPairField(kind.field, Number(pair[2]));
  }
  return null;
}
