/**
 * Orthopedic and cardiology visits.
 * Plants (Dr. Farrow): M25.569 for knee pain, and 99214 without 25 beside 20610.
 */
import { PlanBuilder, pickSide, type Side, type VisitContext, type VisitPlan } from './visit-plan.ts';

interface OrthoCondition {
  right: string;
  left: string;
  /** Imaging ordered at a new visit, if any. */
  imaging: string | null;
  injectable: boolean;
}

const ORTHO: readonly (readonly [OrthoCondition | 'knee_pain' | 'plantar', number])[] = [
  ['knee_pain', 30],
  [{ right: 'M17.11', left: 'M17.12', imaging: '73562', injectable: true }, 18],
  [{ right: 'S83.241A', left: 'S83.242A', imaging: '73721', injectable: false }, 8],
  [{ right: 'M75.41', left: 'M75.42', imaging: '73030', injectable: true }, 12],
  [{ right: 'M19.011', left: 'M19.012', imaging: '73030', injectable: true }, 8],
  [{ right: 'S93.401A', left: 'S93.402A', imaging: '73610', injectable: false }, 8],
  [{ right: 'M77.31', left: 'M77.32', imaging: '73610', injectable: false }, 5],
  ['plantar', 5],
];

const INJECTABLE = ORTHO.flatMap(([c]) => (typeof c === 'object' && c.injectable ? [c] : []));

export function orthopedicsVisit(ctx: VisitContext): VisitPlan {
  const { rng } = ctx;
  const plan = new PlanBuilder();
  const kind = rng.weighted<'new' | 'follow' | 'injection' | 'injection_only'>([
    ['new', 25], ['follow', 40], ['injection', 25], ['injection_only', 10],
  ]);
  if (kind === 'injection' || kind === 'injection_only') {
    injectionVisit(ctx, plan, kind === 'injection');
    return plan.build();
  }
  const em = kind === 'new' ? rng.weighted([['99203', 55], ['99204', 45]]) : rng.weighted([['99213', 55], ['99214', 45]]);
  const condition = rng.weighted(ORTHO);
  if (condition === 'knee_pain') {
    // Dr. Farrow's template defaults knee pain to the unspecified knee.
    if (ctx.provider.key === 'farrow' && rng.chance(0.5)) {
      plan.line(em, [plan.dx('M25.569')], { planted: 'unspecified-knee-laterality' });
      return plan.build();
    }
    const { side, code } = pickSide(rng, 'M25.561', 'M25.562');
    plan.line(em, [plan.dx(code)]);
    if (kind === 'new' && rng.chance(0.55)) plan.order({ procedure: '73560', side, diagnosis: code, orderedBy: ctx.provider });
  } else if (condition === 'plantar') {
    plan.line(em, [plan.dx('M72.2')]);
  } else {
    const { side, code } = pickSide(rng, condition.right, condition.left);
    plan.line(em, [plan.dx(code)]);
    if (condition.imaging && kind === 'new' && rng.chance(0.6)) {
      plan.order({ procedure: condition.imaging, side, diagnosis: code, orderedBy: ctx.provider });
    }
  }
  return plan.build();
}

function injectionVisit(ctx: VisitContext, plan: PlanBuilder, withVisit: boolean): void {
  const { rng } = ctx;
  const condition = rng.pick(INJECTABLE);
  const { side, code } = pickSide(rng, condition.right, condition.left);
  const dx = plan.dx(code);
  if (withVisit) {
    if (ctx.provider.key === 'farrow' && rng.chance(0.45)) {
      plan.line('99214', [dx], { planted: 'em-with-injection-no-25' });
    } else {
      plan.line(rng.weighted([['99213', 50], ['99214', 50]]), [dx], { modifiers: ['25'] });
    }
  }
  injection(plan, dx, side);
}

function injection(plan: PlanBuilder, dx: number, side: Side): void {
  plan.line('20610', [dx], { modifiers: [side] });
  plan.line('J3301', [dx], { units: 4 }); // 40 mg, billed per 10 mg
}

const CARDIO_DX = ['I10', 'I25.10', 'I48.0', 'I11.0', 'R00.2', 'R07.89', 'R07.9', 'I35.0', 'R01.1', 'R55', 'R06.02'] as const;

export function cardiologyVisit(ctx: VisitContext): VisitPlan {
  const { rng } = ctx;
  const plan = new PlanBuilder();
  const isNew = rng.chance(0.2);
  const em = isNew ? rng.weighted([['99204', 65], ['99205', 35]]) : rng.weighted([['99213', 25], ['99214', 55], ['99215', 20]]);
  const count = rng.int(1, 3);
  const codes = new Set<string>();
  while (codes.size < count) codes.add(rng.pick(CARDIO_DX));
  if (codes.has('I48.0')) codes.add('Z79.01'); // on anticoagulation
  const pointers = [...codes].map((code) => plan.dx(code));
  plan.line(em, pointers);
  if (!isNew && ctx.payer === 'medicare' && rng.chance(0.35)) plan.line('G2211', [pointers[0]]);
  if (rng.chance(0.45)) plan.line('93000', [pointers[0]]);
  if (rng.chance(0.15)) plan.line('93306', [pointers[0]]);
  return plan.build();
}
