/**
 * The import layer: spreadsheets (.csv, .xlsx) into accounts and contacts. Header matching and row
 * validation are pure (headers.ts, rows.ts, plan.ts); reading files is read-table.ts; run.ts puts them
 * together over the store. Used by `pat import` and the app's import on the accounts screen.
 */
export { runImport, type ImportOptions, type ImportReport, type ImportChange } from './run.js'
export { importSummary } from './summary.js'
export type { Refusal } from './rows.js'
