/**
 * `pat import FILE [--contacts] [--map "Column=field"]… [--sheet NAME] [--dry-run] [--json]`: accounts (or
 * contacts) from a .csv or .xlsx spreadsheet. The import code and its libraries are loaded only when this
 * command runs. Exit 0 when every row applied (or would apply), 1 when any row was refused.
 */
import { resolve } from 'node:path'
import type { Command } from 'commander'
import { withStore, type CliContext } from '../context.js'
import { collect } from '../field-options.js'
import { EXIT, Forwarded } from '../errors.js'
import { printJson } from '../io.js'
import { helpAfter } from '../help-text.js'

interface ImportOpts { contacts?: boolean, map?: string[], sheet?: string, dryRun?: boolean, json?: boolean }

export function registerImport (program: Command, ctx: CliContext): void {
  program.command('import').argument('<file>', 'a .csv or .xlsx file, one account (or contact) per row, the first row naming the columns')
    .description('import accounts (or contacts) from a spreadsheet: new ones created, known ones (same IR#, else same name) updated')
    .option('--contacts', 'the rows are contacts: each names its account (IR# or account name), the contact\'s name and side (account|customs|agency)')
    .option('--map <column=field>', 'read the column headed COLUMN as FIELD (e.g. --map "Acct Nbr=iors"; FIELD "ignore" drops it); repeatable', collect)
    .option('--sheet <name>', 'the worksheet of an .xlsx file to read (default: the first)')
    .option('-n, --dry-run', 'show what would be created, updated and refused, and change nothing')
    .option('--json', 'print JSON: {created, updated, unchanged, refused: [{row, column?, reason}], unknownColumns: [], changes: [...]}')
    .addHelpText('after', helpAfter([
      'Columns are matched by header, ignoring case and spacing: Name/Account Name, IR #/IR#s/Importer of record (several IR#s in one cell separated by ; or ,), Kind, Lead Port, Stage, Import Value, Duties, National Rank, PFI Share, PFIs, Partner Ports, Categories, Address, Notes, … Columns that match nothing are listed and ignored.',
      'Every value is checked as `pat account set` checks it; a refused row changes nothing. Empty cells never clear a recorded value, and lists (IR#s, ports, PFIs) only gain values. Importing the same file again changes nothing.'
    ]))
    .action(async (file: string, opts: ImportOpts) => {
      const { runImport, importSummary } = await import('../../import/index.js')
      const tty = !ctx.shared && Boolean(process.stderr.isTTY) && !opts.json
      const report = await withStore(ctx, s => runImport(s, resolve(ctx.io.cwd, file), {
        shape: opts.contacts ? 'contacts' : 'accounts',
        ...(opts.map ? { map: opts.map } : {}),
        ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}),
        dryRun: Boolean(opts.dryRun),
        ...(tty ? { onProgress: (done: number, total: number) => { process.stderr.write(`\rimporting… ${done} of ${total} rows written${done === total ? '\n' : ''}`) } } : {})
      }))
      const words = importSummary(report)
      if (opts.json) printJson(ctx.io, report)
      else {
        ctx.io.out(words.headline)
        if (words.changes.length) ctx.io.out(words.changes.join('\n'))
      }
      for (const line of words.refused) ctx.io.err(`refused: ${line}`)
      for (const line of words.notes) ctx.io.err(`note: ${line}`)
      if (report.refused.length) throw new RowsRefused()
    })
}

/**
 * Ends the command with exit 1 after its report is printed: errors.ts turns a Forwarded into its exit code
 * without printing anything more (the refused rows were already listed, one line each).
 */
class RowsRefused extends Forwarded {
  constructor () { super(EXIT.input) }
}
