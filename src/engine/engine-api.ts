import type { Engine } from './engine.ts';

/**
 * The engine methods the page may call through the worker: an allow-list, so a new public
 * method of Engine is not callable from the page until it is added here. Loading
 * (loadFile/loadFiles, with File objects and progress) has its own worker message;
 * refresh, loadReference, the CLI's exports and `db` stay inside the worker.
 * Every answer crosses the worker as structured-clone data whose field names are
 * snake_case, as SQL names them (README "Where things live").
 */
export const CALLABLE = [
  'removeFile',
  'monthly',
  'kpis',
  'deniedLines',
  'lineDetail',
  'filterOptions',
  'files',
  'sourceDisagreements',
  'rejectGroups',
  'rejectRows',
  'rejectsCsv',
  'unmatched',
  'remittances',
  'unbalanced',
  'crosswalk',
  'crosswalkPayers',
  'crosswalkProcedures',
  'crosswalkSummary',
  'referenceOverview',
  'importReference',
  'removeImportedReference',
  'reviewMonths',
  'reviewKpis',
  'reviewPatterns',
  'payerTrend',
  'payerCategories',
  'providerTrend',
  'claimDetail',
  'deniedLinesCsv',
  'patternsCsv',
  'sampleFrame',
  'frameCsv',
  'drawSample',
  'auditResults',
  'worksheetCsv',
  'readWorksheetCsv',
  'checkBatch',
  'checkResult',
  'checkWorklistCsv',
  'clearCheck',
  'backtest',
  'actionOutcomes',
  'actionsCsv',
  'readActionsCsv',
  'codeSetChanges',
  'codeSetChangesCsv',
  'referenceGaps',
] as const satisfies readonly (keyof Engine)[];

export type EngineMethod = (typeof CALLABLE)[number];

/** What the page sees of the engine. */
export type EngineApi = Pick<Engine, EngineMethod>;

export function isCallable(method: string): method is EngineMethod {
  return (CALLABLE as readonly string[]).includes(method);
}
