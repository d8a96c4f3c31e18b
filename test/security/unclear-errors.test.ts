// Issue 15, "Crashes and unclear errors": each one reproduced, each answered by one line that names the
// problem and what to do.
import { readdir, writeFile } from 'node:fs/promises'
import { createServer as createHttpServer } from 'node:http'
import { createServer, type AddressInfo, type Server } from 'node:net'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { pat, stderrLines } from '../helpers/cli.js'
import { initHome } from '../helpers/home.js'
import { newStore } from '../helpers/store.js'
import { joinedStore } from '../helpers/team.js'

const home = () => initHome('Ana Lima', { accounts: ['Harbor Imports'] })

describe('unclear errors', { timeout: 120_000 }, () => {
  it('a hub URL without a host is refused when set', async () => {
    const h = await home()
    const r = await pat(h, ['hub', 'set', 'hocuspocus+ws://'])
    expect(r.code).toBe(1)
    expect(stderrLines(r)).toEqual(['error: the hub URL "hocuspocus+ws://" names no host: give hocuspocus+ws://HOST:PORT'])
  })

  it('numbers: ranks start at 1, no negative values, nothing beyond 2^53 is rounded', async () => {
    const h = await home()
    const cases: Array<[string[], RegExp]> = [
      [['--national-rank', '-3'], /national rank -3 is below 1: use a whole number from 1/],
      [['--national-rank', '0'], /national rank 0 is below 1/],
      [['--national-rank', '9007199254740993'], /national rank 9007199254740993 is too large: at most 9007199254740991/],
      [['--national-rank', '2.5'], /invalid national rank "2.5": use a whole number/],
      [['--import-value', '90071992547409930'], /is too large: at most 9007199254740991/]
    ]
    for (const [args, message] of cases) {
      const r = await pat(h, ['account', 'set', 'Harbor', ...args])
      expect(r.code, args.join(' ')).toBe(1)
      expect(stderrLines(r)).toEqual([expect.stringMatching(message)])
    }
    expect((await pat(h, ['account', 'set', 'Harbor', '--national-rank', '1'])).code).toBe(0)
  })

  it('a corrupt peers.json is said so and kept, not silently overwritten', async () => {
    const h = await home()
    await writeFile(join(h, 'peers.json'), '{"version":1,"peers":[{"id":')
    const r = await pat(h, ['sync', 'status'])
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/^warning: .*peers.json was unreadable .*: kept as .*peers.json.damaged-/)
    expect((await readdir(h)).some(f => f.startsWith('peers.json.damaged-'))).toBe(true)
    // The one-shot sync reads the book too: it said nothing and only kept the copy.
    await writeFile(join(h, 'peers.json'), '{"version":1,"peers":[')
    const dial = await pat(h, ['sync', '--peer', '127.0.0.1:1', '--timeout', '2'])
    expect(dial.code).toBe(1)
    expect(stderrLines(dial)[0]).toMatch(/^warning: .*peers.json was unreadable .*: kept as .*peers.json.damaged-/)
    expect((await readdir(h)).filter(f => f.startsWith('peers.json.damaged-')).length).toBe(2)
  })

  it('an editor asking for an invite hears about the role first', async () => {
    const owner = await newStore('Olga Owner')
    const editor = await joinedStore(owner, 'Eddie Editor', 'editor')
    const h = editor.ws.paths.root
    await editor.close()
    await owner.close()
    const r = await pat(h, ['team', 'invite'])
    expect(r.code).toBe(1)
    expect(stderrLines(r)).toEqual(['error: only an owner can invite: you are an editor'])
  })

  it('a silent listener: --timeout holds for the whole exchange; a plain HTTP server does not speak PAT Desk sync', async () => {
    const h = await home()
    const held: Array<{ destroy: () => void }> = []
    const silent: Server = createServer(sock => { held.push(sock) }) // accepts, never answers
    const http = createHttpServer((_q, r) => r.end('hello'))
    const port = async (s: { listen: (p: number, h: string, cb: () => void) => unknown, address: () => unknown }) => {
      await new Promise<void>(resolve => s.listen(0, '127.0.0.1', resolve))
      return (s.address() as AddressInfo).port
    }
    try {
      const refusedAt = Date.now() // what starting pat and stopping costs here, without any waiting
      await pat(h, ['sync', '--peer', '127.0.0.1:1', '--timeout', '3'])
      const overhead = Date.now() - refusedAt
      const started = Date.now()
      const quiet = await pat(h, ['sync', '--peer', `127.0.0.1:${await port(silent)}`, '--timeout', '3'])
      expect(stderrLines(quiet)).toEqual([expect.stringMatching(/^error: sync with 127.0.0.1:\d+ did not finish within 3 s/)])
      // It took 23 s (a handshake timeout of its own, then a retry), then 8 s: ws's handshake timeout starts
      // after the TLS handshake, which a silent listener never finishes, so the dial outlived the exchange.
      expect(Date.now() - started - overhead).toBeLessThan(3000 + 1500)
      const web = await pat(h, ['sync', '--peer', `127.0.0.1:${await port(http)}`, '--timeout', '3'])
      expect(web.code).toBe(1)
      expect(stderrLines(web)).toEqual([expect.stringMatching(/^error: that address \(127.0.0.1:\d+\) does not speak PAT Desk sync/)])
    } finally {
      for (const s of held) s.destroy()
      await new Promise(resolve => silent.close(resolve))
      await new Promise(resolve => http.close(resolve))
    }
  })
})
