// hub/ (the team's Hocuspocus server, run from its own bin) as members meet it: a member's token opens the
// rooms of its team, and nothing else; a wrong, unknown, revoked or other team's token is refused with the
// reason; revoking a token ends the rooms that member has open, without restarting the hub.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/home.js'
import { hubCli, joinRoom, startHub, waitFor } from '../helpers/hub-server.mjs'

const TEAM = 'k7m2q9x4v3w8t6p5'
const OTHER_TEAM = 'a2b3c4d5e6f7g8h9'
let tokens: string
let hub: Awaited<ReturnType<typeof startHub>>
const rooms: Array<ReturnType<typeof joinRoom>> = []
const join_ = (room: string, token: string, clientId: number) => { const r = joinRoom(hub.url, room, token, clientId); rooms.push(r); return r }

async function addToken (team: string, member: string, role?: 'viewer'): Promise<string> {
  const r = await hubCli(['token', 'add', '--team', team, '--member', member, ...(role ? ['--role', role] : [])], tokens)
  expect(r).toMatchObject({ code: 0, stderr: expect.stringMatching(new RegExp(`^token [0-9a-f]{10} for ${member} \\(team ${team}${role ? ', viewer: read-only' : ''}\\)`)) })
  return r.stdout.trim()
}

beforeAll(async () => {
  const dir = await tempDir('pat-hub-')
  tokens = join(dir, 'tokens.json')
  hub = await startHub({ data: join(dir, 'data'), tokens })
}, 20_000)
afterAll(async () => { for (const r of rooms) r.leave(); await hub?.close() })

describe('hub tokens', () => {
  it('lets a member with a token of the team open its rooms, and members converge there', async () => {
    const [ana, bo] = [await addToken(TEAM, 'Ana Lima'), await addToken(TEAM, 'Bo Chen')] // added while the hub runs
    const a = join_(`${TEAM}/account/abc`, ana, 1)
    await a.synced
    a.doc.getMap('profile').set('name', 'Harbor Freight Co')
    await a.settled(5000)
    const b = join_(`${TEAM}/account/abc`, bo, 2)
    await b.synced
    expect(b.doc.getMap('profile').get('name')).toBe('Harbor Freight Co')
  })

  it('refuses a wrong or missing token, another team\'s token and a room that is not <team id>/<document>', async () => {
    const cy = await addToken(OTHER_TEAM, 'Cy Other')
    const ana = await addToken(TEAM, 'Ana Lima')
    const cases: Array<[string, string, RegExp]> = [
      [`${TEAM}/workspace`, 'pdh_not-a-token-anyone-was-given', /^unknown token$/],
      [`${TEAM}/workspace`, '', /^no token$/],
      [`${TEAM}/workspace`, cy, new RegExp(`^this token is for team ${OTHER_TEAM}; room "${TEAM}/workspace" is another team's$`)],
      ['workspace', ana, /^room "workspace" is not <team id>\/<document>$/],
      [`${TEAM}/`, ana, /is not <team id>\/<document>/]
    ]
    for (const [i, [room, token, reason]] of cases.entries()) {
      const r = join_(room, token, 10 + i)
      expect(await r.refused).toMatch(reason)
      expect(r.provider.isSynced).toBe(false)
    }
  })

  it('ends a revoked member\'s open rooms and refuses the token from then on; others carry on', async () => {
    const ana = await addToken(TEAM, 'Ana Lima')
    const dee = await addToken(TEAM, 'Dee Park')
    const a = join_(`${TEAM}/workspace`, ana, 21)
    const d = join_(`${TEAM}/workspace`, dee, 22)
    await Promise.all([a.synced, d.synced])

    const revoked = await hubCli(['token', 'revoke', 'dee park'], tokens)
    expect(revoked).toMatchObject({ code: 0, stdout: expect.stringMatching(/^revoked [0-9a-f]{10} \(Dee Park, team k7m2q9x4v3w8t6p5\)\n$/) })
    // at once, most likely before the hub's next look at the file: this authentication re-reads it first
    expect(await join_(`${TEAM}/account/abc`, dee, 25).refused).toMatch(/^token revoked/)
    expect(await d.closed).toBe('token revoked (Dee Park)')
    expect(await d.refused).toMatch(/^token revoked \(Dee Park, \d{4}-\d\d-\d\d\)$/) // its reconnect

    d.doc.getMap('roster').set('dee', 'still here?') // not relayed: the room is closed for Dee
    a.doc.getMap('roster').set('ana', 'owner')
    await a.settled(5000)
    const fresh = join_(`${TEAM}/workspace`, ana, 23)
    await fresh.synced
    expect(fresh.doc.getMap('roster').toJSON()).toEqual({ ana: 'owner' })
    expect(await join_(`${TEAM}/workspace`, dee, 24).refused).toMatch(/^token revoked/)
  })
})

