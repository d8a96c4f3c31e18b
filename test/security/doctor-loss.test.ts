// Issue 15 points 6, 8 and 9, and the damaged-key and corrupt-config crashes: doctor says exactly what a
// damaged database lost and recovers it from a backup; it never calls damage a lock, rebuilds a missing
// or corrupt workspace.json from the database and the identity, and checks the key.
import { execFileSync } from 'node:child_process'
import { open, readdir, rename, rm, stat, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PAT, pat, patJson, stderrLines } from '../helpers/cli.js'
import { tempDir } from '../helpers/home.js'

/** A workspace with two accounts, some details, and its data in LevelDB tables (reopened a few times). */
async function sample () {
  const h = await tempDir()
  expect((await pat(h, ['init', '--name', 'Ana Lima'])).code).toBe(0)
  for (const name of ['Harbor Imports', 'Blue Heron Apparel']) expect((await pat(h, ['account', 'add', '--name', name])).code).toBe(0)
  expect((await pat(h, ['contact', 'add', 'Harbor', '--name', 'Lee Park', '--side', 'account'])).code).toBe(0)
  expect((await pat(h, ['plan', 'add', 'Harbor', '--title', 'Classification review', '--priority', 'high'])).code).toBe(0)
  const before = await patJson(h, ['account', 'list'])
  return { h, db: join(h, 'db'), before }
}

/** Overwrites all but the end of the largest table, as a bad disk sector would. */
async function damageLargestTable (db: string): Promise<void> {
  const tables = (await readdir(db)).filter(f => f.endsWith('.ldb'))
  const sizes = await Promise.all(tables.map(async f => ({ f, size: (await stat(join(db, f))).size })))
  const { f, size } = sizes.sort((a, b) => b.size - a.size)[0]!
  const fd = await open(join(db, f), 'r+')
  await fd.write(Buffer.alloc(size - 48, 0xff), 0, size - 48, 0)
  await fd.close()
}

