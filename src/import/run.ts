/**
 * `pat import` and the app's import, start to finish: read the file, match its columns, validate each row,
 * plan against what is recorded, and — unless it is a dry run — write the good rows. A refused row changes
 * nothing; the report says what was (or would be) created, updated, left alone and refused.
 */
import { basename } from 'node:path'
import { InputError, STAGES, stageBlockMessage, stageMoveBlock, type Stage } from '../domain/index.js'
import type { Store } from '../store/index.js'
import { matchHeaders, parseMappings, type ImportShape } from './headers.js'
import { AccountMatcher, planAccounts, planContacts, type AccountOp, type KnownAccount } from './plan.js'
import { readTable } from './read-table.js'
import { accountRow, contactRow, isRefusal, type AccountRowValues, type ContactRowValues, type Refusal } from './rows.js'

export interface ImportOptions {
  shape?: ImportShape
  map?: readonly string[]
  sheet?: string
  dryRun?: boolean
  onProgress?: (done: number, total: number) => void
}

export interface ImportChange { row: number, action: 'create' | 'update', account: string, id?: string, fields: string[] }

export interface ImportReport {
  file: string
  shape: ImportShape
  dryRun: boolean
  created: number
  updated: number
  unchanged: number
  refused: Refusal[]
  unknownColumns: string[]
  changes: ImportChange[]
}

export async function runImport (store: Store, path: string, opts: ImportOptions = {}): Promise<ImportReport> {
  const shape = opts.shape ?? 'accounts'
  const mappings = parseMappings(opts.map ?? [], shape)
  const table = await readTable(path, opts.sheet !== undefined ? { sheet: opts.sheet } : {})
  const { fields, unknown } = matchHeaders(table.headers, shape, mappings)
  const file = basename(path)
  checkColumns(fields, table.headers, shape, file)
  const refused: Refusal[] = []
  const report = (ops: Array<{ op: string, row: number }>, changes: ImportChange[]): ImportReport => ({
    file,
    shape,
    dryRun: Boolean(opts.dryRun),
    created: ops.filter(o => o.op === 'create').length,
    updated: ops.filter(o => o.op === 'update').length,
    unchanged: ops.filter(o => o.op === 'unchanged').length,
    refused: refused.sort((a, b) => a.row - b.row),
    unknownColumns: unknown,
    changes
  })
  const progress = opts.onProgress ? { onProgress: opts.onProgress } : {}

  if (shape === 'contacts') {
    const good: ContactRowValues[] = []
    for (const r of table.rows) { const v = contactRow(r, fields, table.headers); if (isRefusal(v)) refused.push(v); else good.push(v) }
    const plan = await planContacts(good, store.imports.known(), id => store.imports.contacts(id))
    refused.push(...plan.refused)
    const writes = plan.ops.filter(o => o.op !== 'unchanged') as Array<Exclude<typeof plan.ops[number], { op: 'unchanged' }>>
    if (!opts.dryRun) await store.imports.applyContacts(writes, { source: file, ...progress })
    return report(plan.ops, writes.map(o => ({ row: o.row, action: o.op, account: o.accountName, id: o.accountId, fields: Object.keys(o.values) })))
  }

  const good: AccountRowValues[] = []
  for (const r of table.rows) { const v = accountRow(r, fields, table.headers); if (isRefusal(v)) refused.push(v); else good.push(v) }
  const known = store.imports.known()
  await store.imports.preload(matchedIds(good, known))
  const plan = await planAccounts(good, known, id => store.imports.recorded(id))
  refused.push(...plan.refused)
  plan.ops = await withoutGatedMoves(store, plan.ops, refused)
  const writes = plan.ops.filter(o => o.op !== 'unchanged') as Array<Exclude<typeof plan.ops[number], { op: 'unchanged' }>>
  const ids = opts.dryRun ? [] : await store.imports.applyAccounts(writes, { source: file, ...progress })
  return report(plan.ops, writes.map((o, i) => ({
    row: o.row, action: o.op, account: o.name, ...(o.op === 'update' ? { id: o.id } : ids[i] ? { id: ids[i] } : {}), fields: o.op === 'update' ? o.changed : Object.keys(o.values)
  })))
}

/**
 * A row that would take an account out of Select before OI clearance is refused, as `pat account set
 * --stage` is (domain/stage-gate.ts: "you must notify the NASC and wait for OI clearance before beginning
 * your work"): an import is no way around the one move the SOP forbids.
 */
async function withoutGatedMoves (store: Store, ops: AccountOp[], refused: Refusal[]): Promise<AccountOp[]> {
  const kept: AccountOp[] = []
  for (const o of ops) {
    const to = o.op === 'update' && typeof o.values.stage === 'string' && (STAGES as readonly string[]).includes(o.values.stage) ? o.values.stage as Stage : undefined
    const record = to && o.op === 'update' ? await store.accounts.show(o.id) : undefined
    if (record && to && stageMoveBlock(record, to)) {
      refused.push({ row: o.row, column: 'stage', reason: stageBlockMessage(record, to, `move it with \`pat stage ${record.id} set ${to} --force\`, then import again`) })
    } else kept.push(o)
  }
  return kept
}

/** A file whose columns cannot place a row in any account is refused as a whole. */
function checkColumns (fields: ReadonlyArray<string | null>, headers: readonly string[], shape: ImportShape, file: string): void {
  const has = (k: string) => fields.includes(k)
  const list = headers.map(h => `"${h.trim()}"`).join(', ')
  if (shape === 'accounts' && !has('name') && !has('iors')) {
    throw new InputError(`no column of ${file} names the account or its IR# (columns: ${list}): head them e.g. "Account Name" and "IR #", or use --map "Column=name"`, 'file')
  }
  if (shape === 'contacts' && (!has('accountName') && !has('accountIor'))) {
    throw new InputError(`no column of ${file} says which account a contact belongs to (columns: ${list}): add "Account" or "IR #", or use --map "Column=accountIor"`, 'file')
  }
  if (shape === 'contacts' && !has('name')) throw new InputError(`no column of ${file} holds the contact's name (columns: ${list}): add "Name", or use --map "Column=name"`, 'file')
}

/** The recorded accounts the rows will be compared with (loaded together before planning). */
function matchedIds (rows: readonly AccountRowValues[], known: readonly KnownAccount[]): string[] {
  const matcher = new AccountMatcher(known)
  const ids = new Set<string>()
  for (const r of rows) {
    const hit = matcher.match((r.values.iors as string[] | undefined) ?? [], typeof r.values.name === 'string' ? r.values.name : undefined)
    if (hit && !('conflict' in hit)) ids.add(hit.id)
  }
  return [...ids]
}
