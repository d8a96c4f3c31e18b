// 10,000 malformed or random frames against a peer's sync session: it must reject them one by one
// (ProtocolError, never another exception), leave its documents as they were, and still sync a real peer.
// Seeded, so a failure can be replayed; the seed is in the test name.
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Store } from '../../src/store/index.js'
import { ProtocolError, writeSyncFrame } from '../../src/sync/frames.js'
import { SyncSession, type SyncTarget } from '../../src/sync/session.js'
import { newStore } from '../helpers/store.js'

const target = (s: Store): SyncTarget => ({ docNames: () => s.ws.docs.storedNames(), has: name => s.ws.docs.has(name), doc: name => s.ws.docs.get(name), onChange: l => s.ws.docs.onChange(name => l(name)) })

function rng (seed: number) {
  let x = seed >>> 0
  return () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x / 2 ** 32 }
}

const SEED = 20261123

describe(`a peer under 10,000 random frames (seed ${SEED})`, () => {
  it('rejects each, changes nothing, and still syncs a real peer afterwards', async () => {
    const a = await newStore('Ana')
    const acc = await a.accounts.add({ name: 'Fuzzed Co', iors: ['12-3456789'] })
    await a.checklist.set(acc.id, 'compliance.A', 'yes')
    const before = Y.encodeStateVector(await a.ws.docs.get(`account/${acc.id}`))
    const shown = await a.accounts.show(acc.id)
    const random = rng(SEED)
    const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256))
    const genuine = writeSyncFrame(`account/${acc.id}`, enc => { encoding.writeVarUint(enc, 2); encoding.writeVarUint8Array(enc, bytes(24)) })
    const makers: Array<() => Uint8Array> = [
      () => bytes(1 + Math.floor(random() * 64)), // noise
      () => { const f = genuine.slice(); f[Math.floor(random() * f.length)]! ^= 1 + Math.floor(random() * 255); return f }, // bit flips
      () => genuine.slice(0, Math.floor(random() * genuine.length)), // truncation
      () => writeSyncFrame(['workspace', `account/${acc.id}`, 'account/../x', ''][Math.floor(random() * 4)]!, enc => { encoding.writeVarUint(enc, Math.floor(random() * 5)); encoding.writeUint8Array(enc, bytes(Math.floor(random() * 40))) }),
      () => Uint8Array.of(4 + Math.floor(random() * 250), ...bytes(8)) // unknown frame types
    ]
    let rejected = 0
    let other = 0
    for (let i = 0; i < 10_000; i++) {
      const session = new SyncSession(target(a), () => {}, { maxFrameBytes: 4096, maxDocs: 100 })
      try {
        await session.receive(makers[i % makers.length]!())
      } catch (err) {
        if (err instanceof ProtocolError) rejected++
        else other++
      } finally {
        session.close()
      }
    }
    expect(other).toBe(0)
    expect(rejected).toBeGreaterThan(5_000)
    expect(Y.encodeStateVector(await a.ws.docs.get(`account/${acc.id}`))).toEqual(before)
    expect(await a.accounts.show(acc.id)).toEqual(shown)

    const b = await newStore('Bo')
    const sa: SyncSession = new SyncSession(target(a), f => queueMicrotask(() => { void sb.receive(f) }))
    const sb: SyncSession = new SyncSession(target(b), f => queueMicrotask(() => { void sa.receive(f) }))
    await Promise.all([sa.start(), sb.start()])
    await Promise.all([sa.synced, sb.synced])
    expect(await b.accounts.show(acc.id)).toEqual(shown)
    sa.close(); sb.close()
    await a.close(); await b.close()
  })
})
