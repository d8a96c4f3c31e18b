// `pat` on a checkout that was never installed: one line saying to run `npm ci`, no stack trace, non-zero.
import { execFile } from 'node:child_process'
import { copyFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { reportError } from '../../src/cli/errors.js'
import { PAT } from '../helpers/cli.js'
import { tempDir } from '../helpers/home.js'

const run = promisify(execFile)

describe('an unbuilt checkout', () => {
  it('bin/pat.cjs (and bin/pat.js, which runs it) without dist/ or node_modules/ says to run npm ci, in one line', async () => {
    const checkout = await tempDir('pat-unbuilt-')
    await mkdir(join(checkout, 'bin'))
    await copyFile(PAT, join(checkout, 'bin', 'pat.cjs'))
    await copyFile(new URL('../../bin/pat.js', import.meta.url), join(checkout, 'bin', 'pat.js'))
    await copyFile(new URL('../../package.json', import.meta.url), join(checkout, 'package.json'))
    for (const bin of ['pat.cjs', 'pat.js']) {
      for (const args of [['--help'], [], ['account', 'list'], ['search', 'review']]) {
        const r = await run(process.execPath, [join(checkout, 'bin', bin), ...args]).then(() => undefined, (e: { code: number, stdout: string, stderr: string }) => e)
        expect(r, `${bin} ${args.join(' ')}`).toBeDefined()
        expect(r!.code).toBe(1)
        expect(r!.stdout).toBe('')
        expect(r!.stderr).toBe(`error: PAT Desk is not installed in ${checkout} yet: run \`npm ci\` there (it installs the dependencies and builds), then try again\n`)
      }
    }
  })

  it('a dependency missing at run time (dist/ built, node_modules/ gone) is the same advice, not an internal error', () => {
    const lines: string[] = []
    const io = { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t), columns: 80, color: false, cwd: '/' }
    const err = Object.assign(new Error("Cannot find package 'fuse.js' imported from dist/kb/lookup.js"), { code: 'ERR_MODULE_NOT_FOUND' })
    expect(reportError(io, err)).toBe(3)
    expect(lines).toEqual(['error: PAT Desk is not completely installed: run `npm ci` in its checkout, then try again'])
  })
})
