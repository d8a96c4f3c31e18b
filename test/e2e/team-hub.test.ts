// The team hub (hub/, Hocuspocus 3 with tokens) as a team meets it, through the real binaries: the hub's own
// `serve` and `token` commands, and `pat`. Ana and Bo (joined by invite) each get a token for their team; after
// edits made apart, `pat sync --hub hocuspocus+ws://… --token T` by Ana, Bo, then Ana leaves them identical.
// A wrong token and a revoked one fail with one clear line and exit 1, changing nothing. Loopback only.
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { pat, patJson } from '../helpers/cli.js'
import { tempDir } from '../helpers/home.js'
import { hubCli, startHub } from '../helpers/hub-server.mjs'
import { startServe } from '../helpers/serve.js'

const stops: Array<() => unknown> = []
afterAll(async () => { for (const stop of stops.reverse()) await stop() })

/** The token the hub's CLI prints once for a new member of `team`. */
async function token (tokens: string, team: string, member: string): Promise<string> {
  const r = await hubCli(['token', 'add', '--team', team, '--member', member], tokens)
  expect(r.code).toBe(0)
  return r.stdout.trim()
}

describe('a team syncing through its own hub (hub/), with tokens', () => {
  it('converges two members who never meet, and refuses a wrong or revoked token in one line', async () => {
    const [A, B, dir] = [await tempDir(), await tempDir(), await tempDir()]
    const tokens = join(dir, 'tokens.json')
    const hub = await startHub({ data: join(dir, 'data'), tokens })
    stops.push(() => hub.close())
    const url = `hocuspocus+${hub.url}`

    await pat(A, ['init', '--name', 'Ana Lima'])
    const acc = await patJson(A, ['account', 'add', '--name', 'Hub Harbor Co', '--ior', '33-4445556'])
    const { child: ana } = await startServe(A, child => stops.push(() => child.kill('SIGKILL')))
    const invite = await patJson(A, ['team', 'invite'])
    expect(await pat(B, ['init', '--name', 'Bo Chen', '--join', invite.code])).toMatchObject({ code: 0 })
    ana.kill('SIGTERM')
    await new Promise(resolve => ana.once('exit', resolve))

    const { teamId } = await patJson(A, ['status'])
    expect((await patJson(B, ['status'])).teamId).toBe(teamId)
    const anaToken = await token(tokens, teamId, 'Ana Lima')
    const boToken = await token(tokens, teamId, 'Bo Chen')

    // From here on the two never meet: only the hub connects them.
    await pat(A, ['plan', 'add', acc.id, '--title', 'Hub item from Ana', '--priority', 'high', '--due', '2027-01-10'])
    await pat(B, ['plan', 'add', acc.id, '--title', 'Hub item from Bo', '--priority', 'low', '--due', '2027-02-10'])
    for (const [home, tok] of [[A, anaToken], [B, boToken], [A, anaToken]] as const) {
      const r = await pat(home, ['sync', '--hub', url, '--token', tok])
      expect(r.code, r.stderr).toBe(0)
      expect(r.stdout.startsWith(`synced 2 documents through ${url}: `)).toBe(true)
    }
    const shown = await Promise.all([A, B].map(h => patJson(h, ['account', 'show', acc.id])))
    expect(shown[0]).toEqual(shown[1])
    expect(shown[0].plan.items.map((i: { title: string }) => i.title).sort()).toEqual(['Hub item from Ana', 'Hub item from Bo'])

    const before = await patJson(B, ['account', 'show', acc.id])
    const wrong = await pat(B, ['sync', '--hub', url, '--token', 'pdh_not-a-token'])
    expect(wrong).toMatchObject({ code: 1, stderr: `error: the hub at ${url} refused the token for workspace: unknown token — check the token (pat hub set ${url} --token T)\n` })
    expect(await hubCli(['token', 'revoke', 'Bo Chen'], tokens)).toMatchObject({ code: 0 })
    const revoked = await pat(B, ['sync', '--hub', url, '--token', boToken])
    expect(revoked.code).toBe(1)
    expect(revoked.stderr.startsWith(`error: the hub at ${url} refused the token for workspace: `)).toBe(true)
    expect(revoked.stderr).toMatch(/revoked.* — check the token/)
    expect(await patJson(B, ['account', 'show', acc.id])).toEqual(before)
  })
})
