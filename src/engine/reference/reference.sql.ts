import { sql } from '../db/sql.ts';
/**
 * Reference tables the classifier reads. ICD-10-CM tables are derived from the CDC/NCHS
 * releases (public domain); the procedure tables are hand-written facts cited per row
 * (procedure-facts.ts); NCCI PTP edits are imported from the CMS quarterly files.
 * Codes are stored without dots and upper-case.
 */
export const REFERENCE_SCHEMA_SQL = sql`
-- One row per validity interval of an ICD-10-CM code (billable and header codes alike).
-- A new interval starts whenever billable, unspecified or laterality changes, or the code
-- comes back after being absent; derive.sql.ts documents the rules.
CREATE TABLE IF NOT EXISTS ref_icd10cm (
  code         VARCHAR NOT NULL,
  billable     BOOLEAN NOT NULL,   -- order-file flag 1; false = header (not valid on claims)
  valid_from   DATE NOT NULL,      -- effective date of the first release of the interval
  valid_to     DATE,               -- day before the first release that changes or drops it; NULL = as in the newest release
  unspecified  BOOLEAN NOT NULL,
  laterality   VARCHAR,            -- 'right' | 'left' | 'bilateral' | 'unspecified' | NULL
  replacements VARCHAR[],          -- billable codes to use once a billable interval ends
  short_desc   VARCHAR NOT NULL,   -- CDC short description (newest release of the interval)
  origin       VARCHAR NOT NULL    -- 'shipped' | 'imported' (any release of the interval imported by the user)
);

-- Loaded releases; a date of service is answerable only inside [effective_from, effective_to].
CREATE TABLE IF NOT EXISTS ref_icd10cm_releases (
  release        VARCHAR NOT NULL,  -- 'FY2022', 'FY2022-APR', 'FY2021-JAN'
  fiscal_year    INTEGER NOT NULL,
  effective_from DATE NOT NULL,
  effective_to   DATE NOT NULL,
  source         VARCHAR NOT NULL,
  origin         VARCHAR NOT NULL   -- 'shipped' | 'imported'
);

-- The code set of every loaded release, the input of the interval derivation.
-- Filled at import time (and rebuilt from ref_icd10cm for shipped releases when needed).
CREATE TABLE IF NOT EXISTS ref_icd10cm_release_codes (
  release     VARCHAR NOT NULL,
  code        VARCHAR NOT NULL,
  billable    BOOLEAN NOT NULL,
  unspecified BOOLEAN NOT NULL,
  laterality  VARCHAR,
  short_desc  VARCHAR NOT NULL
);

-- "Previous code -> current code" facts: CDC conversion tables, and the replacements of the
-- shipped table (kept so that re-deriving after an import gives the same answers).
CREATE TABLE IF NOT EXISTS ref_icd10cm_conversions (
  effective     DATE NOT NULL,
  previous_code VARCHAR NOT NULL,
  current_code  VARCHAR NOT NULL,
  source        VARCHAR NOT NULL
);

-- CPT/HCPCS codes with known validity dates: a starter list of deletions (procedure-facts.ts).
-- A code that is not here has unknown validity. Code numbers only: no CPT descriptors.
CREATE TABLE IF NOT EXISTS ref_procedure_codes (
  code         VARCHAR NOT NULL,
  code_system  VARCHAR NOT NULL,   -- 'CPT' | 'HCPCS'
  valid_from   DATE,               -- NULL = before the start of the list (not known here)
  valid_to     DATE,               -- last valid date of service; NULL = not deleted as far as known
  replacements VARCHAR[],
  source       VARCHAR NOT NULL    -- AMA CPT annual release / CMS HCPCS update, with its date
);

-- Code groups the classifier rules need ('em', 'lateral'); procedure-facts.ts cites them.
CREATE TABLE IF NOT EXISTS ref_procedure_groups (
  code VARCHAR NOT NULL,
  grp  VARCHAR NOT NULL
);

-- CMS NCCI practitioner procedure-to-procedure edits. An edit applies to dates of service
-- effective .. deleted (inclusive; NULL = not deleted).
CREATE TABLE IF NOT EXISTS ref_ncci_ptp (
  column1            VARCHAR NOT NULL,
  column2            VARCHAR NOT NULL,
  effective          DATE NOT NULL,
  deleted            DATE,
  modifier_indicator VARCHAR NOT NULL,  -- '0' not allowed, '1' allowed, '9' not applicable
  rationale          VARCHAR,
  source             VARCHAR NOT NULL   -- imported file (and zip member)
);

-- CMS Physician Fee Schedule indicators (PPRRVU, quarterly; pfs/pfs.sql.ts derives the
-- intervals): one row per validity interval of a HCPCS code's indicators.
CREATE TABLE IF NOT EXISTS ref_pfs (
  code        VARCHAR NOT NULL,
  global_days VARCHAR NOT NULL,   -- '000' | '010' | '090' | 'MMM' | 'XXX' | 'YYY' | 'ZZZ'
  bilateral   VARCHAR NOT NULL,   -- bilateral-surgery indicator 0 | 1 | 2 | 3 | 9
  valid_from  DATE NOT NULL,      -- effective date of the first release of the interval
  valid_to    DATE,               -- day before the first release that changes or drops it; NULL = as in the newest release
  source      VARCHAR NOT NULL    -- 'CMS PFS RVU20A–RVU25D': the releases of the interval
);
-- The shipped intervals, kept to derive the table again when releases are imported or removed.
CREATE TABLE IF NOT EXISTS ref_pfs_shipped (
  code VARCHAR NOT NULL, global_days VARCHAR NOT NULL, bilateral VARCHAR NOT NULL, valid_from DATE NOT NULL, valid_to DATE, source VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS ref_pfs_releases (
  release        VARCHAR NOT NULL,  -- 'RVU25D'
  effective_from DATE NOT NULL,
  codes          INTEGER NOT NULL,
  source         VARCHAR NOT NULL,
  origin         VARCHAR NOT NULL   -- 'shipped' | 'imported'
);
-- The codes of imported releases (one row per code: its modifier-less row, else its -26 row).
CREATE TABLE IF NOT EXISTS ref_pfs_release_codes (
  release     VARCHAR NOT NULL,
  code        VARCHAR NOT NULL,
  global_days VARCHAR NOT NULL,
  bilateral   VARCHAR NOT NULL
);
`;
