// Temporary workspace homes for tests, removed after each test file; `initHome` makes one with a workspace.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { everyFile } from './cleanup.js'
import { pat } from './cli.js'

const made: string[] = []
everyFile(async () => { await Promise.all(made.splice(0).map(d => rm(d, { recursive: true, force: true }))) })

export async function tempDir (prefix = 'pat-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  made.push(dir)
  return dir
}

/**
 * A temporary home where `pat init` made a workspace for `name` (in `team` when given), with the `accounts`
 * added by name; a step that fails throws its stderr.
 */
export async function initHome (name = 'Ana Lima', opts: { team?: string, accounts?: readonly string[] } = {}): Promise<string> {
  const home = await tempDir()
  const steps = [['init', '--name', name, ...(opts.team ? ['--team', opts.team] : [])], ...(opts.accounts ?? []).map(a => ['account', 'add', '--name', a])]
  for (const args of steps) {
    const r = await pat(home, args)
    if (r.code !== 0) throw new Error(`pat ${args.join(' ')} exited ${r.code}: ${r.stderr}`)
  }
  return home
}
