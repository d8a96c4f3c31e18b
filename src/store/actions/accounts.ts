/**
 * Account actions: create, change (directory fields in the workspace document, profile fields in the
 * account's own document), archive, and read. IR#s are validated and must be unique across the workspace.
 */
import * as Y from 'yjs'
import {
  ACCOUNT_FIELDS, ACCOUNT_HEADER_FIELDS, ACCOUNT_PROFILE_FIELDS, PLAN_FIELDS, checkIorsUnique, parseFields, parseIors,
  type AccountHeader, type FieldInput, type FieldValue, type Stage
} from '../../domain/index.js'
import { definitionBefore, definitionChanges, recordDefinitionChange } from '../definition-change.js'
import { initContainers, writeFields } from '../fields.js'
import { accountRoots, workspaceRoots } from '../schema.js'
import { readAccount, type AccountRecord } from '../snapshot.js'
import { readMarks, unseenCount } from '../seen-marks.js'
import type { Workspace } from '../workspace.js'

/** A row of the accounts list: `unseen` counts the others' changes since this member last opened it. */
export type AccountListRow = AccountHeader & {
  openItems: number
  nextDue?: string
  conflicts?: number
  unseen?: number
  /** Its summary was not read (a list of `first` rows only): openItems, nextDue and the counts are not known yet. */
  pending?: true
}

/** The workspace in numbers, as `pat status` gives it: counts of the active accounts, and of the archived. */
export interface AccountTotals {
  active: number
  archived: number
  /** Active accounts per SOP stage (stages with none are left out). */
  byStage: Partial<Record<Stage, number>>
  /** Open plan items of the active accounts, and the earliest next due date among them. */
  openItems: number
  nextDue?: string
}

const pick = (values: Record<string, FieldValue>, keys: readonly { key: string }[]) =>
  Object.fromEntries(Object.entries(values).filter(([k]) => keys.some(s => s.key === k)))

export class AccountActions {
  constructor (private readonly ws: Workspace) {}

  /**
   * The accounts with their summaries. `unseen` (this member's own view: how many of the others' changes
   * they have not seen) only when asked, so that two replicas of the same state list the same rows.
   * `first`: summaries only for the first `first` accounts that are not archived, in list order — what the
   * app's first screen shows — read key by key; the other rows come `pending`, for a full list to follow
   * (at 10,000 accounts reading every summary is ~0.2 s of the app's start).
   */
  async list (opts: { archived?: boolean, unseen?: boolean, first?: number } = {}): Promise<AccountListRow[]> {
    const headers = this.ws.headers({ ...(opts.archived !== undefined ? { archived: opts.archived } : {}) })
    const first = opts.first === undefined ? undefined : new Set(headers.filter(h => !h.archived).slice(0, opts.first).map(h => h.id))
    const summaries = first ? await this.ws.summaries.getSome([...first]) : await this.ws.summaries.get(headers.map(h => h.id))
    const marks = opts.unseen ? await readMarks(this.ws.database, this.ws.member.id) : undefined
    const me = this.ws.member.id
    return headers.map(h => {
      // Object.assign, not spread syntax: spreading these headers took ~50 ms for 10,000 rows, this ~3.
      if (first && !first.has(h.id)) return Object.assign({}, h, { openItems: 0, pending: true as const })
      const s = summaries.get(h.id)
      const row: AccountListRow = Object.assign({}, h, { openItems: s?.openItems ?? 0 })
      if (s?.nextDue) row.nextDue = s.nextDue
      row.conflicts = s?.conflicts ?? 0
      if (marks) row.unseen = s ? unseenCount(s.edits, marks.get(h.id), me) : 0
      return row
    })
  }

  /**
   * The workspace in numbers, from the directory and the summaries as `list` reads them, without making a row
   * per account (at 10,000 accounts the rows were ~14 ms of `pat status`, measured interleaved).
   */
  async totals (): Promise<AccountTotals> {
    const all = this.ws.headers()
    const active = all.filter(h => !h.archived)
    const summaries = await this.ws.summaries.get(active.map(h => h.id))
    const totals: AccountTotals = { active: active.length, archived: all.length - active.length, byStage: {}, openItems: 0 }
    for (const h of active) {
      totals.byStage[h.stage] = (totals.byStage[h.stage] ?? 0) + 1
      const s = summaries.get(h.id)
      totals.openItems += s?.openItems ?? 0
      if (s?.nextDue && (totals.nextDue === undefined || s.nextDue < totals.nextDue)) totals.nextDue = s.nextDue
    }
    return totals
  }

