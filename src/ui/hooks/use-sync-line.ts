/**
 * The status bar's sync text: a fixed string, or live from the host's sync indicator (sync/indicator.ts) —
 * peers online and the last sync, and on an account screen the other members who have it open ("also
 * here: …"). Tells the indicator which account this member has open, so others see it too.
 */
import { useCallback, useEffect, useSyncExternalStore } from 'react'
import type { SyncIndicator } from '../../sync/indicator.js'

export function useSyncLine (sync: string | SyncIndicator, accountId: string | undefined): string {
  const indicator = typeof sync === 'string' ? undefined : sync
  useEffect(() => { indicator?.viewing(accountId) }, [indicator, accountId])
  const subscribe = useCallback((listener: () => void) => (indicator ? indicator.subscribe(listener) : () => {}), [indicator])
  const read = () => {
    if (!indicator) return sync as string
    const others = accountId ? indicator.alsoHere(accountId) : []
    return others.length ? `${indicator.summary()} · also here: ${others.join(', ')}` : indicator.summary()
  }
  return useSyncExternalStore(subscribe, read)
}
