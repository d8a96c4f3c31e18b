/**
 * The state of the accounts screen: the list (live from the store), the filter being typed, the sort
 * column and direction, whether archived accounts show, the selected account, and the add form.
 */
import { useMemo, useState } from 'react'
import type { Store } from '../../store/index.js'
import { SORT_KEYS, filterAccounts, orderedAccounts, type AccountRow, type SortKey } from '../format/accounts.js'
import { useListCursor } from './use-list.js'
import { useStoreSnapshot, type Seed } from './use-store.js'
import { useTextLine } from './use-text-line.js'

export async function loadAccounts (store: Store): Promise<AccountRow[]> {
  await store.refreshSummaries()
  return store.accounts.list({ unseen: true })
}

/** From this many accounts, the app's first frame reads the summaries of its first screen only. */
export const LARGE_LIST = 2000
/** The rows whose summaries the first frame reads: more than a screen holds, as many as the warm-up plays on. */
export const FIRST_ROWS = 200

/**
 * The accounts, read before the first frame, with the version they were read at. For a large workspace and
 * `first` (the app's first frame), only the first screen's summaries: the seed then counts as out of date
 * (version -1), so the screen reads the full list at once, behind the first frame — which is ~0.2 s sooner
 * at 10,000 accounts — and its other rows show "…" until then.
 */
export async function preloadAccounts (store: Store, opts: { first?: boolean } = {}): Promise<Seed<AccountRow[]>> {
  const version = store.version
  if (opts.first && store.ws.accountIds().length >= LARGE_LIST) {
    return { data: await store.accounts.list({ unseen: true, first: FIRST_ROWS }), version: -1 }
  }
  return { data: await loadAccounts(store), version }
}

export function useAccountsScreen (store: Store, tableHeight: number, seed?: Seed<AccountRow[]>) {
  const snap = useStoreSnapshot(store, loadAccounts, seed ? { seed } : {})
  const filter = useTextLine('')
  const [filtering, setFiltering] = useState(false)
  const [sort, setSort] = useState<SortKey>('name')
  const [reverse, setReverse] = useState(false)
  const [archived, setArchived] = useState(false)
  const [adding, setAdding] = useState(false)
  const all = useMemo(() => snap.data ?? [], [snap.data])
  const filterText = filter.state.value
  // With thousands of accounts, sorting, filtering and the ids are worked out again only when they
  // change; a key typed in the filter filters the sorted list.
  const ordered = useMemo(() => orderedAccounts(all, { sort, reverse, archived }), [all, sort, reverse, archived])
  const rows = useMemo(() => filterAccounts(ordered, filterText), [ordered, filterText])
  const ids = useMemo(() => rows.map(r => r.id), [rows])
  const cursor = useListCursor(ids, tableHeight)
  return {
    snap,
    all,
    rows,
    cursor,
    selected: rows[cursor.index],
    filter,
    filtering,
    setFiltering,
    sort,
    reverse,
    archived,
    adding,
    setAdding,
    nextSort: () => setSort(SORT_KEYS[(SORT_KEYS.indexOf(sort) + 1) % SORT_KEYS.length]!),
    toggleReverse: () => setReverse(r => !r),
    toggleArchived: () => setArchived(a => !a)
  }
}
