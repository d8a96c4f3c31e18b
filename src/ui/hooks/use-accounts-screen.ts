/**
 * The state of the accounts screen: the list (live from the store), the filter being typed, the sort
 * column and direction, whether archived accounts show, the selected account, and the add form.
 */
import { useState } from 'react'
import type { Store } from '../../store/index.js'
import { SORT_KEYS, visibleAccounts, type AccountRow, type SortKey } from '../format/accounts.js'
import { useListCursor } from './use-list.js'
import { useStoreSnapshot } from './use-store.js'
import { useTextLine } from './use-text-line.js'

export async function loadAccounts (store: Store): Promise<AccountRow[]> {
  await store.refreshSummaries()
  return store.accounts.list({})
}

export function useAccountsScreen (store: Store, tableHeight: number) {
  const snap = useStoreSnapshot(store, loadAccounts, [])
  const filter = useTextLine('')
  const [filtering, setFiltering] = useState(false)
  const [sort, setSort] = useState<SortKey>('name')
  const [reverse, setReverse] = useState(false)
  const [archived, setArchived] = useState(false)
  const [adding, setAdding] = useState(false)
  const all = snap.data ?? []
  const rows = visibleAccounts(all, { filter: filter.state.value, sort, reverse, archived })
  const cursor = useListCursor(rows.map(r => r.id), tableHeight)
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
