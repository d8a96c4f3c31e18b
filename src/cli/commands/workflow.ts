/**
 * The SOP workflow commands: `pat due` (the due-date dashboard: reviews, CIP and OST deadlines, plan items,
 * soonest first, overdue highlighted) and `pat account check ACCOUNT` (the selection criteria against the
 * recorded data: pass, fail or unknown with what is missing).
 */
import type { Command } from 'commander'
import {
  DUE_RULE_INFO, InputError, checkEligibility, parseDate, parsePeriod, today,
  type CriterionResult, type DueEntry, type SelectionBasis
} from '../../domain/index.js'
import { iorDuplicateLine, type DueQuery } from '../../store/index.js'
import { READS_ACCOUNTS, withStore, type CliContext } from '../context.js'
import { truncate, wrapWords } from '../format.js'
import { helpAfter } from '../help-text.js'
import { printJson, tableWidth } from '../io.js'
import { jsonAnswer, printKept, textAnswer } from '../kept-output.js'
import { printableLine } from '../../domain/printable.js'
import { dueAs, listFormat } from '../table-formats.js'

const RED = (s: string) => `\u001b[31m${s}\u001b[39m`

export function registerWorkflow (program: Command, ctx: CliContext): void {
  program.command('due')
    .description('what falls due: profile and plan reviews, quarterly activity reviews, CIP and OST deadlines, plan items — soonest first')
    .option('-w, --within <period>', 'only what falls due within this period: 30d, 6w, 3m, 1y (overdue entries always show)')
    .option('-a, --account <account>', 'only this account')
    .option('--as-of <date>', 'compute as if today were DATE (YYYY-MM-DD)')
    .option('--json', 'print JSON: [{date, accountId, accountName, rule, ruleText, kind, title, overdue, daysLeft, since?, ref?, note?}]')
    .option('-f, --format <format>', 'text (default), csv (the --json columns), or ics (a calendar: one all-day event per entry, stable UIDs)')
    .option('-o, --out <file>', 'write the csv or ics to FILE instead of printing it')
    .addHelpText('after', helpAfter([], { title: 'Rules:', rows: Object.entries(DUE_RULE_INFO).map(([id, r]) => [id, r.text] as const) }))
    .action(async (opts: { within?: string, account?: string, asOf?: string, json?: boolean, format?: string, out?: string }) => {
      const format = listFormat(opts.format, ['text', 'csv', 'ics'])
      const now = opts.asOf ? parseDate(opts.asOf, '--as-of date') : today()
      const withinDays = opts.within === undefined ? undefined : parsePeriod(opts.within, now)
      const query: DueQuery = { today: now, ...(withinDays !== undefined ? { withinDays } : {}), ...(opts.account ? { account: opts.account } : {}) }
      if (format !== 'text') { await dueAs(ctx, await withStore(ctx, s => s.workflow.due(query), READS_ACCOUNTS), format, opts.out); return }
      // What falls due depends on the directory, the stored due inputs and the day (and the options); the
      // table on the terminal's width and colour.
      const width = tableWidth(ctx.io)
      const variant = JSON.stringify([query, opts.json ? 'json' : [width, ctx.io.color, opts.within]])
      await printKept(ctx, { name: 'due', variant, parts: ['workspace', 'summaries'] }, READS_ACCOUNTS, async s => {
        const entries = await s.workflow.due(query)
        return opts.json ? jsonAnswer(entries) : textAnswer(dueTable(entries, now, width, ctx.io.color, opts.within), true)
      })
    })

  const account = program.commands.find(c => c.name() === 'account') ?? program.command('account')
  account.command('check').argument('<account>', 'account id, id prefix or name')
    .description('check the SOP\'s selection criteria against what is recorded: pass, fail, or unknown (and what is missing)')
    .option('--as <basis>', 'port (Port Account Team) or national (full-time Account Manager); default: the account\'s kind')
    .option('--json', 'print JSON: {accountId, accountName, basis, result, criteria[{id, criterion, status, detail, missing?, advisory?}], duplicateIors[{ior, accounts[{id, name}]}]}')
    .action(async (ref: string, opts: { as?: string, json?: boolean }) => {
      if (opts.as !== undefined && opts.as !== 'port' && opts.as !== 'national') throw new InputError(`invalid --as "${opts.as}": use port or national`, 'as')
      const { record, duplicates } = await withStore(ctx, async s => {
        const record = await s.accounts.show(ref)
        return { record, duplicates: s.ws.duplicateIors().filter(d => d.accounts.some(a => a.id === record.id)) }
      }, READS_ACCOUNTS)
      const report = checkEligibility(record, opts.as as SelectionBasis | undefined)
      const out = { accountId: record.id, accountName: record.name, ...report, duplicateIors: duplicates }
      if (opts.json) { printJson(ctx.io, out); return }
      const head = `${record.name} — ${report.basis === 'national' ? 'full-time Account Manager' : 'port account'} selection criteria (SOP, Select an Account)`
      const lines = [head, '']
      const ports = record.ports.map(p => String(p.name))
      for (const c of report.criteria) lines.push(...criterionLines(c, record.id, ports))
      const counts = (['pass', 'fail', 'unknown'] as const).map(st => `${report.criteria.filter(c => !c.advisory && c.status === st).length} ${st}`).join(', ')
      lines.push('', `Result: ${report.result.toUpperCase()} (${counts}; goals are not counted)`)
      // Two members can add one IR# to two accounts offline; the merge keeps both (issue 15, point 7).
      if (duplicates.length > 0) lines.push('', ...duplicates.map(d => `⚠ ${iorDuplicateLine(d)}`))
      ctx.io.out(lines.join('\n'))
    })
}

