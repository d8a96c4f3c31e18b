// `pat hub set|show|clear` and `pat sync --hub` as a user runs them: the hub kept in the home (its token in a
// file only the member can read, never printed), one exchange through the stock y-websocket server — also
// routed into a running `pat serve` — and through a stock Hocuspocus server with a token, a roster change
// made with `pat team` reaching a member through the hub, and one clear line for what cannot work (a refused
// token among them).
import type { ChildProcess } from 'node:child_process'
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { roomOf } from '../../src/sync/hub/url.js'
import { pat, patJson, waitFor } from '../helpers/cli.js'
import { freePort, startHocuspocusHub, startStockHub, type TestHub } from '../helpers/hub.js'
import { tempDir } from '../helpers/home.js'
import { startServe } from '../helpers/serve.js'

let hub: TestHub
const children: ChildProcess[] = []
beforeAll(async () => { hub = await startStockHub() }, 20_000)
afterAll(async () => { for (const c of children) c.kill('SIGKILL'); await hub.close() })

// A generous timeout: each test starts a dozen `pat` processes (and a vouches room per exchange); 12 s alone, past
// 30 s beside the rest of test/sync on a loaded 2-core machine.
describe('pat hub and pat sync --hub', { timeout: 90_000 }, () => {
  it('keeps the hub in the home, token unreadable by others and never printed', async () => {
    const A = await tempDir()
    expect(await pat(A, ['hub', 'set', hub.url])).toMatchObject({ code: 1, stderr: expect.stringMatching(/^error: no workspace in .*: run `pat init/) })
    await pat(A, ['init', '--name', 'Ana Lima'])
    expect(await patJson(A, ['hub', 'show'])).toBeNull()
    const set = await pat(A, ['hub', 'set', `${hub.url}/`, '--token', 'sw0rdfish'])
    expect(set).toMatchObject({ code: 0, stdout: `hub set to ${hub.url} (with a token): pat serve and the app sync through it, pat sync --hub once\n` })
    expect((await stat(join(A, 'hub.json'))).mode & 0o777).toBe(0o600)
    expect(await patJson(A, ['hub', 'show'])).toEqual({ url: hub.url, token: true })
    expect((await pat(A, ['hub', 'show'])).stdout).toBe(`hub: ${hub.url} (with a token)\n`)

    expect(await pat(A, ['hub', 'set', 'https://hub.example.com'])).toMatchObject({ code: 1, stderr: 'error: "https://hub.example.com" is not a hub URL: it must start with ws:// or wss:// (a y-websocket server), or hocuspocus+ws:// or hocuspocus+wss:// (a Hocuspocus server)\n' })
    expect(await patJson(A, ['hub', 'show'])).toEqual({ url: hub.url, token: true }) // a refused URL changes nothing

    expect((await pat(A, ['hub', 'clear'])).stdout).toBe('hub cleared\n')
    expect((await pat(A, ['hub', 'clear'])).stdout).toBe('no hub was set\n')
    expect(await pat(A, ['sync', '--hub'])).toMatchObject({ code: 1, stderr: 'error: no hub set: give one (pat sync --hub ws://HOST:PORT) or set it with pat hub set URL\n' })
  })

  it('syncs through the hub set once, and live through a running pat serve', async () => {
    const A = await tempDir()
    await pat(A, ['init', '--name', 'Ana Lima'])
    const acc = await patJson(A, ['account', 'add', '--name', 'Hub Harbor Co'])
    expect((await pat(A, ['hub', 'set', hub.url])).stdout).toBe(`hub set to ${hub.url}: pat serve and the app sync through it, pat sync --hub once\n`)
    expect(await pat(A, ['sync', '--hub'])).toMatchObject({ code: 0, stdout: `synced 2 documents through ${hub.url}: received changes to 0, sent changes to 2\n` })
    expect((await pat(A, ['sync', 'status'])).stdout).toContain(`hub: ${hub.url} (set; pat serve or the app syncs through it, pat sync --hub once)\n`)

    const { out } = await startServe(A, child => children.push(child))
    const status = await waitFor(async () => {
      const s = await patJson(A, ['sync', 'status', '--json'])
      return s.hub?.state === 'connected' ? s : undefined
    }, 15_000, 'pat serve to connect to the hub')
    // Three live rooms by design: the workspace's, the vouches' (store/vouches.ts: every member's signed vouches,
    // always live beside the workspace's, docs/trust.md) and the one account's.
    expect(status.hub).toMatchObject({ url: hub.url, kind: 'y-websocket', rooms: 3 })
    expect((await pat(A, ['sync', 'status'])).stdout).toMatch(new RegExp(`^hub: ${hub.url}: hub connected, synced \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d$`, 'm'))

    // An edit routed into pat serve reaches the hub with no pat sync: a stock client reading the room sees it.
    const teamId = JSON.parse(await readFile(join(A, 'workspace.json'), 'utf8')).team.id
    const doc = new Y.Doc()
    const reader = new WebsocketProvider(hub.url, encodeURIComponent(roomOf(teamId, `account/${acc.id}`)), doc, { WebSocketPolyfill: WebSocket as never })
    try {
      await pat(A, ['plan', 'add', acc.id, '--title', 'Made while serving', '--priority', 'high'])
      await waitFor(() => Buffer.from(Y.encodeStateAsUpdate(doc)).includes('Made while serving'), 10_000, 'the edit on the hub')
    } finally {
      reader.destroy()
    }
    expect((await pat(A, ['hub', 'set', hub.url])).stdout).toBe(`hub set to ${hub.url}: syncing through it now\n`)
    expect((await pat(A, ['hub', 'clear'])).stdout).toBe('hub cleared\n')
    expect((await patJson(A, ['sync', 'status', '--json'])).hub).toBeNull()
    expect(out()).toContain(`syncing through the hub at ${hub.url}`)
  })

  it('carries a roster change made with pat team to a member who syncs only through the hub', async () => {
    const [A, B, C] = [await tempDir(), await tempDir(), await tempDir()]
    await pat(A, ['init', '--name', 'Ana Lima'])
    await startServe(A, child => children.push(child))
    for (const [home, name] of [[B, 'Bo Chen'], [C, 'Cy Park']] as const) {
      const invite = await patJson(A, ['team', 'invite', '--ttl', '1h'])
      expect((await pat(home, ['init', '--name', name, '--join', invite.code])).code).toBe(0)
    }
    expect(await patJson(A, ['team', 'role', 'Cy Park', 'viewer'])).toMatchObject({ name: 'Cy Park', role: 'viewer' })
    expect((await pat(A, ['team', 'remove', 'Bo Chen'])).code).toBe(0)
    expect((await pat(A, ['sync', '--hub', hub.url])).code).toBe(0)
    const synced = await pat(C, ['sync', '--hub', hub.url])
    expect(synced).toMatchObject({ code: 0, stderr: '' })
    const roster = await patJson(C, ['team', 'list'])
    expect(roster).toEqual(await patJson(A, ['team', 'list']))
    expect(roster.map((m: { name: string, role: string, removed?: boolean }) => [m.name, m.role, m.removed ?? false])).toEqual([
      ['Ana Lima', 'owner', false], ['Bo Chen', 'editor', true], ['Cy Park', 'viewer', false]
    ])
  })

  it('syncs through a Hocuspocus hub, given or set, and says so in one line when the token is refused', async () => {
    const hp = await startHocuspocusHub({ token: 'sw0rdfish' })
    try {
      const A = await tempDir()
      await pat(A, ['init', '--name', 'Ana Lima'])
      await patJson(A, ['account', 'add', '--name', 'Hocus Harbor Co'])
      expect(await pat(A, ['sync', '--hub', hp.url, '--token', 'sw0rdfish'])).toMatchObject({ code: 0, stdout: `synced 2 documents through ${hp.url}: received changes to 0, sent changes to 2\n` })
      expect(await pat(A, ['sync', '--hub', hp.url, '--token', 'wrong'])).toMatchObject({
        code: 1, stderr: `error: the hub at ${hp.url} refused the token for workspace: permission-denied — check the token (pat hub set ${hp.url} --token T)\n`
      })
      expect(await pat(A, ['hub', 'set', `${hp.url}/`, '--token', 'sw0rdfish'])).toMatchObject({ code: 0, stdout: `hub set to ${hp.url} (with a token): pat serve and the app sync through it, pat sync --hub once\n` })
      expect(await patJson(A, ['hub', 'show'])).toEqual({ url: hp.url, token: true })
      expect(await pat(A, ['sync', '--hub'])).toMatchObject({ code: 0, stdout: `synced 2 documents through ${hp.url}: received changes to 0, sent changes to 0\n` })
    } finally {
      await hp.close()
    }
  })

  it('says what is wrong: both --peer and --hub, a stray --token, an unreachable hub', async () => {
    const A = await tempDir()
    await pat(A, ['init', '--name', 'Ana Lima'])
    expect(await pat(A, ['sync', '--hub', hub.url, '--peer', '127.0.0.1:47600'])).toMatchObject({ code: 1, stderr: 'error: --peer and --hub are exclusive: sync with one peer, or through the hub\n' })
    expect(await pat(A, ['sync', '--peer', '127.0.0.1:47600', '--token', 'x'])).toMatchObject({ code: 1, stderr: 'error: --token goes with --hub: pat sync --hub URL --token TOKEN\n' })
    const closed = `ws://127.0.0.1:${await freePort()}`
    const r = await pat(A, ['sync', '--hub', closed, '--timeout', '5'])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(new RegExp(`^error: cannot reach the hub at ${closed}: connect ECONNREFUSED .*\\n$`))
  })
})
