/**
 * The account screen's data: the whole account as one plain snapshot (profile, contacts, checklist, plan,
 * CIPs), and separately its activity log — each re-loaded live when the account or the directory changes.
 */
import { useCallback, useEffect, useState } from 'react'
import type { ActivityEntry } from '../../domain/index.js'
import type { AccountRecord, Change, Store } from '../../store/index.js'
import { useStoreSnapshot, type Snapshot } from './use-store.js'

export function useAccount (store: Store, id: string): Snapshot<AccountRecord> {
  const load = useCallback((s: Store) => s.accounts.show(id), [id])
  return useStoreSnapshot(store, load, { accountId: id })
}

export function useActivity (store: Store, id: string): Snapshot<ActivityEntry[]> {
  const load = useCallback((s: Store) => s.ws.log(id), [id])
  return useStoreSnapshot(store, load, { accountId: id })
}

/**
 * The teammates' changes this member had not seen when the account opened (read once), after which the
 * account is marked seen: they stay highlighted while it is open, and count as seen from then on.
 */
export function useOpenedChanges (store: Store, id: string): Change[] {
  const [changes, setChanges] = useState<Change[]>([])
  useEffect(() => {
    let live = true
    void (async () => {
      const [group] = await store.changes.list(id)
      if (live) setChanges(group?.changes ?? [])
      await store.changes.markSeen(id)
    })().catch(() => undefined) // a mark that cannot be written now is written at the next opening
    return () => { live = false }
  }, [store, id])
  return changes
}

export const ACCOUNT_TABS = ['profile', 'contacts', 'checklist', 'plan', 'cip', 'activity'] as const
export type AccountTab = typeof ACCOUNT_TABS[number]
export const TAB_LABELS: Record<AccountTab, string> = {
  profile: 'Profile', contacts: 'Contacts', checklist: 'Checklist', plan: 'Action Plan', cip: 'CIP', activity: 'Activity'
}
/** A short word per tab, for narrow terminals. */
export const TAB_SHORT: Record<AccountTab, string> = {
  profile: 'Profile', contacts: 'People', checklist: 'Checks', plan: 'Plan', cip: 'CIP', activity: 'Log'
}
