// `patdesk-hub serve` binds the address it is given and no other (HOST defaults to 127.0.0.1), IPv6 too; a
// bad setting stops it with one line.
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/home.js'
import { hubCli, hubToken, joinRoom, startHub } from '../helpers/hub-server.mjs'

const TEAM = 'k7m2q9x4v3w8t6p5'
const stops: Array<() => unknown> = []
afterEach(async () => { for (const stop of stops.splice(0).reverse()) await stop() })

describe('patdesk-hub serve', () => {
  it('listens on the address given, and serves members there', async () => {
    const dir = await tempDir('pat-hub-serve-')
    const tokens = join(dir, 'tokens.json')
    const token = await hubToken(tokens, TEAM, 'Ana Lima')
    for (const host of ['127.0.0.1', '::1']) {
      const hub = await startHub({ data: join(dir, `data-${host}`), tokens, host })
      stops.push(hub.close)
      expect(hub.url).toBe(host === '::1' ? `ws://[::1]:${hub.port}` : `ws://127.0.0.1:${hub.port}`) // as bound, not as asked
      const r = joinRoom(hub.url, `${TEAM}/workspace`, token, 1)
      stops.push(r.leave)
      await r.synced
    }
  })

  it('refuses a bad port or Redis URL, and an unreachable Redis, with one line', async () => {
    const dir = await tempDir('pat-hub-serve-')
    const base = { data: join(dir, 'data'), tokens: join(dir, 'tokens.json') }
    await expect(startHub({ ...base, redis: 'http://127.0.0.1:6379' })).rejects.toThrow(/\nerror: Redis URL "http:\/\/127.0.0.1:6379" does not start with redis:\/\/ or rediss:\/\/\n/)
    await expect(startHub({ ...base, redis: 'redis://:sw0rdfish@127.0.0.1:1' })).rejects.toThrow(/\nerror: cannot reach Redis at redis:\/\/:\*\*\*@127.0.0.1:1: connect ECONNREFUSED 127.0.0.1:1\n/)
    const r = await hubCli(['serve', '--port', '70000'], base.tokens)
    expect(r).toMatchObject({ code: 1, stderr: 'error: port "70000" is not a port number (0–65535; 0 takes any free port)\n' })
  })
})
