/**
 * What an import would do: each valid row matched to an account — by IR#, then by exact name, then to an
 * account an earlier row of the same file creates — and compared with what is recorded, so a row becomes a
 * create, an update of only the fields whose values differ, or nothing. List fields (IR#s, ports, PFIs,
 * categories) only gain values: a spreadsheet that lacks an IR# the team recorded does not remove it.
 * Pure: the recorded values come from a lookup the caller fills.
 */
import { ACCOUNT_FIELDS, type FieldValue } from '../domain/index.js'
import type { AccountRowValues, ContactRowValues, Refusal } from './rows.js'

export interface KnownAccount { id: string, name: string, iors: readonly string[] }

export type AccountOp =
  | { op: 'create', row: number, name: string, values: Record<string, FieldValue> }
  | { op: 'update', row: number, id: string, name: string, values: Record<string, FieldValue>, changed: string[] }
  | { op: 'unchanged', row: number, id: string, name: string }

/** Finds the account a row is about, or explains why the row cannot be placed. */
export class AccountMatcher {
  private readonly byIor = new Map<string, KnownAccount>()
  private readonly byName = new Map<string, KnownAccount>()

  constructor (known: readonly KnownAccount[]) { for (const k of known) this.remember(k) }

  remember (k: KnownAccount): void {
    for (const ior of k.iors) this.byIor.set(ior, k)
    if (!this.byName.has(k.name.trim())) this.byName.set(k.name.trim(), k)
  }

  /** The account by IR# (every IR# of the row must point to the same one), else by exact name. */
  match (iors: readonly string[], name: string | undefined): KnownAccount | undefined | { conflict: string } {
    const owners = [...new Set(iors.map(i => this.byIor.get(i)).filter((k): k is KnownAccount => k !== undefined))]
    if (owners.length > 1) return { conflict: `its IR#s belong to different accounts (${owners.map(o => `"${o.name}"`).join(' and ')}): split the row or fix the IR#s` }
    if (owners.length === 1) {
      const owner = owners[0]!
      const other = name !== undefined ? this.byName.get(name.trim()) : undefined
      if (other && other.id !== owner.id && iors.length) return { conflict: `its IR# belongs to "${owner.name}" but its name is that of another account: fix the name or the IR#` }
      return owner
    }
    return name !== undefined ? this.byName.get(name.trim()) : undefined
  }
}

const sameList = (a: readonly string[], b: readonly string[]) => b.every(v => a.includes(v))

/** The values of `wanted` that differ from `current` (lists: the union, when it adds anything). */
export function changedValues (current: Record<string, FieldValue | undefined>, wanted: Record<string, FieldValue>): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {}
  for (const spec of ACCOUNT_FIELDS) {
    if (!(spec.key in wanted)) continue
    const next = wanted[spec.key]!
    const before = current[spec.key]
    if (spec.kind === 'list') {
      const have = Array.isArray(before) ? before : []
      if (!sameList(have, next as string[])) out[spec.key] = [...have, ...(next as string[]).filter(v => !have.includes(v))]
    } else if ((before ?? null) !== next && !(spec.kind === 'longtext' && (before ?? '') === next)) out[spec.key] = next
  }
  return out
}

/**
 * Plans the account rows in file order. `recorded(id)` gives an existing account's current field values.
 * A row matched to an account an earlier row already imports is refused: one account, one row.
 */
export async function planAccounts (rows: readonly AccountRowValues[], known: readonly KnownAccount[],
  recorded: (id: string) => Promise<Record<string, FieldValue | undefined>>): Promise<{ ops: AccountOp[], refused: Refusal[] }> {
  const matcher = new AccountMatcher(known)
  const ops: AccountOp[] = []
  const refused: Refusal[] = []
  const rowOf = new Map<string, number>() // account (or placeholder of one the file creates) → the row that imports it
  for (const r of rows) {
    const iors = (r.values.iors as string[] | undefined) ?? []
    const name = typeof r.values.name === 'string' ? r.values.name : undefined
    const hit = matcher.match(iors, name)
    if (hit && 'conflict' in hit) { refused.push({ row: r.row, reason: hit.conflict }); continue }
    if (hit && rowOf.has(hit.id)) {
      refused.push({ row: r.row, reason: `row ${rowOf.get(hit.id)} already imports this account (same IR# or name): merge the two rows` })
      continue
    }
    if (!hit) {
      if (!name) { refused.push({ row: r.row, reason: `no account has IR# ${iors.join(', ')} and the row has no account name to create one with` }); continue }
      const placeholder = `row:${r.row}`
      rowOf.set(placeholder, r.row)
      matcher.remember({ id: placeholder, name, iors })
      ops.push({ op: 'create', row: r.row, name, values: r.values })
      continue
    }
    rowOf.set(hit.id, r.row)
    const changed = changedValues(await recorded(hit.id), r.values)
    const keys = Object.keys(changed)
    if (changed.iors) matcher.remember({ ...hit, iors: changed.iors as string[] })
    ops.push(keys.length
      ? { op: 'update', row: r.row, id: hit.id, name: hit.name, values: changed, changed: keys }
      : { op: 'unchanged', row: r.row, id: hit.id, name: hit.name })
  }
  return { ops, refused }
}

export type ContactOp =
  | { op: 'create', row: number, accountId: string, accountName: string, values: Record<string, FieldValue> }
  | { op: 'update', row: number, accountId: string, accountName: string, contactId: string, values: Record<string, FieldValue>, changed: string[] }
  | { op: 'unchanged', row: number, accountId: string, accountName: string }

export interface KnownContact { id: string, [key: string]: unknown }

/**
 * Plans contact rows: the account by IR# then exact name (it must exist); the contact within it by name and
 * side (case-insensitive), else created.
 */
export async function planContacts (rows: readonly ContactRowValues[], known: readonly KnownAccount[],
  contactsOf: (accountId: string) => Promise<KnownContact[]>): Promise<{ ops: ContactOp[], refused: Refusal[] }> {
  const matcher = new AccountMatcher(known)
  const ops: ContactOp[] = []
  const refused: Refusal[] = []
  const added = new Map<string, KnownContact[]>()
  for (const r of rows) {
    const hit = matcher.match(r.account.ior ? [r.account.ior] : [], r.account.name)
    if (!hit || 'conflict' in hit) {
      refused.push({ row: r.row, reason: hit ? hit.conflict : `no account ${r.account.ior ? `has IR# ${r.account.ior}` : `is named "${r.account.name}"`}: import the accounts first` })
      continue
    }
    const same = (c: KnownContact) => String(c.name ?? '').trim().toLowerCase() === String(r.values.name).trim().toLowerCase() && c.side === r.values.side
    const pending = added.get(hit.id) ?? []
    if (pending.some(same)) { refused.push({ row: r.row, reason: `an earlier row of the file adds the same contact to "${hit.name}": merge the two rows` }); continue }
    const existing = (await contactsOf(hit.id)).find(same)
    const base = { row: r.row, accountId: hit.id, accountName: hit.name }
    if (!existing) {
      ops.push({ op: 'create', ...base, values: r.values })
      added.set(hit.id, [...pending, { id: '', name: String(r.values.name), side: String(r.values.side) }])
      continue
    }
    const changed = Object.fromEntries(Object.entries(r.values).filter(([k, v]) => (existing[k] ?? null) !== v))
    const keys = Object.keys(changed)
    ops.push(keys.length ? { op: 'update', ...base, contactId: existing.id, values: changed, changed: keys } : { op: 'unchanged', ...base })
  }
  return { ops, refused }
}
