// Who am I, from the command line: a bare first start names member and team after the OS user; `pat init
// --name` then names that workspace instead of refusing; `pat me set --name` renames the member, `pat team
// rename` (owners) the team; the summary and new activity entries show the new names.
import { describe, expect, it } from 'vitest'
import { pat, patJson } from '../helpers/cli.js'
import { tempDir } from '../helpers/home.js'

const OS_USER = { PAT_NAME: 'ops' } // the default name (the OS user's), fixed for the test

describe('pat me, pat team rename, pat init on a default workspace', () => {
  it('pat init --name names the workspace a bare start made, once; then it refuses and says how to rename', async () => {
    const home = await tempDir()
    expect((await pat(home, [], OS_USER)).stdout).toContain('PAT Desk — ops\'s team')
    const init = await pat(home, ['init', '--name', 'Dana Ruiz'], OS_USER)
    expect(init).toMatchObject({ code: 0, stderr: '' })
    expect(init.stdout).toMatch(/^named the workspace "Dana Ruiz's team" in .*\nyou are Dana Ruiz \(member id /)
    expect(await patJson(home, ['me'])).toMatchObject({ name: 'Dana Ruiz', role: 'owner', team: { name: 'Dana Ruiz\'s team' } })
    const again = await pat(home, ['init', '--name', 'Someone Else'])
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/^error: a workspace already exists in .* \(you are Dana Ruiz\): `pat me set --name NAME` renames you; use another --home to create a new one\n$/)
  })

  it('pat init --name --team on a default workspace names both', async () => {
    const home = await tempDir()
    await pat(home, ['demo'], OS_USER)
    expect(await patJson(home, ['init', '--name', 'Dana Ruiz', '--team', 'Savannah PAT'])).toMatchObject({ member: { name: 'Dana Ruiz' }, team: { name: 'Savannah PAT' } })
  })

  it('renames the member and the team; the summary and new log entries use the new names', async () => {
    const home = await tempDir()
    await pat(home, ['init', '--name', 'Dana Ruiz'])
    const acc = await patJson(home, ['account', 'add', '--name', 'Harbor Imports'])
    const me = await pat(home, ['me', 'set', '--name', 'Dana Ruiz-Okafor'])
    expect(me).toMatchObject({ code: 0, stdout: 'you are now Dana Ruiz-Okafor; teammates see it once they sync\n' })
    expect((await pat(home, ['me', 'set', '--name', 'Dana Ruiz-Okafor'])).stdout).toBe('your name is already Dana Ruiz-Okafor\n')
    const team = await pat(home, ['team', 'rename', 'Savannah PAT'])
    expect(team).toMatchObject({ code: 0, stdout: 'the team is now "Savannah PAT"; members see it once they sync\n' })
    await pat(home, ['account', 'set', acc.id, '--lead-port', 'Savannah'])
    const log = await patJson<Array<{ byName: string }>>(home, ['log', acc.id])
    expect(log.map(e => e.byName)).toEqual(['Dana Ruiz', 'Dana Ruiz-Okafor'])
    const status = (await pat(home, ['status'])).stdout
    expect(status).toContain('PAT Desk — Savannah PAT')
    expect(status).toContain('Member: Dana Ruiz-Okafor')
    expect((await patJson(home, ['team', 'list']))[0]).toMatchObject({ name: 'Dana Ruiz-Okafor', role: 'owner' })
    expect((await pat(home, ['me'])).stdout).toMatch(/^Dana Ruiz-Okafor, owner of "Savannah PAT" \(member id /)
  })

  it('refuses an empty name in one line', async () => {
    const home = await tempDir()
    await pat(home, ['init', '--name', 'Dana Ruiz'])
    expect(await pat(home, ['me', 'set', '--name', ' '])).toMatchObject({ code: 1, stderr: 'error: your name cannot be empty\n' })
    expect(await pat(home, ['team', 'rename', ''])).toMatchObject({ code: 1, stderr: 'error: the team\'s name cannot be empty\n' })
  })
})
