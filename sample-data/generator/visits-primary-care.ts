/**
 * Family and internal medicine visits: chronic follow-ups with in-office labs, acute
 * visits that order imaging, preventive visits, vaccines, telephone E/M.
 * Plants: M54.5 (Dr. Quenby) and 99442 (Dr. Linwood, until February 2026).
 */
import { day, monthOf } from './calendar.ts';
import { PlanBuilder, pickSide, type VisitContext, type VisitPlan } from './visit-plan.ts';

interface Condition {
  dx: string;
  labs: readonly string[];
  ecg?: boolean;
}

const CHRONIC: readonly Condition[] = [
  { dx: 'I10', labs: ['80053'], ecg: true },
  { dx: 'E11.9', labs: ['83036', '80053'] },
  { dx: 'E11.65', labs: ['83036'] },
  { dx: 'E78.5', labs: ['80061'] },
  { dx: 'E03.9', labs: ['84443'] },
  { dx: 'R73.03', labs: ['83036'] },
  { dx: 'D64.9', labs: ['85025'] },
  { dx: 'K21.9', labs: [] },
  { dx: 'F41.1', labs: [] },
  { dx: 'F32.A', labs: [] },
  { dx: 'J45.909', labs: [] },
  { dx: 'G47.33', labs: [] },
  { dx: 'E55.9', labs: [] },
];

/** Internal medicine sees more cardiometabolic disease. */
const CHRONIC_IM: readonly Condition[] = [
  ...CHRONIC,
  { dx: 'I48.0', labs: ['85025'], ecg: true },
  { dx: 'E11.22', labs: ['83036', '80053'] },
  { dx: 'I25.10', labs: ['80061'], ecg: true },
];

const ACUTE_SIMPLE = ['J06.9', 'J02.9', 'J01.90', 'N39.0', 'J20.9', 'R10.9', 'R51.9', 'B34.9', 'M54.2'] as const;

/** From March 2026 Dr. Linwood uses the current telephone E/M codes. */
const TELEPHONE_FIXED_FROM = day(2026, 3, 1);

type Kind = 'chronic' | 'acute' | 'back_pain' | 'new' | 'preventive' | 'vaccine' | 'nurse' | 'telephone';

export function primaryCareVisit(ctx: VisitContext): VisitPlan {
  const { rng, provider } = ctx;
  const month = monthOf(ctx.dos);
  const fluSeason = month >= 10 || month <= 1;
  const kind = rng.weighted<Kind>([
    ['chronic', 38],
    ['acute', 24],
    ['back_pain', provider.key === 'quenby' ? 9 : 6],
    ['new', 7],
    ['preventive', 9],
    ['vaccine', fluSeason ? 8 : 2],
    ['nurse', 2],
    ['telephone', provider.key === 'linwood' ? 9 : 0],
  ]);
  const plan = new PlanBuilder();
  switch (kind) {
    case 'chronic':
      chronicVisit(ctx, plan, rng.weighted([['99213', 45], ['99214', 40], ['99215', 10], ['99212', 5]]), true);
      break;
    case 'new':
      chronicVisit(ctx, plan, rng.weighted([['99202', 7], ['99203', 40], ['99204', 45], ['99205', 8]]), false);
      break;
    case 'acute':
      acuteVisit(ctx, plan);
      break;
    case 'back_pain':
      backPainVisit(ctx, plan);
      break;
    case 'preventive':
      preventiveVisit(ctx, plan);
      break;
    case 'vaccine':
      vaccineVisit(ctx, plan, fluSeason);
      break;
    case 'nurse':
      plan.line('99211', [plan.dx('I10')]);
      break;
    case 'telephone':
      telephoneVisit(ctx, plan);
      break;
  }
  return plan.build();
}

function conditionsFor(ctx: VisitContext, count: number): Condition[] {
  const pool = ctx.provider.specialty === 'internal_medicine' ? CHRONIC_IM : CHRONIC;
  const chosen: Condition[] = [];
  while (chosen.length < count) {
    const c = ctx.rng.pick(pool);
    if (!chosen.includes(c)) chosen.push(c);
  }
  return chosen;
}

function chronicVisit(ctx: VisitContext, plan: PlanBuilder, em: string, established: boolean): void {
  const { rng } = ctx;
  const conditions = conditionsFor(ctx, rng.int(1, 3));
  const pointers = conditions.map((c) => plan.dx(c.dx));
  const flu = fluShotToday(ctx);
  plan.line(em, pointers, { modifiers: flu ? ['25'] : [] });
  if (established && ctx.payer === 'medicare' && rng.chance(0.55)) plan.line('G2211', pointers.slice(0, 1));
  if (rng.chance(established ? 0.4 : 0.5)) addLabs(plan, conditions);
  const ecgFor = conditions.find((c) => c.ecg);
  if (ecgFor && rng.chance(0.12)) plan.line('93000', [plan.dx(ecgFor.dx)]);
  if (flu) addVaccine(ctx, plan, '90656');
}

/** In-office labs for the conditions, each pointing at its own diagnosis, plus the draw. */
function addLabs(plan: PlanBuilder, conditions: readonly Condition[]): void {
  const done = new Set<string>();
  for (const c of conditions) {
    for (const lab of c.labs) {
      if (done.has(lab)) continue;
      done.add(lab);
      plan.line(lab, [plan.dx(c.dx)]);
    }
  }
  if (done.size > 0) plan.line('36415', [plan.dx(conditions.find((c) => c.labs.length > 0)!.dx)]);
}

