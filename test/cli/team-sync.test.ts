// `pat serve`, `pat team …`, `pat init --join` and `pat sync` as a user runs them, on loopback: commands
// routed into the running peer, invites spent once, owner-only roster changes (signed with the member's key),
// a viewer's edit set aside (never sent) while the viewer keeps receiving, sync status, and a stranger refused with nothing learned.
import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/home.js'
import { pat, patJson, stderrLines } from '../helpers/cli.js'
import { killedAfterEach, startServe } from '../helpers/serve.js'

const keep = killedAfterEach()

describe('team sync from the command line', () => {
  it('invites, joins, refuses what the roster does not allow, and reports status', async () => {
    const [A, B, C, D] = [await tempDir(), await tempDir(), await tempDir(), await tempDir()]
    await pat(A, ['init', '--name', 'Ana Lima'])
    const acc = await patJson(A, ['account', 'add', '--name', 'Shared Harbor Co'])
    const { address } = await startServe(A, keep)

    const invite = await patJson(A, ['team', 'invite', '--ttl', '1h'])
    expect(invite).toMatchObject({ role: 'editor', addresses: [address], code: expect.stringMatching(/^pat1\./) })
    const joined = await pat(B, ['init', '--name', 'Bo Chen', '--join', invite.code])
    expect(joined).toMatchObject({ code: 0, stderr: '' })
    expect(joined.stdout).toMatch(/^joined team "Ana Lima's team" as editor \(invited by Ana Lima\)/)
    expect((await patJson(B, ['account', 'show', acc.id])).name).toBe('Shared Harbor Co')

    const reused = await pat(C, ['init', '--name', 'Cy Park', '--join', invite.code])
    expect(reused).toMatchObject({ code: 1, stderr: 'error: this invite code has already been used: ask an owner for a new one\n' })
    expect(existsSync(join(C, 'workspace.json'))).toBe(false)
    const garbled = await pat(C, ['init', '--name', 'Cy Park', '--join', 'pat1.garbage'])
    expect(garbled.code).toBe(1)
    expect(garbled.stderr).toMatch(/^error: this is not a valid invite code \(it is damaged or cut short\)/)
    expect((await pat(A, ['team', 'invite', '--role', 'owner'])).stderr).toBe('error: unknown role "owner": use editor, viewer\n')

    const notOwner = await pat(B, ['team', 'remove', 'Ana Lima'])
    expect(notOwner).toMatchObject({ code: 1, stderr: 'error: only an owner can change the team: you are an editor\n' })
    expect(await patJson(A, ['team', 'role', 'Bo Chen', 'viewer'])).toMatchObject({ name: 'Bo Chen', role: 'viewer' })

    // Issue 15, point 4: a member demoted to viewer keeps receiving; their own edit is set aside, not sent.
    await pat(B, ['plan', 'add', acc.id, '--title', 'Viewer item', '--priority', 'low'])
    await pat(A, ['plan', 'add', acc.id, '--title', 'Owner item after the demotion', '--priority', 'low'])
    // Bo learns of his demotion in this exchange. Whether he answers Ana's state vector before or after the
    // roster arrives depends on the order of the frames (each side's vouches document is offered too): before,
    // his edit reaches Ana, who sets it aside on her side; after, he sets it aside on his and never sends it.
    // Either way the edit never reaches Ana's account, and Bo keeps receiving.
    const firstSync = await pat(B, ['sync', '--peer', address, '--timeout', '20'])
    expect(firstSync).toMatchObject({ code: 0, stdout: `synced with Ana Lima at ${address}: both sides are up to date\n` })
    expect(JSON.stringify(await patJson(B, ['account', 'show', acc.id]))).toContain('Owner item after the demotion')
    const onAna = await patJson(A, ['sync', 'set-aside', 'list'])
    const sentFirst = onAna.length > 0
    if (sentFirst) expect(onAna).toEqual([expect.objectContaining({ doc: `account/${acc.id}`, source: 'peer Bo Chen', reason: `a viewer may not change account/${acc.id}` })])
    // From then on Bo knows he is a viewer: his edit is set aside on his side and not sent (said once).
    const viewerSync = await pat(B, ['sync', '--peer', address, '--timeout', '20'])
    expect(viewerSync).toMatchObject({ code: 0, stdout: `synced with Ana Lima at ${address}: both sides are up to date\n` })
    const mine = new RegExp(`^account/${acc.id}: 1 change of yours set aside, not sent: you are a viewer: an owner can make you an editor \\(pat team role\\) \\(pat sync set-aside list\\)$`)
    expect([...stderrLines(firstSync), ...stderrLines(viewerSync)].filter(l => mine.test(l))).toHaveLength(1)
    expect(JSON.stringify(await patJson(A, ['account', 'show', acc.id]))).not.toContain('Viewer item')
    const aside = await patJson(B, ['sync', 'set-aside', 'list'])
    expect(aside).toEqual([expect.objectContaining({ doc: `account/${acc.id}`, source: 'here', author: 'Bo Chen' })])
    expect((await pat(B, ['sync', '--peer', address, '--timeout', '20'])).stderr).toBe('') // reported once
    const file = join(B, 'viewer-edit.yjs')
    expect((await pat(B, ['sync', 'set-aside', 'export', aside[0].id, file])).stdout).toMatch(/^wrote \d+ bytes to /)
    expect((await pat(B, ['sync', 'set-aside', 'export', aside[0].id, file])).stderr).toBe(`error: ${file} exists: give another file, or --force to replace it\n`)
    expect((await pat(B, ['sync', 'set-aside', 'drop', aside[0].id])).stdout).toBe('dropped 1 change set aside\n')
    expect((await pat(B, ['sync', 'set-aside', 'list'])).stdout).toBe('nothing set aside\n')
    expect((await pat(B, ['sync', 'set-aside', 'drop', aside[0].id])).stderr).toBe(`error: no change set aside has the id "${aside[0].id}": see \`pat sync set-aside list\`\n`)

    const status = await patJson(A, ['sync', 'status'])
    expect(status).toMatchObject({ listening: address, member: { name: 'Ana Lima' } })
    expect(status.peers).toEqual([expect.objectContaining({ name: 'Bo Chen', connected: false, lastSync: expect.any(String) })])
    const remembered = await patJson(B, ['sync', 'status'])
    expect(remembered.peers).toEqual([expect.objectContaining({ name: 'Ana Lima', address, connected: false, pending: null })])

    await pat(D, ['init', '--name', 'Eve Stranger'])
    const stranger = await pat(D, ['sync', '--peer', address, '--timeout', '20'])
    expect(stranger).toMatchObject({ code: 1, stderr: `error: ${address} refused the connection: not a member of this team\n` })
    expect(await patJson(D, ['account', 'list'])).toEqual([])
    expect((await pat(D, ['sync'])).stderr).toBe('error: say what to sync with: pat sync --peer HOST:PORT, or pat sync --hub [URL] (or see pat sync status)\n')
  }, 150_000)

  it('signs roster changes with the member\'s key: without it, one line saying so and the roster unchanged', async () => {
    const A = await tempDir()
    await pat(A, ['init', '--name', 'Ana Lima'])
    const before = await patJson(A, ['team', 'list'])
    await rm(join(A, 'identity', 'member.key'))
    const changed = await pat(A, ['team', 'role', 'Ana Lima', 'owner'])
    expect(changed.code).toBe(1)
    expect(changed.stderr).toMatch(/^error: your key .*member\.key is missing: sync and roster changes need it; restore identity\/ from a copy of this home/)
    expect(await patJson(A, ['team', 'list'])).toEqual(before)
  })
})
