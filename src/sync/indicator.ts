/**
 * What the app shows of sync, without knowing how sync works: a one-line summary for the status bar
 * ("2 peers online · synced 10:42"), who else has an account open ("also here: …"), and a way to say which
 * account this member has open. The host makes one from its peer node and presence (cli/host.ts); the node
 * may start after the app's first frame, so it is looked up on each call.
 */
import type { NodeStatus, PeerNode } from './peer.js'
import type { Presence } from './presence.js'

export interface SyncIndicator {
  summary (): string
  alsoHere (accountId: string): string[]
  viewing (accountId: string | undefined): void
  subscribe (listener: () => void): () => void
}

export function syncIndicator (presence: Presence, node: () => PeerNode | undefined, problem: () => string | undefined): SyncIndicator {
  const listeners = new Set<() => void>()
  const notify = () => { for (const l of listeners) l() }
  presence.onChange(notify)
  let watched: PeerNode | undefined
  const watch = () => {
    const n = node()
    if (n && n !== watched) { watched = n; n.onStatus(notify) }
    return n
  }
  return {
    summary: () => {
      const n = watch()
      return problem() ?? (n ? summarize(n.status(), presence.others().map(p => p.member)) : 'sync starting')
    },
    alsoHere: id => presence.others().filter(p => p.account === id).map(p => p.name),
    viewing: id => presence.view(id),
    subscribe: listener => {
      watch()
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}

/** "2 peers online · synced 10:42": members connected or present, and the last time any peer was in sync. */
export function summarize (status: NodeStatus, present: string[], now = new Date()): string {
  const online = new Set([...status.peers.filter(p => p.connected).map(p => p.id), ...present]).size
  const last = status.peers.map(p => p.lastSync).filter((t): t is string => Boolean(t)).sort().pop()
  const who = online === 0 ? 'no peers online' : `${online} peer${online === 1 ? '' : 's'} online`
  return last ? `${who} · synced ${clock(new Date(last), now)}` : who
}

function clock (t: Date, now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0')
  const time = `${two(t.getHours())}:${two(t.getMinutes())}`
  return t.toDateString() === now.toDateString() ? time : `${t.getFullYear()}-${two(t.getMonth() + 1)}-${two(t.getDate())} ${time}`
}
