/**
 * LAN discovery for a listening peer node: it hands discovery (discovery.ts: mDNS, announcing only a hash of
 * the team id) the team and its port, and keeps connected to each peer found. A peer seen on several
 * addresses is dialled at one (IPv4 first), so that it is dialled once.
 */
import { hostPort } from '../address.js'

/** How LAN discovery starts (the shape of `startDiscovery` in discovery.ts): it reports each peer it finds. */
export type StartDiscovery = (opts: {
  teamId: string
  port: number
  onPeer: (peer: { addresses: string[], port: number }) => void
  onError?: (err: Error) => void
}) => { close (): Promise<void> }

export interface DiscoveryOptions {
  teamId: string
  /** The node's listening port, announced. */
  port: number
  keepConnected: (address: string) => void
  log: (line: string) => void
}

/** Starts discovery; close the result to stop announcing and browsing. */
export function discoverPeers (start: StartDiscovery, opts: DiscoveryOptions): { close (): Promise<void> } {
  return start({
    teamId: opts.teamId,
    port: opts.port,
    onPeer: peer => {
      const host = peer.addresses.find(a => !a.includes(':')) ?? peer.addresses[0]
      if (host) opts.keepConnected(hostPort(host, peer.port))
    },
    onError: err => opts.log(`LAN discovery: ${err.message}`)
  })
}
