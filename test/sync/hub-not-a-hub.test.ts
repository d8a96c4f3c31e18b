// Issue 15, "Crashes and unclear errors": a non-PAT endpoint gave a raw error. For a hub URL that reaches
// something else — a plain TCP service, a web page, TLS spoken to a ws:// URL or plain HTTP to a wss:// one —
// `pat sync --hub` printed OpenSSL's "ssl3_get_record:wrong version number", an HTTP parser's "Expected HTTP/"
// or "refused the connection: HTTP 200 OK". Each is now one line saying the address does not speak PAT Desk sync.
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http'
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net'
import { beforeAll, describe, expect, it } from 'vitest'
import { syncThroughHub } from '../../src/sync/hub/client.js'
import { pat, stderrLines } from '../helpers/cli.js'
import { tempDir } from '../helpers/home.js'
import { hubTeam } from '../helpers/hub.js'
import { closedAfter } from '../helpers/closed-after.js'

const keep = closedAfter('all')

async function serve (server: Server | HttpServer): Promise<number> {
  const sockets = new Set<Socket>()
  server.on('connection', (s: Socket) => { sockets.add(s); s.on('close', () => sockets.delete(s)) })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  keep({ close: () => new Promise<void>(resolve => { server.close(() => resolve()); for (const s of sockets) s.destroy() }) })
  return (server.address() as AddressInfo).port
}

describe('a hub URL that reaches something else', { timeout: 60_000 }, () => {
  let tcp: number
  let web: number
  beforeAll(async () => {
    tcp = await serve(createServer(sock => { sock.end('SSH-2.0-OpenSSH_9.6\r\n') })) // talks first, not HTTP
    web = await serve(createHttpServer((_req, res) => res.end('<h1>hello</h1>')))
  })

  it('is named as not speaking PAT Desk sync, whatever the scheme', async () => {
    const { bo } = await hubTeam(keep)
    const notSync = (port: number) => new RegExp(`^that address \\(127\\.0\\.0\\.1:${port}\\) does not speak PAT Desk sync: no WebSocket hub answers there; check the hub URL's scheme`)
    const cases: Array<[string, number]> = [
      [`ws://127.0.0.1:${tcp}`, tcp], [`hocuspocus+ws://127.0.0.1:${tcp}`, tcp],
      [`ws://127.0.0.1:${web}`, web], [`hocuspocus+ws://127.0.0.1:${web}`, web],
      [`wss://127.0.0.1:${web}`, web], [`hocuspocus+wss://127.0.0.1:${tcp}`, tcp]
    ]
    for (const [url, port] of cases) {
      await expect(syncThroughHub({ store: bo, url, token: 't', timeoutMs: 10_000 }), url).rejects.toThrow(notSync(port))
    }
  })

  it('from the command line: one line, exit 1, no OpenSSL', async () => {
    const home = await tempDir()
    expect((await pat(home, ['init', '--name', 'Ana Lima'])).code).toBe(0)
    const r = await pat(home, ['sync', '--hub', `hocuspocus+wss://127.0.0.1:${tcp}`, '--token', 't', '--timeout', '10'])
    expect(r.code).toBe(1)
    expect(stderrLines(r)).toEqual([expect.stringMatching(/^error: that address \(127\.0\.0\.1:\d+\) does not speak PAT Desk sync/)])
    expect(r.stderr).not.toMatch(/SSL|ssl3|EPROTO/)
  })
})