// Issue 15, point 2: a viewer's token opens the rooms read-only — nothing the viewer sends reaches the room.
describe('a viewer\'s token', () => {
  it('reads the rooms but the hub takes nothing from it, also when a member is made a viewer while connected', async () => {
    const [ana, cy, dee] = [await addToken(TEAM, 'Ana Owner'), await addToken(TEAM, 'Cy Viewer', 'viewer'), await addToken(TEAM, 'Dee Demoted')]
    const room = `${TEAM}/account/viewer-test`
    const a = join_(room, ana, 31)
    await a.synced
    a.doc.getMap('profile').set('name', 'Owner Name')
    await a.settled(5000)
    const c = join_(room, cy, 32)
    await c.synced
    expect(c.doc.getMap('profile').get('name')).toBe('Owner Name') // a viewer receives
    c.doc.getMap('profile').set('name', 'Viewer Was Here')
    const d = join_(room, dee, 33)
    await d.synced
    d.doc.getMap('profile').set('notes', 'Dee as editor')
    await d.settled(5000)
    await waitFor(() => a.doc.getMap('profile').get('notes') === 'Dee as editor', 5000, 'the editor\'s change at Ana')

    expect((await hubCli(['token', 'role', 'Dee Demoted', 'viewer'], tokens)).stdout).toMatch(/ \(Dee Demoted, team k7m2q9x4v3w8t6p5\) is now viewer: read-only\n$/)
    await waitFor(() => hub.output().includes(`Dee Demoted is now read-only in ${room}`), 5000, 'the hub to follow the new role')
    d.doc.getMap('profile').set('notes', 'Dee as viewer')
    a.doc.getMap('profile').set('marker', 'after') // a later change from Ana: once it arrives, anything earlier would have
    await waitFor(() => d.doc.getMap('profile').get('marker') === 'after' && c.doc.getMap('profile').get('marker') === 'after', 5000, 'Ana\'s later change at the viewers')
    expect(a.doc.getMap('profile').toJSON()).toEqual({ name: 'Owner Name', notes: 'Dee as editor', marker: 'after' })
    const fresh = join_(room, ana, 34)
    await fresh.synced
    expect(fresh.doc.getMap('profile').toJSON()).toEqual({ name: 'Owner Name', notes: 'Dee as editor', marker: 'after' })
  })
})

describe('patdesk-hub token', () => {
  it('lists tokens without their hashes, revokes by id, and says what it cannot do', async () => {
    const dir = await tempDir('pat-hub-cli-')
    const file = join(dir, 'tokens.json')
    expect(await hubCli(['token', 'list'], file)).toMatchObject({ code: 0, stdout: `no tokens in ${file}\n` })
    const add = await hubCli(['token', 'add', '--team', TEAM, '--member', 'Bo Chen'], file)
    const id = /^token ([0-9a-f]{10})/.exec(add.stderr)![1]
    expect(add.stdout).toMatch(/^pdh_[A-Za-z0-9_-]{43}\n$/)
    const listed = JSON.parse((await hubCli(['token', 'list', '--json'], file)).stdout)
    expect(listed).toEqual([{ id, team: TEAM, member: 'Bo Chen', created: expect.any(String), role: 'editor' }])
    expect(JSON.stringify(listed) + (await hubCli(['token', 'list'], file)).stdout).not.toContain(add.stdout.trim())

    expect(await hubCli(['token', 'revoke', id], file)).toMatchObject({ code: 0, stdout: `revoked ${id} (Bo Chen, team ${TEAM})\n` })
    expect((await hubCli(['token', 'list'], file)).stdout).toMatch(new RegExp(`^${id}  ${TEAM}  Bo Chen  editor  created \\S+  REVOKED \\S+\\n$`))
    expect(await hubCli(['token', 'revoke', id], file)).toMatchObject({ code: 1, stderr: `error: "${id}" is already revoked\n` })
    expect(await hubCli(['token', 'revoke', 'Nobody'], file)).toMatchObject({ code: 1, stderr: 'error: no live token has the id or member "Nobody": see `token list`\n' })
    expect(await hubCli(['token', 'add', '--team', 'not/a/team', '--member', 'X'], file)).toMatchObject({ code: 1, stderr: expect.stringMatching(/^error: "not\/a\/team" is not a team id/) })
    expect(await hubCli(['token', 'add', '--team', TEAM], file)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^usage error: token add needs --team TEAM_ID and --member "NAME"\n/) })
    expect(await hubCli(['token', 'frobnicate'], file)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^usage error: unknown token command "frobnicate": use add, list, role or revoke\n/) })
    expect(await hubCli(['token', 'add', '--team', TEAM, '--member', 'X', '--role', 'boss'], file)).toMatchObject({ code: 1, stderr: 'error: unknown role "boss": use owner, editor or viewer (the member\'s role in the team)\n' })
  })

  it('refuses a damaged tokens file with one line, at start and for every command', async () => {
    const dir = await tempDir('pat-hub-bad-')
    const file = join(dir, 'tokens.json')
    const { writeFile } = await import('node:fs/promises')
    await writeFile(file, '{"version": 1, "tokens": [')
    expect(await hubCli(['token', 'list'], file)).toMatchObject({ code: 1, stderr: `error: the tokens file ${file} is not valid JSON: fix it or restore it from a backup\n` })
    await expect(startHub({ data: join(dir, 'data'), tokens: file })).rejects.toThrow(/exited \(1\) before listening:\nerror: the tokens file .* is not valid JSON/)
  })
})
