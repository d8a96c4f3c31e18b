// scripts/system-deps.js: what `npm test` and `npm run bench` do about redis-server and tmux missing from the
// machine — install them with apt-get as root or with password-less sudo, else stop with one line naming them.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { NEEDS, plan } from '../../scripts/system-deps.js'

const run = promisify(execFile)
const SCRIPT = new URL('../../scripts/system-deps.js', import.meta.url).pathname
const both = ['redis-server', 'tmux']

describe('system dependencies of npm test and npm run bench', () => {
  it('the tests need redis-server and tmux, the bench redis-server', () => {
    expect(NEEDS).toEqual({ test: both, bench: ['redis-server'] })
  })

  it('does nothing when nothing is missing', () => {
    expect(plan('test', [], { root: false, sudo: false, aptGet: true })).toEqual({ action: 'none' })
  })

  it('installs with apt-get as root, and through sudo -n when sudo asks no password', () => {
    expect(plan('test', both, { root: true, sudo: false, aptGet: true })).toEqual({ action: 'install', command: ['apt-get'], packages: both })
    expect(plan('bench', ['redis-server'], { root: false, sudo: true, aptGet: true })).toEqual({ action: 'install', command: ['sudo', '-n', 'apt-get'], packages: ['redis-server'] })
  })

  it('refuses in one line naming the packages when it may not install', () => {
    const step = plan('test', both, { root: false, sudo: false, aptGet: true })
    expect(step).toEqual({ action: 'refuse', line: 'npm test needs redis-server and tmux from the system: run `sudo apt-get install -y redis-server tmux`, then run it again' })
    expect(plan('bench', ['redis-server'], { root: false, sudo: false, aptGet: true }).line).toMatch(/^npm run bench needs redis-server from the system: run `sudo apt-get install -y redis-server`/)
    expect(plan('test', ['tmux'], { root: true, sudo: false, aptGet: false }).line).toMatch(/^npm test needs tmux from the system: install it with your package manager \(Debian\/Ubuntu: apt-get install tmux\)/)
  })

  it('as the script, passes at once when both are installed (npm test installed them) — even as a plain user', async () => {
    const r = await run(process.execPath, [SCRIPT, 'test'], { env: { ...process.env, PAT_SYSTEM_DEPS_AS_USER: '1' } })
    expect(r.stdout + r.stderr).toBe('')
  })

  it('as the script, rejects an unknown npm script name with its usage', async () => {
    await expect(run(process.execPath, [SCRIPT, 'lint'])).rejects.toMatchObject({ code: 2, stderr: 'usage: node scripts/system-deps.js test|bench\n' })
  })
})