  /** The account as it is now; `markSeen` also records that this member has seen it (its changes are no longer unseen). */
  async show (ref: string, opts: { markSeen?: boolean } = {}): Promise<AccountRecord> {
    const header = this.ws.resolveAccount(ref)
    const doc = await this.ws.accountDoc(header.id)
    if (opts.markSeen) await this.ws.markSeen(header.id)
    return readAccount(header, doc)
  }

  async add (input: FieldInput): Promise<AccountRecord> {
    const values = parseFields(ACCOUNT_FIELDS, { stage: 'select', kind: 'port', ...input }, 'create')
    const iors = (values.iors as string[] | undefined) ?? []
    values.iors = checkIorsUnique(iors, this.ws.iorOwners(parseIors(iors)))
    const id = this.ws.newAccountId(String(values.name))
    await this.ws.edit(id, 'account.add', (acc, wsDoc) => ({ result: undefined, summary: createAccount(this.ws, id, values, acc, wsDoc) }))
    return this.show(id)
  }

  /** Changes fields; `forced` says in the activity log why a move the SOP forbids was made anyway. */
  async set (ref: string, input: FieldInput, opts: { forced?: string } = {}): Promise<AccountRecord> {
    const header = this.ws.resolveAccount(ref)
    const values = parseFields(ACCOUNT_FIELDS, input, 'patch')
    if (values.iors) values.iors = checkIorsUnique(values.iors as string[], this.ws.iorOwners(parseIors(values.iors as string[]), header.id))
    await this.ws.edit(header.id, 'account.set', (acc, wsDoc) => {
      const changes = writeAccountFields(this.ws, header.id, values, acc, wsDoc)
      const summary = changes.length ? changes.join('; ') + (opts.forced ? ` (forced: ${opts.forced})` : '') : undefined
      return { result: undefined, summary }
    })
    return this.show(header.id)
  }

  async archive (ref: string, archived = true): Promise<AccountHeader> {
    const header = this.ws.resolveAccount(ref)
    await this.ws.edit(header.id, archived ? 'account.archive' : 'account.unarchive', (_acc, wsDoc) => {
      const entry = workspaceRoots(wsDoc).accounts.get(header.id)!
      if ((entry.get('archived') === true) === archived) return { result: undefined, summary: undefined }
      entry.set('archived', archived)
      return { result: undefined, summary: archived ? 'archived the account' : 'restored the account from the archive' }
    })
    return this.ws.header(header.id)
  }
}

/**
 * Writes a new account (validated values, unique IR#s) into the directory and its own document, inside an
 * edit; returns the activity summary. Used by `add` and by imports.
 */
export function createAccount (ws: Workspace, id: string, values: Record<string, FieldValue>, acc: Y.Doc, wsDoc: Y.Doc): string {
  const entry = new Y.Map<unknown>()
  workspaceRoots(wsDoc).accounts.set(id, entry)
  entry.set('createdAt', ws.stamp())
  entry.set('createdBy', ws.member.id)
  const { profile, plan } = accountRoots(acc)
  initContainers(entry, ACCOUNT_HEADER_FIELDS)
  initContainers(profile, ACCOUNT_PROFILE_FIELDS)
  initContainers(plan, PLAN_FIELDS)
  writeFields(entry, ACCOUNT_HEADER_FIELDS, pick(values, ACCOUNT_HEADER_FIELDS), ws.now())
  writeFields(profile, ACCOUNT_PROFILE_FIELDS, pick(values, ACCOUNT_PROFILE_FIELDS), ws.now())
  const iors = (values.iors as string[] | undefined) ?? []
  return `created account "${String(values.name)}"${iors.length ? ` (IR# ${iors.join(', ')})` : ''}`
}

/**
 * Writes changed account fields (directory and profile) inside an edit; returns the change descriptions. A
 * change of the account definition (IR#s, kind) also records the day it changed (definition-change.ts).
 */
export function writeAccountFields (ws: Workspace, id: string, values: Record<string, FieldValue>, acc: Y.Doc, wsDoc: Y.Doc): string[] {
  const entry = workspaceRoots(wsDoc).accounts.get(id)!
  const before = definitionBefore(entry, ACCOUNT_HEADER_FIELDS)
  const changes = [
    ...writeFields(entry, ACCOUNT_HEADER_FIELDS, pick(values, ACCOUNT_HEADER_FIELDS), ws.now()),
    ...writeFields(accountRoots(acc).profile, ACCOUNT_PROFILE_FIELDS, pick(values, ACCOUNT_PROFILE_FIELDS), ws.now())
  ]
  const changed = definitionChanges(entry, ACCOUNT_HEADER_FIELDS, before)
  const recorded = changed.length ? recordDefinitionChange(acc, ws.now(), `${changed.join(' and ')} changed`, values) : undefined
  return recorded ? [...changes, recorded] : changes
}
