import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/store/database.js'
import { tempDir } from '../helpers/home.js'
import { killedAfterEach, startServe } from '../helpers/serve.js'
import { pat, patJson, waitFor } from '../helpers/cli.js'

const keep = killedAfterEach()

describe('a second pat while the workspace is held', () => {
  it('routes commands through the running `pat serve`', async () => {
    const H = await tempDir()
    await pat(H, ['init', '--name', 'Dana Ruiz'])
    await startServe(H, keep)
    await waitFor(() => existsSync(join(H, 'pat.sock')), 10_000, 'the control socket')
    const acc = await patJson(H, ['account', 'add', '--name', 'Routed Co', '--ior', '12-3456789'])
    expect(acc.name).toBe('Routed Co')
    const again = await pat(H, ['account', 'add', '--name', 'Dup', '--ior', '12-3456789'])
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/already belongs to account "Routed Co"/)
    expect((await patJson(H, ['account', 'list'])).map((a: any) => a.name)).toEqual(['Routed Co'])
  })

  it('recovers after the holder is killed with SIGKILL (stale socket, released lock)', async () => {
    const H = await tempDir()
    await pat(H, ['init', '--name', 'Dana Ruiz'])
    const { child } = await startServe(H, keep)
    await waitFor(() => existsSync(join(H, 'pat.sock')), 10_000, 'the control socket')
    await patJson(H, ['account', 'add', '--name', 'Before Kill'])
    child.kill('SIGKILL')
    await new Promise(resolve => child.once('exit', resolve))
    expect(existsSync(join(H, 'pat.sock'))).toBe(true)
    expect((await patJson(H, ['account', 'list'])).map((a: any) => a.name)).toEqual(['Before Kill'])
  })

  it('waits for a holder without a socket, then says plainly that the workspace is in use', async () => {
    const H = await tempDir()
    await pat(H, ['init', '--name', 'Dana Ruiz'])
    const db = await openDatabase(join(H, 'db'))
    try {
      const r = await pat(H, ['account', 'list'], { PAT_LOCK_WAIT_MS: '300' })
      expect(r.code).toBe(3)
      expect(r.stderr).toMatch(/in use by another pat process/)
      expect(r.stderr).not.toMatch(/IO error/)
    } finally {
      await db.close()
    }
  })
})
