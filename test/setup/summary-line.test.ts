// The closing line of `npm test` never says "0 failed" when a test file failed to load or its beforeAll
// failed: vitest is run on fixtures that do both (test/setup/fixtures/), with the summary reporter.
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { expect, it } from 'vitest'

const run = promisify(execFile)
const VITEST = fileURLToPath(new URL('../../node_modules/vitest/vitest.mjs', import.meta.url))
const CONFIG = fileURLToPath(new URL('./fixtures/vitest.config.ts', import.meta.url))

it('counts a file that failed to load and one whose beforeAll failed as failures, their tests as not run', async () => {
  const r = await run(process.execPath, [VITEST, 'run', '--config', CONFIG], { env: { ...process.env, NO_COLOR: '1' } })
    .then(() => undefined, (e: { code: number, stdout: string }) => e)
  expect(r?.code).toBe(1)
  const line = r!.stdout.trim().split('\n').pop()!
  expect(line).toMatch(/^1 passed, 2 failed, 2 not run \(/)
  expect(line).toContain('test/setup/fixtures/broken-import.fixture.ts failed to run: Cannot find module \'./no-such-module.js\'')
  expect(line).toContain('test/setup/fixtures/failing-hook.fixture.ts failed to run: spawn /usr/bin/redis-server ENOENT')
})
