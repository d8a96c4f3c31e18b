// LAN discovery. The logic (what is announced, what is reported, withdrawal) is tested against a fake LAN of
// Mdns instances; the real bonjour-service and multicast-dns run over an in-memory UDP bus standing in for
// the multicast group — real mDNS packets, but no network: multicast on loopback is not available on
// every machine (it is not on this project's), so a test on a real socket would not be reliable.
import { EventEmitter } from 'node:events'
import { hostname } from 'node:os'
import { Bonjour, type Service } from 'bonjour-service'
import { describe, expect, it } from 'vitest'
import {
  SERVICE_TYPE, bonjourMdns, startDiscovery, teamHash, type Announcement, type FoundPeer, type FoundService, type Mdns
} from '../../src/sync/peer/mdns.js'
import { waitFor, within } from '../helpers/wait.mjs'

/** A LAN where every fake Mdns sees every announcement of the type it browses, including its own. */
class FakeLan {
  readonly announced = new Map<Mdns, Announcement>()
  private readonly browsers = new Set<{ type: string, onFound: (s: FoundService) => void }>()

  node (address: string): Mdns {
    const lan = this
    const mine: Array<{ type: string, onFound: (s: FoundService) => void }> = []
    const mdns: Mdns = {
      announce (ad) {
        lan.announced.set(mdns, ad)
        for (const b of lan.browsers) if (b.type === ad.type) b.onFound(found(ad, address))
      },
      browse (type, onFound) {
        const b = { type, onFound }
        mine.push(b)
        lan.browsers.add(b)
        for (const ad of lan.announced.values()) if (ad.type === type) onFound(found(ad, lan.addressOf(ad)))
      },
      async close () {
        lan.announced.delete(mdns)
        for (const b of mine) lan.browsers.delete(b)
      }
    }
    this.addresses.set(mdns, address)
    return mdns
  }

  /** A device announcing whatever it likes. */
  inject (ad: Announcement, address: string): void {
    for (const b of this.browsers) if (b.type === ad.type) b.onFound(found(ad, address))
  }

  private readonly addresses = new Map<Mdns, string>()
  private addressOf (ad: Announcement): string {
    for (const [m, a] of this.announced) if (a === ad) return this.addresses.get(m)!
    return ''
  }
}

const found = (ad: Announcement, address: string): FoundService => ({ name: ad.name, host: ad.host, port: ad.port, addresses: [address], txt: ad.txt })

describe('LAN discovery', () => {
  it('announces only a team hash and reports the other members of the same team once each', async () => {
    const lan = new FakeLan()
    const teamId = 'k3v9x2m8q7w4z1p5'
    const seen: Record<string, FoundPeer[]> = { a: [], b: [], other: [] }
    const a = startDiscovery({ teamId, port: 4001, onPeer: p => seen.a!.push(p) }, lan.node('192.168.1.10'))
    const other = startDiscovery({ teamId: 'another-team-id0', port: 4002, onPeer: p => seen.other!.push(p) }, lan.node('192.168.1.12'))
    const bNode = lan.node('192.168.1.11')
    const b = startDiscovery({ teamId, port: 4003, onPeer: p => seen.b!.push(p) }, bNode)

    expect(seen.a).toEqual([{ host: lan.announced.get(bNode)!.host, addresses: ['192.168.1.11'], port: 4003 }])
    expect(seen.b!.map(p => p.port)).toEqual([4001])
    expect(seen.other).toEqual([])

    for (const ad of lan.announced.values()) {
      expect(ad.type).toBe(SERVICE_TYPE)
      expect(Object.keys(ad.txt).sort()).toEqual(['team', 'v'])
      expect(ad.txt.team).toMatch(/^[0-9a-f]{32}$/)
      expect(ad.name).toMatch(/^pat-[0-9a-f]{16}$/)
      expect(ad.host).toBe(`${ad.name}.local`)
      const text = JSON.stringify(ad)
      for (const secret of [teamId, 'another-team-id0', hostname()]) expect(text).not.toContain(secret)
    }
    expect(lan.announced.get(bNode)!.txt.team).toBe(teamHash(teamId))
    expect(teamHash(teamId)).not.toBe(teamHash('another-team-id0'))

    // the same peer again, a replayed hash with a nonsense port, and a stale protocol version: nothing new
    const bAd = lan.announced.get(bNode)!
    lan.inject(bAd, '192.168.1.11')
    lan.inject({ ...bAd, name: 'pat-0000000000000000', port: 70000 }, '192.168.1.66')
    lan.inject({ ...bAd, name: 'pat-1111111111111111', txt: { ...bAd.txt, v: '0' } }, '192.168.1.67')
    expect(seen.a).toHaveLength(1)

    await b.close()
    expect([...lan.announced.keys()]).not.toContain(bNode)
    await a.close(); await other.close()
    expect(lan.announced.size).toBe(0)
    expect(() => startDiscovery({ teamId, port: 0, onPeer: () => {} }, lan.node('192.168.1.13'))).toThrow(/port/)
  })
})

