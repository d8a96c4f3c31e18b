/**
 * The status bar's IR# warning: two members can add one IR# to two accounts offline, and the merge keeps both
 * (issue 15, point 7). Read from the store's account directory whenever the workspace document changes (the
 * directory is there); `pat account check` and `pat doctor` say how to resolve it.
 */
import { useCallback, useSyncExternalStore } from 'react'
import type { Store } from '../../store/index.js'

export function useIorWarning (store: Store): string | undefined {
  const subscribe = useCallback((listener: () => void) => store.subscribe(change => { if (change.accountId === undefined) listener() }), [store])
  return useSyncExternalStore(subscribe, () => iorWarning(store))
}

function iorWarning (store: Store): string | undefined {
  const duplicates = store.ws.duplicateIors()
  const [first] = duplicates
  if (!first) return undefined
  return duplicates.length === 1 ? `⚠ IR# ${first.ior} in ${first.accounts.length} accounts` : `⚠ ${duplicates.length} IR#s in several accounts`
}
