// hub/ keeps every room in its data directory (LevelDB): what members synced is there after the hub is
// stopped and started again, for members who were never online with them; one data directory, one hub.
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/home.js'
import { hubCli, hubToken, joinRoom, startHub } from '../helpers/hub-server.mjs'

const TEAM = 'k7m2q9x4v3w8t6p5'
const stops: Array<() => unknown> = []
afterEach(async () => { for (const stop of stops.splice(0).reverse()) await stop() })

async function setup () {
  const dir = await tempDir('pat-hub-data-')
  const tokens = join(dir, 'tokens.json')
  const token = await hubToken(tokens, TEAM, 'Ana Lima')
  return { data: join(dir, 'data'), tokens, token }
}

async function started (opts: { data: string, tokens: string }) {
  const hub = await startHub(opts)
  stops.push(hub.close)
  return hub
}

function joined (url: string, room: string, token: string, clientId: number) {
  const r = joinRoom(url, room, token, clientId)
  stops.push(r.leave)
  return r
}

describe('hub persistence', () => {
  it('serves what members synced after a restart, every room on its own', async () => {
    const { data, tokens, token } = await setup()
    let hub = await started({ data, tokens })
    const acc = joined(hub.url, `${TEAM}/account/abc`, token, 1)
    const ws = joined(hub.url, `${TEAM}/workspace`, token, 1)
    await Promise.all([acc.synced, ws.synced])
    acc.doc.getMap('profile').set('name', 'Harbor Freight Co')
    acc.doc.getArray('contacts').push(['Eve Moreau', 'Sam Ortiz'])
    ws.doc.getMap('directory').set('abc', 'Harbor Freight Co')
    await Promise.all([acc.settled(5000), ws.settled(5000)])
    acc.leave()
    ws.leave()
    await hub.close()

    hub = await started({ data, tokens })
    const again = joined(hub.url, `${TEAM}/account/abc`, token, 2)
    const dir = joined(hub.url, `${TEAM}/workspace`, token, 2)
    await Promise.all([again.synced, dir.synced])
    expect(again.doc.getMap('profile').toJSON()).toEqual({ name: 'Harbor Freight Co' })
    expect(again.doc.getArray('contacts').toJSON()).toEqual(['Eve Moreau', 'Sam Ortiz'])
    expect(dir.doc.getMap('directory').toJSON()).toEqual({ abc: 'Harbor Freight Co' })
    expect(dir.doc.getMap('profile').size).toBe(0) // rooms do not mix
  })

  it('stores rooms still open when it is stopped', async () => {
    const { data, tokens, token } = await setup()
    let hub = await started({ data, tokens })
    const a = joined(hub.url, `${TEAM}/account/xyz`, token, 3)
    await a.synced
    for (let i = 0; i < 50; i++) a.doc.getMap('checklist').set(`item.${i}`, i % 2 ? 'yes' : 'na')
    await a.settled(5000)
    await hub.close() // the member is still connected
    expect(hub.output()).toMatch(new RegExp(`stopping: storing open rooms\n[^]*unloaded ${TEAM}/account/xyz\n.*stopped\n$`))
    a.leave()

    hub = await started({ data, tokens })
    const b = joined(hub.url, `${TEAM}/account/xyz`, token, 4)
    await b.synced
    expect(b.doc.getMap('checklist').size).toBe(50)
  })

  it('refuses a second hub on a data directory in use, with one line', async () => {
    const { data, tokens } = await setup()
    await started({ data, tokens })
    await expect(startHub({ data, tokens })).rejects.toThrow(`exited (1) before listening:\nerror: the data directory ${data} is in use by another hub: give each instance its own (--data)\n`)
  })
})

// Issue 15, point 3: a room holding a change members refuse can be emptied by the operator, hub stopped.
describe('room reset', () => {
  it('empties one stored room, leaves the others, and refuses while the hub runs', async () => {
    const { data, tokens, token } = await setup()
    let hub = await started({ data, tokens })
    const ws = joined(hub.url, `${TEAM}/workspace`, token, 5)
    const acc = joined(hub.url, `${TEAM}/account/abc`, token, 5)
    await Promise.all([ws.synced, acc.synced])
    ws.doc.getMap('team').set('name', 'Pwned Team')
    acc.doc.getMap('profile').set('name', 'Kept Co')
    await Promise.all([ws.settled(5000), acc.settled(5000)])
    ws.leave()
    acc.leave()
    const busy = await hubCli(['room', 'reset', `${TEAM}/workspace`, '--data', data], tokens)
    expect(busy).toMatchObject({ code: 1, stderr: `error: the data directory ${data} is in use by a running hub: stop it first, then reset the room\n` })
    await hub.close()

    expect(await hubCli(['room', 'reset', `${TEAM}/workspace`, '--data', data], tokens))
      .toMatchObject({ code: 0, stdout: `emptied ${TEAM}/workspace: the next member to sync fills it again from their copy\n` })
    expect(await hubCli(['room', 'reset', `${TEAM}/workspace`, '--data', data], tokens)).toMatchObject({ code: 0, stdout: expect.stringContaining('nothing to empty') })
    expect((await hubCli(['room', 'reset', 'no-slash', '--data', data], tokens)).code).toBe(2)

    hub = await started({ data, tokens })
    const again = joined(hub.url, `${TEAM}/workspace`, token, 6)
    const kept = joined(hub.url, `${TEAM}/account/abc`, token, 6)
    await Promise.all([again.synced, kept.synced])
    expect(again.doc.getMap('team').size).toBe(0)
    expect(kept.doc.getMap('profile').toJSON()).toEqual({ name: 'Kept Co' })
  })
})
