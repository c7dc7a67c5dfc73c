import { sql, type Sql } from '../../db/sql.ts';

/**
 * How ICD-10-CM reference facts are derived from the releases. The build script
 * (scripts/build-icd10cm-reference.ts) and the in-app importer run exactly this SQL.
 *
 * Per release (from that release's order file alone):
 *  - base(code): the code without its 7th-character extension and the 'X' placeholders
 *    before it (S0990XA -> S0990, S82101A -> S82101); parent: the longest proper prefix of
 *    the base that is itself a code (header) of the release.
 *  - unspecified: billable, the long descriptor contains the word "unspecified" (the 7th-
 *    character text "not applicable or unspecified" does not count), and its 3-character
 *    category has at least one billable code outside the code's own base family whose
 *    descriptor does not say "unspecified" - i.e. a more specific billable code for the
 *    condition exists, next to it or further up. (M54.50 -> yes: M54.51, M54.59; S82.101A
 *    "Unspecified fracture of upper end of right tibia" -> yes: every code under S82.10 is an
 *    unspecified fracture, but S82.111A "Displaced fracture of right tibial spine" is in S82;
 *    R69 "Illness, unspecified" -> no: the only code of its category.)
 *  - laterality (billable codes only): 'bilateral' / 'right' / 'left' when the descriptor
 *    names that side (a descriptor naming both right and left gets NULL); 'unspecified' when
 *    the descriptor says "unspecified" and names no side while billable siblings under the
 *    same parent name the right and the left side (M25.569 next to M25.561/M25.562).
 *
 * Across releases (ordered by effective date): a code's releases are cut into intervals of
 * consecutive releases with the same (billable, unspecified, laterality); an interval runs
 * from its first release's effective date to the day before the next release (NULL when it
 * reaches the newest release). When a billable interval ends (next release drops the code
 * or makes it a header), its replacements are: the code's billable descendants in the next
 * release (M545 -> M5450, M5451, M5459), plus "previous -> current" conversion facts that
 * took effect after the interval's last release and by the next one, kept when billable in
 * the next release.
 */

const SAYS_UNSPECIFIED = sql`regexp_matches(replace(lower(long_desc), 'not applicable or unspecified', ''), '\\bunspecified\\b')`;
const namesSql = (side: string): Sql => sql`regexp_matches(long_desc, ${`\\b${side}\\b`}, 'i')`;

export const STAGING_SQL = sql`
CREATE OR REPLACE TEMP TABLE ref_icd10cm_staging (code VARCHAR, billable BOOLEAN, short_desc VARCHAR, long_desc VARCHAR)`;
export const DROP_STAGING_SQL = sql`DROP TABLE ref_icd10cm_staging`;

/** Codes of one release from the staging table (one order file) into ref_icd10cm_release_codes. */
export const releaseCodesFromStagingSql = (release: string): Sql => sql`
INSERT INTO ref_icd10cm_release_codes
WITH s AS (
  SELECT code, billable, short_desc,
         CASE WHEN length(code) = 7 THEN rtrim(left(code, 6), 'X') ELSE code END AS base,
         ${SAYS_UNSPECIFIED} AS says_unspecified,
         CASE WHEN ${namesSql('bilateral')} THEN 'bilateral'
              WHEN ${namesSql('right')} AND NOT ${namesSql('left')} THEN 'right'
              WHEN ${namesSql('left')} AND NOT ${namesSql('right')} THEN 'left'
         END AS side
  FROM ref_icd10cm_staging
),
prefixes AS (
  SELECT code, left(base, k) AS prefix, k FROM (SELECT code, base, unnest(range(3, length(base))) AS k FROM s)
),
ancestors AS (
  SELECT p.code, p.prefix, p.k FROM prefixes p JOIN s a ON a.code = p.prefix
),
parents AS (
  SELECT code, arg_max(prefix, k) AS parent FROM ancestors GROUP BY code
),
specific_in_category AS (
  SELECT left(code, 3) AS category, count(*) AS n FROM s WHERE billable AND NOT says_unspecified GROUP BY category
),
specific_in_base AS (
  SELECT base, count(*) AS n FROM s WHERE billable AND NOT says_unspecified GROUP BY base
),
sides AS (
  SELECT p.parent, bool_or(s.side = 'right') AS has_right, bool_or(s.side = 'left') AS has_left
  FROM s JOIN parents p USING (code) WHERE s.billable GROUP BY p.parent
)
SELECT ${release} AS release, s.code, s.billable,
       s.billable AND s.says_unspecified AND coalesce(sc.n, 0) - coalesce(sb.n, 0) > 0 AS unspecified,
       CASE WHEN NOT s.billable THEN NULL
            WHEN s.side IS NOT NULL THEN s.side
            WHEN s.says_unspecified AND sd.has_right AND sd.has_left THEN 'unspecified'
       END AS laterality,
       s.short_desc
FROM s
LEFT JOIN parents p USING (code)
LEFT JOIN specific_in_category sc ON sc.category = left(s.code, 3)
LEFT JOIN specific_in_base sb ON sb.base = s.base
LEFT JOIN sides sd ON sd.parent = p.parent`;

