import { generateKeyPairSync } from 'node:crypto'
import { createServer, connect, type TLSSocket } from 'node:tls'
import { describe, expect, it } from 'vitest'
import { createCertificate, memberIdOf } from '../../src/sync/certificate.js'
import { fingerprint } from '../../src/sync/identity.js'

async function member () {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString()
  const id = fingerprint(publicKeyPem)
  return { id, key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), cert: await createCertificate(privateKey, publicKeyPem, id) }
}

/** A mutual TLS 1.3 connection on loopback; returns the member id each side proved to the other. */
async function handshake (server: Awaited<ReturnType<typeof member>>, client: Awaited<ReturnType<typeof member>>) {
  return new Promise<{ serverSaw?: string, clientSaw?: string }>((resolve, reject) => {
    let serverSaw: string | undefined
    const srv = createServer({ key: server.key, cert: server.cert, requestCert: true, rejectUnauthorized: false, minVersion: 'TLSv1.3' }, (s: TLSSocket) => {
      serverSaw = memberIdOf(s.getPeerX509Certificate())
      s.end()
    })
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port
      const c = connect({ host: '127.0.0.1', port, key: client.key, cert: client.cert, rejectUnauthorized: false, minVersion: 'TLSv1.3' }, () => {
        const clientSaw = memberIdOf(c.getPeerX509Certificate())
        c.on('end', () => { srv.close(); resolve({ serverSaw, clientSaw }) })
        c.resume()
      })
      c.on('error', err => { srv.close(); reject(err) })
      setTimeout(() => { srv.close(); c.destroy(); reject(new Error('handshake timed out')) }, 5000).unref()
    })
  })
}

describe('member certificates', () => {
  it('prove each side\'s member id over mutual TLS on loopback', async () => {
    const [a, b] = [await member(), await member()]
    const seen = await handshake(a, b)
    expect(seen).toEqual({ serverSaw: b.id, clientSaw: a.id })
  })

  it('tell a stranger apart: its certificate proves a different id', async () => {
    const [a, stranger] = [await member(), await member()]
    const seen = await handshake(a, stranger)
    expect(seen.serverSaw).toBe(stranger.id)
    expect(seen.serverSaw).not.toBe(a.id)
    expect(memberIdOf(undefined)).toBeUndefined()
  })
})
