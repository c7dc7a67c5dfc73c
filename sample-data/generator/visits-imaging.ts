/**
 * Imaging claims billed by the radiologist, from orders written at the practice's
 * visits or by outside physicians.
 * Plants: 73560 without RT/LT, and 71046 pointing at the ankle-pain diagnosis.
 */
import type { Referrer } from './model.ts';
import type { Rng } from './rng.ts';
import { PlanBuilder, pickSide, type ImagingOrder, type VisitPlan } from './visit-plan.ts';

/** Share of knee X-rays whose side modifier the imaging front desk leaves off. */
const KNEE_SIDE_DROPPED = 0.5;

export function imagingClaim(rng: Rng, orders: readonly ImagingOrder[]): VisitPlan {
  const plan = new PlanBuilder();
  for (const order of orders) {
    const pointer = plan.dx(order.diagnosis);
    if (order.procedure === '73560' && order.side && rng.chance(KNEE_SIDE_DROPPED)) {
      plan.line('73560', [pointer], { planted: 'knee-xray-no-side-modifier' });
    } else {
      plan.line(order.procedure, [pointer], { modifiers: order.side ? [order.side] : [] });
    }
  }
  return plan.build();
}

/** An order written by an outside physician. */
export function outsideOrder(rng: Rng, referrer: Referrer): ImagingOrder {
  const procedure = rng.weighted([
    ['71046', 25], ['73560', 16], ['73562', 12], ['73610', 11], ['72100', 14], ['73030', 10], ['73721', 7],
  ]);
  const sided = (right: string, left: string) => {
    const { side, code } = pickSide(rng, right, left);
    return { procedure, side, diagnosis: code, orderedBy: referrer };
  };
  switch (procedure) {
    case '71046':
      return { procedure, side: null, diagnosis: rng.pick(['R05.1', 'R05.9', 'J18.9', 'R06.02', 'R07.9']), orderedBy: referrer };
    case '72100':
      return { procedure, side: null, diagnosis: rng.pick(['M54.50', 'M54.59', 'M54.16']), orderedBy: referrer };
    case '73560':
      return sided('M25.561', 'M25.562');
    case '73562':
      return sided('M17.11', 'M17.12');
    case '73610':
      return rng.chance(0.5) ? sided('M25.571', 'M25.572') : sided('S93.401A', 'S93.402A');
    case '73030':
      return rng.chance(0.6) ? sided('M25.511', 'M25.512') : sided('M19.011', 'M19.012');
    default:
      return sided('M23.221', 'M23.222');
  }
}

/**
 * The planted mismatch: an ankle X-ray and a chest X-ray for the same patient, where
 * the chest film was linked to the ankle-pain diagnosis (sometimes with the cough
 * diagnosis on the claim but not pointed to).
 */
export function mismatchedChestXray(rng: Rng): VisitPlan {
  const plan = new PlanBuilder();
  const ankle = plan.dx('M25.571');
  if (rng.chance(0.4)) plan.dx('R05.1');
  plan.line('73610', [ankle], { modifiers: ['RT'] });
  plan.line('71046', [ankle], { planted: 'mismatch-chest-xray-ankle-pain' });
  return plan.build();
}