/** Rebuild ref_icd10cm from the codes of all loaded releases. */
export const DERIVE_INTERVALS_SQL = sql`
DELETE FROM ref_icd10cm;
INSERT INTO ref_icd10cm
WITH r AS (
  SELECT release, effective_from, origin, row_number() OVER (ORDER BY effective_from) AS seq FROM ref_icd10cm_releases
),
-- materialized: each is read twice, and recomputing the windows costs more than storing them
m AS MATERIALIZED (
  SELECT c.code, c.billable, c.unspecified, c.laterality, c.short_desc, r.seq, r.origin
  FROM ref_icd10cm_release_codes c JOIN r USING (release)
),
marked AS (
  SELECT *, CASE WHEN lag(seq) OVER w = seq - 1
                  AND lag(billable) OVER w = billable
                  AND lag(unspecified) OVER w = unspecified
                  AND lag(laterality) OVER w IS NOT DISTINCT FROM laterality THEN 0 ELSE 1 END AS starts
  FROM m WINDOW w AS (PARTITION BY code ORDER BY seq)
),
islands AS (
  SELECT *, sum(starts) OVER (PARTITION BY code ORDER BY seq ROWS UNBOUNDED PRECEDING) AS island FROM marked
),
intervals AS MATERIALIZED (
  SELECT code, any_value(billable) AS billable, any_value(unspecified) AS unspecified,
         any_value(laterality) AS laterality, min(seq) AS first_seq, max(seq) AS last_seq,
         arg_max(short_desc, seq) AS short_desc,
         CASE WHEN bool_or(origin = 'imported') THEN 'imported' ELSE 'shipped' END AS origin
  FROM islands GROUP BY code, island
),
ended AS MATERIALIZED (
  SELECT i.code, i.last_seq, nxt.release AS next_release, nxt.effective_from AS next_from, cur.effective_from AS last_from
  FROM intervals i
  JOIN r cur ON cur.seq = i.last_seq
  JOIN r nxt ON nxt.seq = i.last_seq + 1
  LEFT JOIN m still ON still.code = i.code AND still.seq = i.last_seq + 1 AND still.billable
  WHERE i.billable AND still.code IS NULL
),
next_billable AS (
  SELECT release, code FROM ref_icd10cm_release_codes WHERE billable
),
candidates AS (
  SELECT e.code, e.last_seq, d.code AS replacement
  FROM ended e JOIN next_billable d ON d.release = e.next_release AND left(d.code, 3) = left(e.code, 3)
  WHERE length(d.code) > length(e.code) AND starts_with(d.code, e.code)
  UNION
  SELECT e.code, e.last_seq, c.current_code
  FROM ended e
  JOIN ref_icd10cm_conversions c ON c.previous_code = e.code AND c.effective > e.last_from AND c.effective <= e.next_from
  JOIN next_billable d ON d.release = e.next_release AND d.code = c.current_code
),
replacements AS (
  SELECT code, last_seq, list_sort(list_distinct(list(replacement))) AS replacements FROM candidates GROUP BY code, last_seq
)
SELECT i.code, i.billable, f.effective_from AS valid_from, n.effective_from - 1 AS valid_to,
       i.unspecified, i.laterality, rp.replacements, i.short_desc, i.origin
FROM intervals i
JOIN r f ON f.seq = i.first_seq
LEFT JOIN r n ON n.seq = i.last_seq + 1
LEFT JOIN replacements rp ON rp.code = i.code AND rp.last_seq = i.last_seq
ORDER BY i.code, valid_from`;

/**
 * Codes of releases that have none yet, rebuilt from the intervals (exact: an interval is a
 * run of releases with identical facts; the short description is the interval's newest).
 */
export const releaseCodesFromIntervalsSql = (intervals: Sql): Sql => sql`
INSERT INTO ref_icd10cm_release_codes
SELECT r.release, i.code, i.billable, i.unspecified, i.laterality, i.short_desc
FROM ${intervals} i
JOIN ref_icd10cm_releases r ON r.effective_from BETWEEN i.valid_from AND coalesce(i.valid_to, DATE '9999-12-31')
WHERE r.release NOT IN (SELECT DISTINCT release FROM ref_icd10cm_release_codes)`;

export const SHIPPED_REPLACEMENTS_SOURCE = 'replacements of the shipped ICD-10-CM table';

/** Keep the replacements of intervals as conversion facts, so re-deriving reproduces them. */
export const conversionsFromIntervalsSql = (intervals: Sql): Sql => sql`
DELETE FROM ref_icd10cm_conversions WHERE source = ${SHIPPED_REPLACEMENTS_SOURCE};
INSERT INTO ref_icd10cm_conversions
SELECT valid_to + 1, code, unnest(replacements), ${SHIPPED_REPLACEMENTS_SOURCE}
FROM ${intervals} WHERE replacements IS NOT NULL AND valid_to IS NOT NULL`;
