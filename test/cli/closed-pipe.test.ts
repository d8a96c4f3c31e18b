// A reader that stops early (`pat … --json | head -c 0`) closes the pipe before pat has written: pat ends
// quietly, as Unix tools do, instead of printing node's EPIPE stack trace.
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PAT, pat } from '../helpers/cli.js'

let home: string
beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'pat-pipe-'))
  expect((await pat(home, ['demo'])).code).toBe(0)
  // Kept (store/output-cache.ts): the run below prints it from the file, into the closed pipe.
  expect((await pat(home, ['due', '--json'])).code).toBe(0)
})
afterAll(async () => { await rm(home, { recursive: true, force: true }) })

/** Runs pat with its stdout closed at once by the reader; resolves with its exit code and stderr. */
function patIntoClosedPipe (args: string[]): Promise<{ code: number | null, stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PAT, '--home', home, ...args], { env: { ...process.env, NO_COLOR: '1' } })
    child.stdout.destroy()
    let stderr = ''
    child.stderr.on('data', d => { stderr += d })
    child.on('error', reject)
    child.on('close', code => resolve({ code, stderr }))
  })
}

describe('a reader that closes the pipe early', () => {
  for (const args of [['account', 'list', '--json'], ['due', '--json'], ['team', 'list', '--json'], ['search', 'profile review']]) {
    it(`ends pat ${args.join(' ')} quietly`, async () => {
      const r = await patIntoClosedPipe(args)
      expect(r.stderr).not.toMatch(/EPIPE|Error|at /)
      expect(r.code).toBe(0)
    })
  }
})
