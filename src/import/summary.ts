/**
 * An import's report in words, the same in the CLI and the app: one headline ("created 2 accounts, updated
 * 0, 1 unchanged; 1 row refused"), then a line per change and per refused row, and the ignored columns.
 */
import { withoutControls } from '../domain/printable.js'
import type { ImportReport } from './run.js'
import type { Refusal } from './rows.js'

/** One terminal line: text from the file or from peers never moves the cursor or colours the screen. */
const clean = (s: string) => withoutControls(s).replace(/\n/g, ' ')
const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`

export function refusalLine (r: Refusal): string {
  return clean(`row ${r.row}${r.column ? `, column "${r.column}"` : ''}: ${r.reason}`)
}

export function importSummary (r: ImportReport): { headline: string, changes: string[], refused: string[], notes: string[] } {
  const noun = r.shape === 'contacts' ? 'contact' : 'account'
  const verb = r.dryRun ? ['would create', 'would update'] : ['created', 'updated']
  const headline = clean(`${r.file}: ${verb[0]} ${plural(r.created, noun)}, ${verb[1]} ${r.updated}, ${r.unchanged} unchanged` +
    (r.refused.length ? `; ${plural(r.refused.length, 'row')} refused` : '') + (r.dryRun ? ' (dry run: nothing was changed)' : ''))
  const changes = r.changes.map(c => clean(`  ${c.action === 'create' ? (r.dryRun ? 'create' : 'created') : (r.dryRun ? 'update' : 'updated')}  row ${c.row}  ${c.account}` +
    (c.action === 'update' || r.shape === 'contacts' ? ` (${c.fields.join(', ')})` : '')))
  const notes = r.unknownColumns.length
    ? [clean(`ignored ${plural(r.unknownColumns.length, 'column')} no field matches: ${r.unknownColumns.map(c => `"${c}"`).join(', ')} (import one with --map "${r.unknownColumns[0]}=field")`)]
    : []
  return { headline, changes, refused: r.refused.map(refusalLine), notes }
}
