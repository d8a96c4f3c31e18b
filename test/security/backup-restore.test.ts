// Issue 15 points 5 and 10: a backup never overwrites a file, and another team's backup never merges.
import { readFile, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { pat, patJson, stderrLines } from '../helpers/cli.js'
import { tempDir, initHome } from '../helpers/home.js'

const home = (name: string, team?: string) => initHome(name, team ? { team } : {})

describe('backup', () => {
  it('refuses an existing file unless --force, and names a missing folder in one line', async () => {
    const h = await home('Ana Lima')
    const file = join(h, 'precious.txt')
    await writeFile(file, 'precious')
    const refused = await pat(h, ['backup', file])
    expect(refused.code).toBe(1)
    expect(refused.stderr.trim()).toMatch(/^error: .*precious.txt already exists: choose a new file name, or add --force to replace it$/)
    expect(await readFile(file, 'utf8')).toBe('precious')
    const config = await pat(h, ['backup', join(h, 'workspace.json'), '--force'])
    expect(config.code).toBe(1)
    expect(config.stderr).toMatch(/part of the workspace itself/)
    expect((await pat(h, ['backup', file, '--force'])).code).toBe(0)
    expect((await readFile(file)).subarray(1, 15).toString()).toBe('patdesk-backup')
    const unreadable: Array<[string, string]> = [['/no/such/file.bak', 'there is no backup file /no/such/file.bak'], [h, `${h} is a folder: give the backup file written by \`pat backup\``]]
    for (const [from, message] of unreadable) {
      const r = await pat(h, ['restore', from])
      expect(r.code).toBe(1)
      expect(stderrLines(r)).toEqual([`error: ${message}`])
    }
    const nowhere = await pat(h, ['backup', '/no/such/dir/x.bak'])
    expect(nowhere.code).toBe(1)
    expect(stderrLines(nowhere)).toEqual(['error: cannot write the backup: the folder /no/such/dir does not exist; create it or choose another place'])
  })

  it('never writes over a file of the workspace, by any name: its settings and invites, or through a linked folder', async () => {
    const h = await home('Ana Lima')
    const config = await readFile(join(h, 'workspace.json'), 'utf8')
    await writeFile(join(h, 'invites.json'), '{"version":1,"invites":[]}')
    const link = join(await tempDir(), 'home-link')
    await symlink(h, link)
    // Through the link, the backup replaced workspace.json and was then itself replaced by the config (which
    // records the last backup's path): "backed up … to …/workspace.json", and no backup anywhere.
    for (const file of [join(link, 'workspace.json'), join(h, 'invites.json'), join(h, 'db-manifest.json'), join(h, 'own-clients'), join(link, 'set-aside', 'x.json'), join(h, 'aggregates', 'summary.json')]) {
      const r = await pat(h, ['backup', file, '--force'])
      expect(r.code, file).toBe(1)
      expect(stderrLines(r), file).toEqual([expect.stringMatching(/is part of the workspace itself: write the backup somewhere outside/)])
    }
    expect(await readFile(join(h, 'workspace.json'), 'utf8')).toBe(config)
    expect(await readFile(join(h, 'invites.json'), 'utf8')).toBe('{"version":1,"invites":[]}')
    expect((await pat(h, ['account', 'list'])).code).toBe(0)
    // A file of its own inside the home is fine.
    expect((await pat(h, ['backup', join(link, 'mine.patbackup')])).code).toBe(0)
  })
})

describe('restore of another team\'s backup', () => {
  it('never merges it, and replaces only with --other-team', async () => {
    const a = await home('Ana Lima')
    const m = await home('Mallory', 'Other Team')
    expect((await pat(m, ['account', 'add', '--name', 'Mallory Secret Account'])).code).toBe(0)
    const file = join(await tempDir(), 'm.bak')
    expect((await pat(m, ['backup', file])).code).toBe(0)
    const merged = await pat(a, ['restore', file, '--merge'])
    expect(merged.code).toBe(1)
    expect(merged.stderr.trim()).toMatch(/^error: .* is a backup of another team "Other Team" \(id .*\), not of this team "Ana Lima's team" .*merging it would bring that team's members and accounts into yours; refused$/)
    const replaced = await pat(a, ['restore', file])
    expect(replaced.code).toBe(1)
    expect(replaced.stderr).toMatch(/add --other-team to replace this workspace with that team's/)
    expect(await patJson(a, ['account', 'list'])).toEqual([])
    expect((await pat(a, ['restore', file, '--other-team'])).code).toBe(0)
    expect((await patJson(a, ['account', 'list'])).map((r: { name: string }) => r.name)).toEqual(['Mallory Secret Account'])
  })
})