describe('doctor after damage', { timeout: 120_000 }, () => {
  it('a damaged table: not called a lock; doctor names what was lost, then recovers it from the backup', async () => {
    const { h, db, before } = await sample()
    const file = join(await tempDir(), 'last.patbackup')
    // The backup is moved away after it is written, so the first doctor run has only the manifest to go by.
    expect((await pat(h, ['backup', file])).code).toBe(0)
    const moved = file + '.moved'
    await rename(file, moved)
    expect((await readdir(db)).some(f => f.endsWith('.ldb'))).toBe(true)
    await damageLargestTable(db)

    const listed = await pat(h, ['account', 'list'])
    expect(listed.stderr + listed.stdout).not.toMatch(/in use by another/)
    const report = await pat(h, ['doctor', '--json'])
    expect(report.code).toBe(1)
    const parsed = JSON.parse(report.stdout)
    expect(parsed.ok).toBe(false)
    expect(parsed.missing.length).toBeGreaterThan(0)
    expect(report.stderr.trim()).toMatch(/^error: (\d+ document\(s\) lost changes that no backup here holds|the database could not be recovered \(lost): .*(whole document|changes?\)).*pat doctor --from-backup FILE/)
    // Documents are named as the member knows them: the account's name, or the team's workspace.
    expect(report.stderr).toMatch(/(account "(Harbor Imports|Blue Heron Apparel)" \[[^\]]+\]|the team's workspace) \(/)

    const recovered = await pat(h, ['doctor', '--from-backup', moved, '--json'])
    expect(recovered.code).toBe(0)
    expect(JSON.parse(recovered.stdout).lines.join('\n')).toMatch(/(merged|restored) \d+ documents from the backup[\s\S]*nothing missing/)
    // …and, before merging, exactly what the backup's copy holds that the recovered one lacked.
    const lost = JSON.parse(recovered.stdout).lines.filter((l: string) => l.startsWith('lost from '))
    expect(lost.length).toBeGreaterThan(0)
    for (const l of lost) expect(l).toMatch(/^lost from (account "[^"]+" \[[^\]]+\]|the team's workspace \(roster and account directory\)): .*(\d+ (contacts?|plan items?|activity log entr(y|ies)|checklist answers?|accounts? in the directory|roster entr(y|ies)|profile or plan fields?)|the whole document|\d+ changes?)/)
    expect(await patJson(h, ['account', 'list'])).toEqual(before)
  })

  it('a truncated table: doctor reports the loss instead of "recovered all"', async () => {
    const { h, db } = await sample()
    const tables = (await readdir(db)).filter(f => f.endsWith('.ldb'))
    for (const t of tables) await truncate(join(db, t), 100)
    const r = await pat(h, ['doctor'])
    expect(r.code).not.toBe(0)
    expect(r.stdout + r.stderr).not.toMatch(/recovered all/)
    expect(stderrLines(r)).toHaveLength(1)
    expect(r.stderr).toMatch(/lost|could not be recovered/)
  })

  it('a missing workspace.json: no new team over the old database; doctor rebuilds it', async () => {
    const { h, before } = await sample()
    const { teamId } = await patJson(h, ['status'])
    await rm(join(h, 'workspace.json'))
    for (const args of [[], ['status'], ['account', 'list'], ['init', '--name', 'root']]) {
      const r = await pat(h, args)
      expect(r.code).not.toBe(0)
      expect(r.stderr.trim()).toMatch(/^error: workspace.json is missing in .* but the team's database is there: run `pat doctor` to rebuild it/)
    }
    const fixed = await pat(h, ['doctor'])
    expect(fixed.code).toBe(0)
    expect(fixed.stdout).toMatch(/rebuilt workspace.json: team "Ana Lima's team" \(id .*\), member Ana Lima/)
    expect((await patJson(h, ['status'])).teamId).toBe(teamId)
    expect(await patJson(h, ['account', 'list'])).toEqual(before)
  })

  it('a corrupt workspace.json is kept and rebuilt; a newer format is named as such', async () => {
    const { h } = await sample()
    await writeFile(join(h, 'workspace.json'), '{"version": 1, "memb')
    const listed = await pat(h, ['account', 'list'])
    expect(listed.stderr.trim()).toMatch(/^error: the workspace config .* is unreadable .*: run `pat doctor`$/)
    const fixed = await pat(h, ['doctor'])
    expect(fixed.code).toBe(0)
    expect(fixed.stdout).toMatch(/kept the unreadable workspace.json as .*workspace.json.damaged-/)
    expect((await pat(h, ['account', 'list'])).code).toBe(0)
    await writeFile(join(h, 'workspace.json'), JSON.stringify({ version: 7 }))
    for (const args of [['account', 'list'], ['doctor']]) {
      const r = await pat(h, args)
      expect(r.code).not.toBe(0)
      expect(r.stderr.trim()).toMatch(/^error: the workspace config .* was made by a newer PAT Desk \(format version 7\); update pat to use this workspace$/)
    }
  })

  it('a damaged or missing key: one line from sync, and doctor checks it', async () => {
    const { h } = await sample()
    const key = join(h, 'identity', 'member.key')
    await writeFile(key, 'not a key')
    const sync = await pat(h, ['sync', '--peer', '127.0.0.1:9', '--timeout', '2'])
    expect(sync.code).toBe(1)
    expect(sync.stderr.trim()).toMatch(/^error: your key .*member.key is damaged \(not a private key PEM\)/)
    const doctor = await pat(h, ['doctor'])
    expect(doctor.code).toBe(1)
    expect(doctor.stdout).toMatch(/identity: your key .* is damaged/)
    await rm(key)
    expect((await pat(h, ['doctor'])).stderr).toMatch(/your key .* is missing/)
  })

  it('a read-only home: doctor says so in one line, not EROFS', async () => {
    const { h } = await sample()
    // A read-only bind mount in a private mount namespace (tests run as root here, so permissions would not do).
    const out = execFileSync('unshare', ['-rm', 'sh', '-c', 'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" && "$2" "$3" --home "$1" doctor 2>&1; echo "exit=$?"', 'sh', h, process.execPath, PAT],
      { env: { ...process.env, NO_COLOR: '1' } }).toString()
    // Exactly one line: no empty report line printed before it.
    expect(out.replace(/\n$/, '').split('\n')).toEqual([expect.stringMatching(/^error: the home .* is on a read-only file system: doctor keeps a copy before repairing anything/), 'exit=1'])
  })
})