function dueTable (entries: readonly DueEntry[], now: string, width: number, color: boolean, within?: string): string {
  if (entries.length === 0) return within ? `Nothing falls due within ${within}.` : 'Nothing falls due: no dates recorded yet.'
  const when = (e: DueEntry) => e.overdue ? `OVERDUE ${-e.daysLeft}d` : e.daysLeft === 0 ? 'today' : `in ${e.daysLeft}d`
  const indent = ' '.repeat(12)
  const ruleWidth = Math.max(...entries.map(e => e.rule.length))
  const body = entries.flatMap(e => {
    const lines = [
      truncate(printableLine(`${e.date}  ${when(e).padEnd(12)} ${e.rule.padEnd(ruleWidth)}  ${e.accountName ?? '(whole workspace)'}`), width),
      truncate(printableLine(`${indent}${e.title}${e.note ? ` — ${e.note}` : ''}`), width)
    ]
    return color && e.overdue ? lines.map(RED) : lines
  })
  const overdue = entries.filter(e => e.overdue).length
  const rules = [...new Set(entries.map(e => e.rule))]
  return [
    ...body,
    '',
    `${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} as of ${now}${overdue ? `, ${overdue} overdue` : ''}${within ? `, within ${within}` : ''}. Rules:`,
    ...rules.flatMap(r => wrapWords(`${r}: ${DUE_RULE_INFO[r].text}`, width, '    ', true, '  '))
  ].join('\n')
}

const FIELD_HINTS: Record<string, (id: string) => string> = {
  importValue: id => `pat account set ${id} --import-value AMOUNT`,
  nationalRank: id => `pat account set ${id} --national-rank N`,
  pfiShare: id => `pat account set ${id} --pfi-share PERCENT`,
  leadPort: id => `pat account set ${id} --lead-port PORT`,
  ports: id => `pat port add ${id} --name PORT --share PERCENT --rank N`
}

/** How to record a missing value: `ports[Seattle].concurrence` → `pat port set ID "Seattle" --concurrence yes`. */
function hint (missing: string, accountId: string, ports: readonly string[]): string {
  const m = /^ports\[(.+)\]\.(\w+)$/.exec(missing)
  if (m) {
    const flag = m[2] === 'concurrence' ? '--concurrence yes|no|pending' : `--${m[2]} ${m[2] === 'share' ? 'PERCENT' : 'N'}`
    return ports.some(p => p.toLowerCase() === m[1]!.toLowerCase())
      ? `pat port set ${accountId} "${m[1]}" ${flag}`
      : `pat port add ${accountId} --name "${m[1]}" --share PERCENT --rank N`
  }
  return FIELD_HINTS[missing]?.(accountId) ?? missing
}

function criterionLines (c: CriterionResult, accountId: string, ports: readonly string[]): string[] {
  const tag = (c.advisory ? 'goal ' : '') + c.status.toUpperCase()
  const out = [`  ${tag.padEnd(13)}${c.criterion}`, `  ${''.padEnd(13)}${c.detail}`]
  for (const m of c.missing ?? []) out.push(`  ${''.padEnd(13)}missing ${m}: ${hint(m, accountId, ports)}`)
  return out
}
