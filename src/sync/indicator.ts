/**
 * What the app shows of sync, without knowing how sync works: a one-line summary for the status bar
 * ("2 peers online · synced 10:42"), who else has an account open ("also here: …"), and a way to say which
 * account this member has open. The host makes one from its peer node and presence (cli/host.ts); the node
 * may start after the app's first frame, so it is looked up on each call.
 */
import type { HubLinkStatus } from './hub/link.js'
import type { NodeStatus, PeerNode } from './peer/node.js'
import type { Presence } from './presence.js'

/** The host's hub link, as far as the status bar needs it (cli/host-hub.ts). */
export interface HubState {
  status (): HubLinkStatus | undefined
  onChange (listener: () => void): void
}

export interface SyncIndicator {
  summary (): string
  alsoHere (accountId: string): string[]
  viewing (accountId: string | undefined): void
  subscribe (listener: () => void): () => void
}

/**
 * `started` settles when the node has started or failed to (`node()` and `problem()` then say which): the
 * summary changes then, with no other event to tell the status bar so.
 */
export function syncIndicator (presence: Presence, node: () => PeerNode | undefined, problem: () => string | undefined, hub?: HubState, started?: Promise<unknown>): SyncIndicator {
  const listeners = new Set<() => void>()
  const notify = () => { for (const l of listeners) l() }
  presence.onChange(notify)
  hub?.onChange(notify)
  started?.then(notify, notify)
  let watched: PeerNode | undefined
  const watch = () => {
    const n = node()
    if (n && n !== watched) { watched = n; n.onStatus(notify) }
    return n
  }
  return {
    summary: () => {
      const n = watch()
      return problem() ?? (n ? summarize(n.status(), presence.others().map(p => p.member), hub?.status()) : 'sync starting')
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

/**
 * "2 peers online · hub connected · synced 10:42": members connected or present, the hub's state when one
 * is set, and the last time any peer or the hub was in sync.
 */
export function summarize (status: NodeStatus, present: string[], hub?: HubLinkStatus, now = new Date()): string {
  const online = new Set([...status.peers.filter(p => p.connected).map(p => p.id), ...present]).size
  const last = [...status.peers.map(p => p.lastSync), hub?.lastSync].filter((t): t is string => Boolean(t)).sort().pop()
  const parts = [online === 0 ? 'no peers online' : `${online} peer${online === 1 ? '' : 's'} online`]
  if (hub) parts.push(hubState(hub))
  if (last) parts.push(`synced ${clock(new Date(last), now)}`)
  return parts.join(' · ')
}

/** "hub connected", "hub unreachable, retrying", "hub refused the token" (the link notifies at each change). */
export function hubState (hub: HubLinkStatus): string {
  switch (hub.state) {
    case 'connected': return 'hub connected'
    case 'connecting': return 'hub connecting'
    case 'refused': return 'hub refused the token'
    case 'unreachable': return 'hub unreachable, retrying'
  }
}

function clock (t: Date, now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0')
  const time = `${two(t.getHours())}:${two(t.getMinutes())}`
  return t.toDateString() === now.toDateString() ? time : `${t.getFullYear()}-${two(t.getMonth() + 1)}-${two(t.getDate())} ${time}`
}
