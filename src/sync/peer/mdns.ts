/**
 * Finding team members' peer nodes on the local network with mDNS / DNS-SD (RFC 6762, 6763), through
 * bonjour-service. Each running peer node announces one service of type `_pat-desk._tcp.local`:
 *
 *   instance name  pat-<16 random hex digits>, drawn anew at every start
 *   SRV            the peer listener's TCP port, on host `pat-<the same digits>.local`
 *   A / AAAA       this machine's LAN addresses (what a peer needs to connect; on the LAN they are no secret)
 *   TXT            v=1, team=<TEAM_HASH: 32 hex digits of SHA-256("pat-desk team\0" + team id)>
 *
 * and browses for the same type, reporting the services whose team hash is its own. Nothing names anyone:
 * no member or team name, no member id, and not the OS host name (bonjour-service would announce that by
 * default, and it often carries a person's name). The team id is random and known only to members, so the
 * hash tells an onlooker only that the same team is present again, never which team. Being found grants
 * nothing: anyone on the LAN can copy an announcement, so a found peer is only an address to try, and the
 * connection is then mutual TLS with the roster deciding (transport.ts). On close the service is withdrawn
 * (goodbye records with TTL 0) and browsing stops.
 *
 * The mDNS implementation is an interface (`Mdns`) so that the logic can be tested with a fake;
 * `bonjourMdns()` is the real one.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { EventEmitter } from 'node:events'
import { Bonjour, type Service } from 'bonjour-service'

export const SERVICE_TYPE = 'pat-desk'
const TXT_VERSION = '1'
/** Distinct peers reported per run at most: a LAN device replaying our hash cannot make us dial without end. */
const MAX_PEERS = 64

export interface Announcement { type: string, name: string, host: string, port: number, txt: Record<string, string> }
export interface FoundService { name: string, host: string, port: number, addresses: string[], txt: Record<string, unknown> }

/** What discovery needs from an mDNS library. */
export interface Mdns {
  announce (ad: Announcement): void
  browse (type: string, onFound: (service: FoundService) => void): void
  /** Withdraws the announcement and stops browsing. */
  close (): Promise<void>
}

export interface FoundPeer { host: string, addresses: string[], port: number }

export interface DiscoveryOptions {
  teamId: string
  /** The TCP port of this node's peer listener. */
  port: number
  onPeer: (peer: FoundPeer) => void
  /** mDNS failures (e.g. no multicast on this network); discovery then finds nothing, the node goes on. */
  onError?: (err: Error) => void
}

export interface Discovery { close (): Promise<void> }

/** The team's mark in announcements: a hash of its id (see the header). */
export function teamHash (teamId: string): string {
  return createHash('sha256').update(`pat-desk team\0${teamId}`).digest('hex').slice(0, 32)
}

/** Announces this node and reports every other node of the same team found on the LAN (once per address and port). */
export function startDiscovery (opts: DiscoveryOptions, mdns: Mdns = bonjourMdns({}, opts.onError)): Discovery {
  if (!Number.isInteger(opts.port) || opts.port < 1 || opts.port > 65535) throw new RangeError(`discovery needs the peer listener's port, not ${opts.port}`)
  const team = teamHash(opts.teamId)
  const name = `pat-${randomBytes(8).toString('hex')}`
  const reported = new Set<string>()
  mdns.announce({ type: SERVICE_TYPE, name, host: `${name}.local`, port: opts.port, txt: { v: TXT_VERSION, team } })
  mdns.browse(SERVICE_TYPE, service => {
    if (service.name === name || service.txt.team !== team || service.txt.v !== TXT_VERSION) return
    if (!Number.isInteger(service.port) || service.port < 1 || service.port > 65535) return
    const addresses = [...new Set(service.addresses.filter(a => typeof a === 'string' && a.length > 0))]
    const key = `${service.port} ${[...addresses].sort().join(' ')}`
    if (addresses.length === 0 || reported.has(key) || reported.size >= MAX_PEERS) return
    reported.add(key)
    opts.onPeer({ host: service.host, addresses, port: service.port })
  })
  return { close: () => mdns.close() }
}

/**
 * Options for multicast-dns, which bonjour-service passes on: `interface` to use one network interface
 * (default: all), `socket` to bring one's own UDP socket (tests use an in-memory one).
 */
export interface MdnsOptions { interface?: string, socket?: unknown }

const CLOSE_TIMEOUT_MS = 1000

/** The real mDNS, bonjour-service over multicast-dns (pure JS, UDP 5353). */
export function bonjourMdns (options: MdnsOptions = {}, onError: (err: Error) => void = () => {}): Mdns {
  const bonjour = new Bonjour(options as Record<string, unknown>, (err: Error) => onError(err))
  // multicast-dns reports a socket it cannot bind (port taken, no permission) as an 'error' event, which
  // would end the process if no one listened; bonjour-service does not expose its emitter, hence the cast.
  ;(bonjour as unknown as { server: { mdns: EventEmitter } }).server.mdns.on('error', (err: Error) => onError(err))
  const browsers: Array<{ stop (): void }> = []
  return {
    announce: ad => {
      // No probing for a clash: the instance name is random, and probing would only delay the announcement.
      bonjour.publish({ name: ad.name, type: ad.type, port: ad.port, host: ad.host, txt: ad.txt, probe: false })
    },
    browse: (type, onFound) => {
      const found = (s: Service) => onFound({
        name: s.name,
        host: s.host,
        port: s.port,
        // the address the answer came from first: it is one this machine can reach
        addresses: [...(s.referer ? [s.referer.address] : []), ...(s.addresses ?? [])],
        txt: (s.txt ?? {}) as Record<string, unknown>
      })
      const browser = bonjour.find({ type })
      browser.on('up', found)
      browser.on('srv-update', found)
      browsers.push(browser)
    },
    close: () => new Promise<void>(resolve => {
      for (const b of browsers.splice(0)) b.stop()
      const timer = setTimeout(finish, CLOSE_TIMEOUT_MS)
      let done = false
      function finish () {
        if (done) return
        done = true
        clearTimeout(timer)
        bonjour.destroy(() => resolve())
      }
      bonjour.unpublishAll(finish)
    })
  }
}
