import { describe, expect, it } from 'vitest'
import type { Store } from '../../src/store/index.js'
import { createCertificate } from '../../src/sync/certificate.js'
import { FRAME, readFrame } from '../../src/sync/frames.js'
import { loadIdentity } from '../../src/sync/identity.js'
import { SyncSession, type SyncTarget } from '../../src/sync/session.js'
import { connect, listen, type PeerConnection } from '../../src/sync/transport.js'
import { newStore } from '../helpers/store.js'

const target = (s: Store): SyncTarget => ({ docNames: () => s.ws.docs.storedNames(), has: name => s.ws.docs.has(name), doc: name => s.ws.docs.get(name), onChange: l => s.ws.docs.onChange(name => l(name)) })

async function tls (s: Store) {
  const id = await loadIdentity(s.ws.paths.identityKey)
  return { id: id.id, identity: { key: id.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), cert: await createCertificate(id.privateKey, id.publicKeyPem, id.id) } }
}

function attach (conn: PeerConnection, s: Store): SyncSession {
  const session = new SyncSession(target(s), f => conn.send(f))
  conn.onFrame(f => { session.receive(f).catch(err => conn.close(String(err.message))) })
  conn.onClose(() => session.close())
  return session
}

describe('peers over mutual TLS on loopback', () => {
  it('sync a member\'s workspace, and refuse a stranger before any document is sent', async () => {
    const [a, b, stranger] = [await newStore('Ana'), await newStore('Bo'), await newStore('Eve')]
    const acc = await a.accounts.add({ name: 'Private Harbor Co' })
    const [ta, tb, te] = [await tls(a), await tls(b), await tls(stranger)]
    const sessions: SyncSession[] = []
    const listener = await listen({
      host: '127.0.0.1',
      port: 0,
      identity: ta.identity,
      authorize: id => id === tb.id,
      onPeer: conn => { const s = attach(conn, a); sessions.push(s); s.start().catch(err => conn.close(String(err.message))) }
    })
    try {
      const conn = await connect({ url: `wss://127.0.0.1:${listener.port}`, identity: tb.identity, expectPeer: id => id === ta.id })
      expect(conn.peerId).toBe(ta.id)
      const sb = attach(conn, b)
      await sb.start()
      await sb.synced
      expect((await b.accounts.show(acc.id)).name).toBe('Private Harbor Co')
      conn.close()

      const refused = await connect({ url: `wss://127.0.0.1:${listener.port}`, identity: te.identity })
      const frames: Uint8Array[] = []
      refused.onFrame(f => frames.push(f))
      const reason = await new Promise<string>(resolve => refused.onClose(resolve))
      expect(reason).toBe('not a member of this team')
      expect(frames.map(f => readFrame(f).type)).toEqual([FRAME.ERROR])
      expect(stranger.ws.headers()).toEqual([])

      await expect(connect({ url: `wss://127.0.0.1:${listener.port}`, identity: tb.identity, expectPeer: id => id === te.id }))
        .rejects.toThrow(/not the member it should be/)
    } finally {
      for (const s of sessions) s.close()
      await listener.close()
      for (const s of [a, b, stranger]) await s.close()
    }
  })

  it('a busy port is a rejection to handle, not an error event that ends the process', async () => {
    const s = await newStore('Ana')
    const { identity } = await tls(s)
    const none = { authorize: () => true, onPeer: (conn: PeerConnection) => conn.close('unused') }
    const first = await listen({ host: '127.0.0.1', port: 0, identity, ...none })
    try {
      await expect(listen({ host: '127.0.0.1', port: first.port, identity, ...none })).rejects.toMatchObject({ code: 'EADDRINUSE' })
    } finally {
      await first.close()
      await s.close()
    }
  })
})
