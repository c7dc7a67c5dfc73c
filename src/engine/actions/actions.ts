import { CATEGORY_PRECEDENCE, type Category } from '../classify/categories.ts';
import type { PatternRow } from '../analytics/patterns.ts';

/**
 * What a billing office did about a denial pattern (issue 15): the change, who owns
 * it and when it took effect. The pattern is named by its key (line_patterns.pattern_key,
 * a hash of category, payer, provider, billed procedure and cause, so the same files give
 * the same key) with those fields beside it so that an action stays readable when its
 * pattern is not in the loaded data.
 */
export const ACTION_KINDS = ['coder_education', 'chargemaster_fix', 'payer_follow_up', 'appeal_batch', 'write_off'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const ACTION_KIND_LABELS: Record<ActionKind, string> = {
  coder_education: 'Coder education',
  chargemaster_fix: 'Charge-master / template fix',
  payer_follow_up: 'Payer follow-up',
  appeal_batch: 'Appeal batch',
  write_off: 'Write-off',
};

export interface PatternIdentity {
  pattern_key: string;
  category: Category;
  payer: string;
  provider: string;
  /** null for claim-level causes */
  procedure: string | null;
  cause_kind: PatternRow['cause_kind'];
  cause_codes: string[];
}

export interface PatternAction extends PatternIdentity {
  id: string;
  kind: ActionKind;
  /** what was changed, in the owner's words */
  what: string;
  owner: string;
  /** the day the change took effect, YYYY-MM-DD */
  date: string;
}

export const CAUSE_KINDS: readonly PatternRow['cause_kind'][] = ['code', 'diagnosis', 'modifiers', 'reason', 'none'];
const PATTERN_KEY = /^[0-9a-f]{16}$/;

export function identityOf(p: PatternRow): PatternIdentity {
  const { pattern_key, category, payer, provider, procedure, cause_kind, cause_codes } = p;
  return { pattern_key, category, payer, provider, procedure, cause_kind, cause_codes };
}

/** A real calendar day as YYYY-MM-DD, or null. */
export function isoDay(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text ? text : null;
}

/** Why an action cannot be kept, one reason per problem; empty when it can. */
export function actionProblems(a: PatternAction): string[] {
  const problems: string[] = [];
  if (!a.id.trim()) problems.push('the action has no id');
  if (!PATTERN_KEY.test(a.pattern_key)) problems.push(`pattern key "${a.pattern_key}" is not 16 hexadecimal digits`);
  if (!(CATEGORY_PRECEDENCE as readonly string[]).includes(a.category)) problems.push(`category "${a.category}" is not one of ours`);
  if (!a.payer.trim()) problems.push('the payer is empty');
  if (!CAUSE_KINDS.includes(a.cause_kind)) problems.push(`cause kind "${a.cause_kind}" is not one of ${CAUSE_KINDS.join(', ')}`);
  if (!ACTION_KINDS.includes(a.kind)) problems.push(`action "${a.kind}" is not one of ${ACTION_KINDS.map((k) => ACTION_KIND_LABELS[k]).join(', ')}`);
  if (!a.what.trim()) problems.push('what was changed is empty');
  if (!a.owner.trim()) problems.push('the owner is empty');
  if (!isoDay(a.date)) problems.push(`date "${a.date}" is not a date (YYYY-MM-DD)`);
  return problems;
}

/** A new action's id: unique without a secure context (crypto.randomUUID needs one). */
export function newActionId(): string {
  const random = Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('');
  return `action-${Date.now().toString(36)}-${random}`;
}
