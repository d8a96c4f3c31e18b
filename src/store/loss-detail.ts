/**
 * What a damaged database lost, said the way a member knows their data: the account by its name, and the
 * entries — contacts, plan items, checklist answers, activity log entries… — that a backup's copy of a
 * document holds and the recovered copy lacks. State vectors (store/db-manifest.ts) tell *that* changes
 * are missing and how many; only a copy that holds them (the backup) can tell *what* they were.
 *
 * Limits: an entry is compared by its id, a field by its key: an entry still there with an older value of
 * a field (an edit lost, not the entry) is counted among the changes, not named.
 */
import * as Y from 'yjs'
import { clip, quote } from '../domain/printable.js'
import type { Loss } from './db-manifest.js'
import { ACCOUNT_COLLECTIONS, WORKSPACE_DOC, accountIdOf, accountRoots, workspaceRoots, type AccountCollection } from './schema.js'

const NOUNS: Record<AccountCollection, [string, string]> = {
  locations: ['location', 'locations'],
  related: ['related company', 'related companies'],
  contacts: ['contact', 'contacts'],
  items: ['plan item', 'plan items'],
  cips: ['CIP', 'CIPs'],
  events: ['event', 'events'],
  approvals: ['approval', 'approvals'],
  requested: ['requested checklist item', 'requested checklist items'],
  ports: ['port', 'ports'],
  cipSteps: ['CIP action step', 'CIP action steps']
}

/** At most this many entries of one kind are named; the rest are counted. */
const NAMED = 3

/** Document name → how a member knows it: `account "Harbor Imports" [id]`, `the team's workspace`. */
export type DocLabels = (name: string) => string

/** Labels from the account directories of the given workspace documents (the first that knows a name wins). */
export function docLabels (...workspaces: Array<Y.Doc | undefined>): DocLabels {
  const names = new Map<string, string>()
  for (const doc of workspaces) {
    if (!doc) continue
    for (const [id, header] of workspaceRoots(doc).accounts.entries()) {
      const name = header instanceof Y.Map ? header.get('name') : undefined
      if (typeof name === 'string' && !names.has(id)) names.set(id, name)
    }
  }
  return name => {
    if (name === WORKSPACE_DOC) return 'the team\'s workspace (roster and account directory)'
    const id = accountIdOf(name)
    if (id === undefined) return clip(name)
    const known = names.get(id)
    return known === undefined ? `account [${id}]` : `account ${quote(known, 40)} [${id}]`
  }
}

/** `account "Harbor Imports" [id] (12 changes)`, … */
export function describeLosses (missing: readonly Loss[], label: DocLabels): string {
  return missing.map(l => `${label(l.doc)} (${l.missing === 'all' ? 'the whole document' : `${l.missing} change${l.missing === 1 ? '' : 's'}`})`).join(', ')
}

const count = (n: number, [one, many]: [string, string]) => `${n} ${n === 1 ? one : many}`

function entryLabel (entry: unknown): string | undefined {
  if (!(entry instanceof Y.Map)) return undefined
  for (const key of ['name', 'title', 'deficiency', 'type']) {
    const v = entry.get(key)
    if (typeof v === 'string' && v) return quote(v, 30)
    if (v instanceof Y.Text && v.length) return quote(v.toString(), 30)
  }
  return undefined
}

/** Keys of `before` that `after` lacks. */
const lostKeys = <T>(before: Y.Map<T>, after: Y.Map<T>) => [...before.keys()].filter(k => !after.has(k))

/** The parts of an account document that `before` holds and `after` lacks. */
function accountParts (before: Y.Doc, after: Y.Doc): string[] {
  const b = accountRoots(before)
  const a = accountRoots(after)
  const parts: string[] = []
  for (const c of ACCOUNT_COLLECTIONS) {
    const ids = lostKeys(b.collection(c), a.collection(c))
    if (!ids.length) continue
    const named = ids.slice(0, NAMED).map(id => entryLabel(b.collection(c).get(id)) ?? `[${id}]`)
    parts.push(`${count(ids.length, NOUNS[c])} (${named.join(', ')}${ids.length > NAMED ? ', …' : ''})`)
  }
  const answers = lostKeys(b.checklist, a.checklist)
  if (answers.length) parts.push(`${count(answers.length, ['checklist answer', 'checklist answers'])} (${answers.slice(0, NAMED).join(', ')}${answers.length > NAMED ? ', …' : ''})`)
  // A long-text field is created empty with its account: only one that held text is a loss.
  const held = (m: Y.Map<unknown>) => (k: string) => {
    const v = m.get(k)
    return v instanceof Y.Text || v instanceof Y.Array ? v.length > 0 : v instanceof Y.Map ? v.size > 0 : v !== '' && v !== null
  }
  const fields = [...lostKeys(b.profile, a.profile).filter(held(b.profile)), ...lostKeys(b.plan, a.plan).filter(held(b.plan))]
  if (fields.length) parts.push(`${count(fields.length, ['profile or plan field', 'profile or plan fields'])} (${fields.slice(0, NAMED).join(', ')}${fields.length > NAMED ? ', …' : ''})`)
  const log = b.log.length - a.log.length
  if (log > 0) parts.push(count(log, ['activity log entry', 'activity log entries']))
  return parts
}

/** The parts of the workspace document that `before` holds and `after` lacks: accounts and members. */
function workspaceParts (before: Y.Doc, after: Y.Doc): string[] {
  const b = workspaceRoots(before)
  const a = workspaceRoots(after)
  const parts: string[] = []
  const accounts = lostKeys(b.accounts, a.accounts)
  if (accounts.length) parts.push(`${count(accounts.length, ['account', 'accounts'])} in the directory (${accounts.slice(0, NAMED).map(id => entryLabel(b.accounts.get(id)) ?? `[${id}]`).join(', ')}${accounts.length > NAMED ? ', …' : ''})`)
  const members = lostKeys(b.members, a.members)
  if (members.length) parts.push(`${count(members.length, ['roster entry', 'roster entries'])} (${members.slice(0, NAMED).map(id => quote(String(b.members.get(id)?.name ?? id), 30)).join(', ')})`)
  return parts
}

/**
 * One line per document naming what the backup's copy (`before`, a full update) holds that the recovered
 * copy lacks, or its count of changes when nothing is missing entry by entry (an older value came back).
 */
export function lossLines (missing: readonly Loss[], backupDocs: ReadonlyMap<string, Uint8Array>, recovered: (name: string) => Y.Doc | undefined, label: DocLabels): string[] {
  const out: string[] = []
  for (const loss of missing) {
    const update = backupDocs.get(loss.doc)
    if (!update) continue
    const before = new Y.Doc()
    Y.applyUpdate(before, update)
    const after = recovered(loss.doc) ?? new Y.Doc()
    const parts = loss.doc === WORKSPACE_DOC ? workspaceParts(before, after) : accountIdOf(loss.doc) !== undefined ? accountParts(before, after) : []
    const changes = loss.missing === 'all' ? 'the whole document' : count(loss.missing, ['change', 'changes'])
    out.push(`lost from ${label(loss.doc)}: ${parts.length ? parts.join(', ') : changes}${parts.length ? ` (${changes})` : ''}`)
    before.destroy()
    after.destroy()
  }
  return out
}
