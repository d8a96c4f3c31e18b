/**
 * The account directory of the workspace document, read for the accounts list and for IR# uniqueness, with
 * what it costs to read kept in memory: each account's header (read once, again only after it changed), the
 * list sorted by name, and an index of IR# → accounts. Whatever changes the directory — an edit, an undo, an
 * update from a peer — reaches us through observeDeep, which invalidates just the accounts it touched; so
 * adding the 10,001st account, or listing 10,000, does not read every account again.
 *
 * A directory can also be the fixed list of a stored snapshot (store/directory-snapshot.ts), for a
 * workspace opened to read accounts without its workspace document.
 */
import type * as Y from 'yjs'
import type { AccountHeader } from '../domain/index.js'
import { readHeader } from './snapshot.js'

// What String#localeCompare uses, without building it per comparison; made when first needed, as building
// ICU's collation data takes ~8 ms, which a directory read from a stored sorted list never needs.
let collator: Intl.Collator | undefined
const compareText = (a: string, b: string) => (collator ??= new Intl.Collator()).compare(a, b)
/** The order of `list()`, by name then id: what the app's accounts screen shows by default (ui/format/accounts.ts). */
const byName = (a: AccountHeader, b: AccountHeader) => compareText(a.name, b.name) || compareText(a.id, b.id)
/** Above this many changed accounts, `listFrom` reads and sorts the whole list instead of patching. */
const PATCH_LIMIT = 1000

/** Where a directory reads its accounts from. */
interface HeaderSource {
  ids: () => string[]
  read: (id: string) => AccountHeader | undefined
}

export class AccountDirectory {
  private readonly cached = new Map<string, AccountHeader>()
  /** IR# → ids of the accounts listing it (normally one; concurrent offline edits can make it two). */
  private iorIndex: Map<string, Set<string>> | undefined
  private readonly unindexed = new Set<string>()
  /** Accounts changed since the directory was made. */
  private readonly touched = new Set<string>()

  private constructor (private readonly source: HeaderSource, private sorted?: readonly AccountHeader[]) {}

  /**
   * The directory of the workspace document's `accounts` map, following its changes; `sorted`, when given,
   * is that map's list as it is now (a current snapshot's), so the first list does not read every account.
   */
  static live (accounts: Y.Map<Y.Map<unknown>>, sorted?: readonly AccountHeader[]): AccountDirectory {
    const dir = new AccountDirectory({
      ids: () => [...accounts.keys()],
      read: id => { const map = accounts.get(id); return map && readHeader(id, map) }
    }, sorted)
    accounts.observeDeep(events => {
      for (const e of events) {
        for (const id of e.target === accounts ? e.keys.keys() : [String(e.path[0])]) dir.invalidate(id)
      }
    })
    return dir
  }

  /** A directory that does not change: headers already in list order (a stored snapshot). */
  static fixed (sorted: readonly AccountHeader[]): AccountDirectory {
    // The index by id is made on the first lookup: a list needs only the sorted headers, and indexing
    // 10,000 of them took ~8 ms of `pat account list` (with the garbage it leaves).
    let byId: Map<string, AccountHeader> | undefined
    const index = () => (byId ??= new Map(sorted.map(h => [h.id, h])))
    return new AccountDirectory({ ids: () => [...index().keys()], read: id => index().get(id) }, sorted)
  }

  ids (): string[] { return this.source.ids() }

  /** The account's header, or undefined if there is no such account. */
  get (id: string): AccountHeader | undefined {
    let h = this.cached.get(id)
    if (!h) {
      h = this.source.read(id)
      if (!h) return undefined
      this.cached.set(id, h)
    }
    return h
  }

  /** Every account, by name (then id). */
  list (): readonly AccountHeader[] {
    this.sorted ??= this.ids().map(id => this.get(id)!).sort(byName)
    return this.sorted
  }

  /**
   * The same list, made from `before` — the list as it was when this directory was made — and the accounts
   * changed since: a few changes cost a few insertions, not reading and sorting every account.
   */
  listFrom (before: readonly AccountHeader[]): readonly AccountHeader[] {
    if (this.sorted || this.touched.size > PATCH_LIMIT) return this.list()
    const out = before.filter(h => !this.touched.has(h.id))
    for (const id of this.touched) {
      const h = this.get(id)
      if (!h) continue
      let lo = 0
      let hi = out.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (byName(out[mid]!, h) < 0) lo = mid + 1
        else hi = mid
      }
      out.splice(lo, 0, h)
    }
    return out
  }

  /** For each of `iors` that an account other than `except` lists: that account's name. */
  owners (iors: readonly string[], except?: string): Map<string, string> {
    const index = this.index()
    const out = new Map<string, string>()
    for (const ior of iors) {
      const id = [...index.get(ior) ?? []].find(id => id !== except)
      if (id) out.set(ior, this.get(id)!.name)
    }
    return out
  }

  /**
   * IR#s that more than one account lists, with those accounts' ids (sorted). Adding or changing an account
   * refuses an IR# another holds, but two members can each add the same one offline: the merge keeps both.
   */
  duplicates (): Array<{ ior: string, ids: string[] }> {
    return [...this.index()].filter(([, ids]) => ids.size > 1).map(([ior, ids]) => ({ ior, ids: [...ids].sort() }))
      .sort((a, b) => a.ior.localeCompare(b.ior))
  }

  private index (): Map<string, Set<string>> {
    if (!this.iorIndex) {
      this.iorIndex = new Map()
      for (const id of this.ids()) this.unindexed.add(id)
    }
    for (const id of this.unindexed) {
      for (const ior of this.get(id)?.iors ?? []) {
        const ids = this.iorIndex.get(ior)
        if (ids) ids.add(id)
        else this.iorIndex.set(ior, new Set([id]))
      }
    }
    this.unindexed.clear()
    return this.iorIndex
  }

  private invalidate (id: string): void {
    this.touched.add(id)
    this.sorted = undefined
    const old = this.cached.get(id)
    this.cached.delete(id)
    if (!this.iorIndex) return
    if (old) {
      for (const ior of old.iors) {
        const ids = this.iorIndex.get(ior)
        ids?.delete(id)
        if (ids?.size === 0) this.iorIndex.delete(ior)
      }
    }
    this.unindexed.add(id)
  }
}
