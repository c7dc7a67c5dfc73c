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
  patient_responsibility: 'Patient responsibility',
  adjustment_codes: 'Adjustment codes (CARC, e.g. CO-45)',
  adjustment_group: 'Adjustment group (CO/PR/OA/PI)',
  adjustment_amount: 'Adjustment amount',
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
  patient_responsibility: ['patientresponsibility', 'patientresp', 'ptresp', 'patientportion'],
  adjustment_codes: ['adjcodes', 'adjustmentcodes', 'adjcode', 'carc', 'carcs', 'cas', 'denialcode',
    'denialcodes', 'reasoncode', 'reasoncodes', 'adjreason', 'adjustmentreason', 'adjustmentreasoncode',
    'denialreasoncode', 'claimadjustmentreasoncode', 'denialreason'],
  adjustment_group: ['adjgroup', 'groupcode', 'adjustmentgroup', 'adjustmentgroupcode', 'casgroup'],
  adjustment_amount: ['adjamt', 'adjustmentamount', 'adjustments', 'adjustment'],
  remark_codes: ['remarkcodes', 'remarkcode', 'remarks', 'remark', 'rarc', 'rarcs', 'lq'],
  check_number: ['checknumber', 'check', 'checkno', 'eftnumber', 'eft', 'tracenumber', 'trace', 'trn02',
    'checkeftnumber', 'paymentnumber'],
  paid_date: ['checkdate', 'paymentdate', 'checkeftdate', 'eftdate', 'paiddate', 'remitdate', 'eradate',
    'depositdate', 'posteddate', 'postdate', 'bpr16', 'denialdate', 'adjudicationdate', 'processeddate'],
  claim_status: ['claimstatus', 'status', 'billingstatus', 'linestatus', 'clp02'],
};

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
  return null;
}