function acuteVisit(ctx: VisitContext, plan: PlanBuilder): void {
  const { rng, provider } = ctx;
  const em = rng.weighted([['99212', 25], ['99213', 55], ['99214', 20]]);
  const problem = rng.weighted<'simple' | 'cough' | 'knee' | 'ankle' | 'shoulder'>([
    ['simple', 62], ['cough', 14], ['knee', 9], ['ankle', 8], ['shoulder', 7],
  ]);
  let pointer: number;
  switch (problem) {
    case 'simple':
      pointer = plan.dx(rng.pick(ACUTE_SIMPLE));
      break;
    case 'cough': {
      const dx = rng.pick(['R05.1', 'R05.9', 'J18.9', 'R06.02']);
      pointer = plan.dx(dx);
      if (rng.chance(0.3)) plan.order({ procedure: '71046', side: null, diagnosis: dx, orderedBy: provider });
      break;
    }
    case 'knee': {
      const { side, code } = pickSide(rng, 'M25.561', 'M25.562');
      pointer = plan.dx(code);
      if (rng.chance(0.5)) plan.order({ procedure: '73560', side, diagnosis: code, orderedBy: provider });
      break;
    }
    case 'ankle': {
      const { side, code } = rng.chance(0.5)
        ? pickSide(rng, 'M25.571', 'M25.572')
        : pickSide(rng, 'S93.401A', 'S93.402A');
      pointer = plan.dx(code);
      if (rng.chance(0.55)) plan.order({ procedure: '73610', side, diagnosis: code, orderedBy: provider });
      break;
    }
    case 'shoulder': {
      const { side, code } = pickSide(rng, 'M25.511', 'M25.512');
      pointer = plan.dx(code);
      if (rng.chance(0.4)) plan.order({ procedure: '73030', side, diagnosis: code, orderedBy: provider });
      break;
    }
  }
  const pointers = [pointer];
  if (rng.chance(0.3)) pointers.push(plan.dx(conditionsFor(ctx, 1)[0].dx));
  const flu = fluShotToday(ctx);
  plan.line(em, pointers, { modifiers: flu ? ['25'] : [] });
  if (flu) addVaccine(ctx, plan, '90656');
}

function backPainVisit(ctx: VisitContext, plan: PlanBuilder): void {
  const { rng, provider } = ctx;
  const em = rng.weighted([['99213', 60], ['99214', 40]]);
  // Dr. Quenby's superbill still lists the pre-2021 code.
  const outdated = provider.key === 'quenby' && rng.chance(0.85);
  const dx = outdated ? 'M54.5' : rng.weighted([['M54.50', 50], ['M54.59', 25], ['M54.51', 10], ['M54.16', 15]]);
  const pointers = [plan.dx(dx)];
  if (rng.chance(0.35)) pointers.push(plan.dx(conditionsFor(ctx, 1)[0].dx));
  const planted = outdated ? 'outdated-dx-m54.5' : undefined;
  plan.line(em, pointers, { planted });
  if (ctx.payer === 'medicare' && rng.chance(0.55)) plan.line('G2211', [pointers[0]], { planted });
  if (!outdated && rng.chance(0.2)) plan.order({ procedure: '72100', side: null, diagnosis: dx, orderedBy: provider });
}

function preventiveVisit(ctx: VisitContext, plan: PlanBuilder): void {
  const { rng, age } = ctx;
  const exam = plan.dx(rng.chance(0.7) ? 'Z00.00' : 'Z00.01');
  const conditions = rng.chance(0.6) ? conditionsFor(ctx, rng.int(1, 2)) : [];
  const pointers = [exam, ...conditions.map((c) => plan.dx(c.dx))];
  let code: string;
  if (ctx.payer === 'medicare') {
    // 99397 to Medicare is a front-desk mistake: routine physicals are not a Part B benefit.
    code = rng.weighted([['G0439', 80], ['G0438', 12], ['99397', 8]]);
  } else {
    code = age < 40 ? '99395' : age < 65 ? '99396' : '99397';
  }
  plan.line(code, pointers);
  if (rng.chance(0.5)) {
    for (const lab of ['80053', '80061', '85025']) plan.line(lab, [exam]);
    plan.line('36415', [exam]);
  }
}

function vaccineVisit(ctx: VisitContext, plan: PlanBuilder, fluSeason: boolean): void {
  const { rng, age } = ctx;
  const vaccine = rng.weighted<string>([
    ['90656', fluSeason ? 60 : 0],
    ['90715', 15],
    ['90677', age >= 65 ? 15 : 0],
    ['90750', age >= 50 ? 15 : 0],
  ]);
  addVaccine(ctx, plan, vaccine);
}

function addVaccine(ctx: VisitContext, plan: PlanBuilder, vaccine: string): void {
  const z23 = plan.dx('Z23');
  plan.line(vaccine, [z23]);
  // Medicare pays flu and pneumococcal administration under its own G codes.
  const admin = ctx.payer === 'medicare' && vaccine === '90656' ? 'G0008'
    : ctx.payer === 'medicare' && vaccine === '90677' ? 'G0009'
    : '90471';
  plan.line(admin, [z23]);
}

function fluShotToday(ctx: VisitContext): boolean {
  const month = monthOf(ctx.dos);
  const rate = month === 10 || month === 11 ? 0.22 : month === 12 || month === 1 ? 0.08 : 0;
  return ctx.rng.chance(rate);
}

function telephoneVisit(ctx: VisitContext, plan: PlanBuilder): void {
  const pointers = conditionsFor(ctx, ctx.rng.int(1, 2)).map((c) => plan.dx(c.dx));
  if (ctx.dos < TELEPHONE_FIXED_FROM) plan.line('99442', pointers, { planted: 'deleted-telephone-em-99442' });
  else plan.line(ctx.rng.pick(['98013', '98014']), pointers);
}
