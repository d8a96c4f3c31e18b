/**
 * The team's and this member's names for the status bar, read again whenever the workspace document changes:
 * a rename on the welcome screen, with `pat me set` routed into the app, or by a teammate (the team's name is
 * the owner's to change) shows at once.
 */
import { useCallback, useSyncExternalStore } from 'react'
import type { Store } from '../../store/index.js'

export function useNames (store: Store): { team: string, member: string } {
  const subscribe = useCallback((listener: () => void) => store.subscribe(change => { if (change.accountId === undefined) listener() }), [store])
  // One string as the snapshot (useSyncExternalStore compares snapshots with Object.is); JSON, as a synced
  // name may hold any character.
  const both = useSyncExternalStore(subscribe, () => JSON.stringify([store.roster.teamName() || store.ws.config.team.name, store.ws.member.name]))
  const [team, member] = JSON.parse(both) as [string, string]
  return { team, member }
}
