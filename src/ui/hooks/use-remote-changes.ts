/**
 * Whether a peer changed an account since a moment (an edit began): with the value the field holds now,
 * this tells a field being edited to say "changed by a teammate" rather than overwrite the draft.
 */
import { useEffect, useState } from 'react'
import type { Store } from '../../store/index.js'

export function useRemoteChanges (store: Store, accountId: string, active: boolean): boolean {
  const [seen, setSeen] = useState(false)
  useEffect(() => {
    setSeen(false)
    if (!active) return
    return store.subscribe(c => { if (c.remote && (c.accountId === accountId || c.accountId === undefined)) setSeen(true) })
  }, [store, accountId, active])
  return seen
}
