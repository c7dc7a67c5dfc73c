import { sql } from '../db/sql.ts';
/**
 * The canonical tables every input format is loaded into. Parsers never write
 * anything else; classification and analytics read only these (and reference tables).
 *
 * Keys are global BIGINTs handed out by the loader, so two files never collide.
 * Money is DECIMAL(18,2) so that 835 balancing is exact.
 */
export const CANONICAL_SCHEMA_SQL = sql`
CREATE TABLE IF NOT EXISTS files (
  file_id        INTEGER PRIMARY KEY,
  name           VARCHAR NOT NULL,
  sha256         VARCHAR NOT NULL UNIQUE,
  size_bytes     BIGINT NOT NULL,
  format         VARCHAR NOT NULL,   -- 'csv' | 'x12-835' | 'x12-837p'
  content        VARCHAR NOT NULL,   -- 'claim+remit' (PM export with payments) | 'claim' | 'remit'
  loaded_at      TIMESTAMP NOT NULL,
  rows_read      INTEGER NOT NULL,   -- CSV records / X12 segments
  rows_loaded    INTEGER NOT NULL,
  rows_rejected  INTEGER NOT NULL,
  warnings       VARCHAR[] NOT NULL
);

-- Everything that could not be loaded, with where it was and why.
CREATE TABLE IF NOT EXISTS rejects (
  file_id  INTEGER NOT NULL,
  line     INTEGER,          -- CSV: spreadsheet row (header = 1); X12: segment number
  reason   VARCHAR NOT NULL,
  excerpt  VARCHAR           -- the offending text, truncated
);

-- One 835 transaction (ST..SE): a payment (check/EFT) from one payer.
CREATE TABLE IF NOT EXISTS remittances (
  remit_id        BIGINT PRIMARY KEY,
  file_id         INTEGER NOT NULL,
  payer           VARCHAR,
  payer_id        VARCHAR,   -- TRN03 / N1*PR REF*2U
  payee           VARCHAR,
  payee_npi       VARCHAR,
  trace_number    VARCHAR,   -- TRN02 check or EFT number
  payment_amount  DECIMAL(18,2),  -- BPR02
  payment_method  VARCHAR,   -- BPR04 (CHK, ACH, NON, ...)
  payment_date    DATE,      -- BPR16
  provider_adjustment_total DECIMAL(18,2), -- sum of PLB amounts
  balance_diff    DECIMAL(18,2),  -- BPR02 - (sum CLP04 - sum PLB); 0 when balanced
  dedupe_key      VARCHAR NOT NULL,
  source_line     INTEGER
);

-- PLB: provider-level adjustments, never attributed to a claim or line.
CREATE TABLE IF NOT EXISTS provider_adjustments (
  remit_id      BIGINT NOT NULL,
  provider_id   VARCHAR,
  fiscal_period DATE,
  reason        VARCHAR,   -- PLB03-1 (e.g. WO, L6, CS)
  reference     VARCHAR,   -- PLB03-2
  amount        DECIMAL(18,2)
);

-- A claim as billed (837P CLM, export) or as adjudicated (835 CLP).
CREATE TABLE IF NOT EXISTS claims (
  claim_key          BIGINT PRIMARY KEY,
  file_id            INTEGER NOT NULL,
  source             VARCHAR NOT NULL,  -- 'claim' | 'remit' | 'claim+remit'
  claim_id           VARCHAR NOT NULL,  -- patient control number: CLM01 = CLP01 = export claim id
  patient_account    VARCHAR,
  patient_name       VARCHAR,
  member_id          VARCHAR,
  payer              VARCHAR,
  payer_id           VARCHAR,
  billing_provider   VARCHAR,
  rendering_provider VARCHAR,
  total_charge       DECIMAL(18,2),
  -- adjudication (835 CLP / export with payments)
  remit_id             BIGINT,
  status               VARCHAR,          -- CLP02 code, or the export's status text
  paid                 DECIMAL(18,2),
  patient_responsibility DECIMAL(18,2),
  filing_indicator     VARCHAR,          -- CLP06
  payer_claim_number   VARCHAR,          -- CLP07
  statement_from       DATE,
  statement_to         DATE,
  paid_date            DATE,             -- check/EFT date
  balance_diff         DECIMAL(18,2),    -- CLP03 - sum(all CAS) - CLP04
  flags                VARCHAR[] NOT NULL,
  source_line          INTEGER,
  frequency_code       VARCHAR,          -- 837P CLM05-3: 1 original, 7 replacement, 8 void
  original_claim_number VARCHAR          -- REF*F8 (837P 2300, 835 2100): payer claim number of the claim corrected
);

CREATE TABLE IF NOT EXISTS service_lines (
  line_id          BIGINT PRIMARY KEY,
  claim_key        BIGINT NOT NULL,
  file_id          INTEGER NOT NULL,
  source           VARCHAR NOT NULL,   -- as claims.source
  claim_id         VARCHAR NOT NULL,
  line_number      INTEGER,
  line_control     VARCHAR,            -- REF*6R line item control number
  service_date     DATE,
  service_date_end DATE,
  payer            VARCHAR,
  provider         VARCHAR,            -- rendering provider
  procedure_qualifier VARCHAR,         -- HC, ZZ, ...
  procedure        VARCHAR,            -- as adjudicated (SVC01) or billed
  billed_procedure VARCHAR,            -- as billed (SVC06 when the payer recoded), else = procedure
  modifiers        VARCHAR[] NOT NULL,
  units            DOUBLE,
  billed           DECIMAL(18,2),
  allowed          DECIMAL(18,2),
  paid             DECIMAL(18,2),
  claim_status     VARCHAR,
  paid_date        DATE,
  dx_pointers      INTEGER[] NOT NULL, -- 1-based into the claim's diagnosis list, in pointer order
  balance_diff     DECIMAL(18,2),      -- charge - sum(line CAS) - paid
  flags            VARCHAR[] NOT NULL,
  source_line      INTEGER
);

-- CAS (835) or the export's adjustment codes. level 'claim' rows have no line_id.
CREATE TABLE IF NOT EXISTS adjustments (
  claim_key   BIGINT NOT NULL,
  line_id     BIGINT,
  level       VARCHAR NOT NULL,  -- 'line' | 'claim'
  group_code  VARCHAR,           -- CO, PR, OA, PI (CR in 4010); NULL when the export gave none
  carc        VARCHAR NOT NULL,  -- '' when an export gave a group amount with no reason code (a "Contractual Adj" column)
  amount      DECIMAL(18,2),     -- NULL when the export gave codes without amounts
  quantity    DOUBLE
);

-- RARC from LQ*HE (line), MOA/MIA (claim) or the export.
CREATE TABLE IF NOT EXISTS remarks (
  claim_key BIGINT NOT NULL,
  line_id   BIGINT,
  level     VARCHAR NOT NULL,
  code      VARCHAR NOT NULL,
  source    VARCHAR NOT NULL     -- 'LQ' | 'MOA' | 'MIA' | 'export'
);

-- The claim's diagnosis list in order (HI, or the export's dx columns). Codes without the dot.
CREATE TABLE IF NOT EXISTS diagnoses (
  claim_key BIGINT NOT NULL,
  seq       INTEGER NOT NULL,    -- 1-based position, what pointers refer to
  code      VARCHAR NOT NULL,
  qualifier VARCHAR              -- ABK/ABF (ICD-10-CM), BK/BF (ICD-9: legacy), export
);
`;

/** Next free key for each generated id column. */
export const NEXT_KEYS_SQL = sql`
SELECT
  (SELECT coalesce(max(file_id), 0) + 1 FROM files)::INTEGER    AS file_id,
  (SELECT coalesce(max(claim_key), 0) + 1 FROM claims)::BIGINT  AS claim_key,
  (SELECT coalesce(max(line_id), 0) + 1 FROM service_lines)::BIGINT AS line_id,
  (SELECT coalesce(max(remit_id), 0) + 1 FROM remittances)::BIGINT AS remit_id
`;
