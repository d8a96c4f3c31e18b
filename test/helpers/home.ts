// Temporary workspace homes for tests, removed after each test file.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'

const made: string[] = []
afterAll(async () => { await Promise.all(made.map(d => rm(d, { recursive: true, force: true }))) })

export async function tempDir (prefix = 'pat-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  made.push(dir)
  return dir
}