/** UDP sockets joined in memory: whatever one sends reaches every bound socket, itself included (multicast loopback). */
class UdpBus {
  private readonly sockets = new Set<EventEmitter>()
  private nextPort = 50000
  /** Every packet sent, as sent. */
  readonly packets: Buffer[] = []

  socket (): EventEmitter {
    const bus = this
    const sock = new EventEmitter()
    const port = this.nextPort++
    Object.assign(sock, {
      bind (_port: number, _iface: string | undefined, cb?: () => void) {
        bus.sockets.add(sock)
        setImmediate(() => { sock.emit('listening'); cb?.() })
      },
      send (buf: Buffer, offset: number, length: number, _port: number, _address: string, cb?: (err?: Error) => void) {
        const data = Buffer.from(buf.subarray(offset, offset + length))
        bus.packets.push(data)
        for (const s of bus.sockets) setImmediate(() => s.emit('message', data, { address: '127.0.0.1', family: 'IPv4', port, size: data.length }))
        setImmediate(() => cb?.())
      },
      address: () => ({ address: '127.0.0.1', family: 'IPv4', port }),
      addMembership () {},
      dropMembership () {},
      setMulticastTTL () {},
      setMulticastLoopback () {},
      setMulticastInterface () {},
      close (cb?: () => void) { bus.sockets.delete(sock); setImmediate(() => cb?.()) }
    })
    return sock
  }
}

describe('LAN discovery with bonjour-service', () => {
  it('finds a member over real mDNS packets (in-memory bus), ignores another team, names no one on the wire, and says goodbye on close', async () => {
    const bus = new UdpBus()
    const mdns = () => bonjourMdns({ socket: bus.socket(), interface: '127.0.0.1' }, err => { throw err })
    const errors: Error[] = []
    const foundByA: FoundPeer[] = []
    let resolveB!: (p: FoundPeer) => void
    const bFound = new Promise<FoundPeer>(resolve => { resolveB = resolve })
    const a = startDiscovery({ teamId: 'team-one-id-0001', port: 4101, onPeer: p => foundByA.push(p), onError: e => errors.push(e) }, mdns())
    const stranger = startDiscovery({ teamId: 'team-two-id-0002', port: 4102, onPeer: () => {} }, mdns())
    const b = startDiscovery({ teamId: 'team-one-id-0001', port: 4103, onPeer: resolveB }, mdns())
    const watcher = new Bonjour({ socket: bus.socket(), interface: '127.0.0.1' } as Record<string, unknown>)
    const watching = watcher.find({ type: SERVICE_TYPE })
    const aUp = new Promise<void>(resolve => watching.on('up', s => { if (s.port === 4101) resolve() }))
    const aDown = new Promise<Service>(resolve => watching.on('down', resolve))
    try {
      const peer = await within(bFound, 3000, 'B finding A')
      expect(peer.port).toBe(4101)
      expect(peer.addresses[0]).toBe('127.0.0.1')
      expect(peer.host).toMatch(/^pat-[0-9a-f]{16}\.local$/)
      await waitFor(() => foundByA.length > 0, 3000, 'A finding B', 10)
      expect(foundByA.map(p => p.port)).toEqual([4103])

      await within(aUp, 3000, 'a third party seeing A')
      await a.close()
      expect((await within(aDown, 3000, 'goodbye from A')).port).toBe(4101)
      expect(errors).toEqual([])
      const wire = Buffer.concat(bus.packets).toString('latin1')
      expect(wire).toContain(teamHash('team-one-id-0001'))
      const hostLabel = String.fromCharCode(hostname().length) + hostname() // as a DNS name label
      for (const secret of ['team-one-id-0001', 'team-two-id-0002', hostLabel]) expect(wire).not.toContain(secret)
    } finally {
      await b.close(); await stranger.close()
      await new Promise(resolve => watcher.destroy(resolve))
    }
  })
})
