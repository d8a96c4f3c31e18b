#!/usr/bin/env node
// What `npm test` and `npm run bench` need from the system besides node: Debian's redis-server (the hub's
// cluster test and bench run a throwaway one at /usr/bin/redis-server) and tmux (the app's end-to-end tests
// drive the real binary in it). The README's test command must work on a fresh machine, so this brings them
// with apt-get when it can (as root, or with sudo that asks no password) and otherwise stops at once with one
// line naming what to install — rather than letting tests fail later with `spawn … ENOENT`.
// Usage: node scripts/system-deps.js test|bench
// PAT_SYSTEM_DEPS_AS_USER=1 makes it act as a user who is neither root nor allowed sudo (for its own tests).
import { execFileSync, spawnSync } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { pathToFileURL } from 'node:url'

/** The Debian packages each npm script needs, and how to tell one is there. */
export const NEEDS = {
  test: ['redis-server', 'tmux'],
  bench: ['redis-server']
}

const onPath = name => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0
const executable = path => { try { accessSync(path, constants.X_OK); return true } catch { return false } }
const PRESENT = {
  'redis-server': () => executable('/usr/bin/redis-server'),
  tmux: () => onPath('tmux')
}

/**
 * What to do about `missing` packages: nothing, install them (with or without sudo), or refuse with the one
 * line to print. `how` says what the machine allows: root, sudo without a password, apt-get at all.
 */
export function plan (script, missing, how) {
  if (missing.length === 0) return { action: 'none' }
  const list = missing.join(' ')
  const needs = `npm ${script === 'test' ? 'test' : `run ${script}`} needs ${missing.join(' and ')} from the system`
  if (!how.aptGet) return { action: 'refuse', line: `${needs}: install ${missing.length > 1 ? 'them' : 'it'} with your package manager (Debian/Ubuntu: apt-get install ${list}), then run it again` }
  if (how.root) return { action: 'install', command: ['apt-get'], packages: missing }
  if (how.sudo) return { action: 'install', command: ['sudo', '-n', 'apt-get'], packages: missing }
  return { action: 'refuse', line: `${needs}: run \`sudo apt-get install -y ${list}\`, then run it again` }
}

function machine () {
  const asUser = process.env.PAT_SYSTEM_DEPS_AS_USER === '1'
  const root = !asUser && process.getuid?.() === 0
  const sudo = !asUser && !root && onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0
  return { root, sudo, aptGet: onPath('apt-get') }
}

function install (command, packages) {
  process.stderr.write(`installing ${packages.join(' and ')} from Debian's packages (the tests need ${packages.length > 1 ? 'them' : 'it'})…\n`)
  const [bin, ...pre] = command
  // Debian's postinst would start redis as a service where it can: the tests start their own on a free port.
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...packages]]) {
    try {
      execFileSync(bin, [...pre, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] })
    } catch (err) {
      const why = String(err.stderr ?? err.message).trim().split('\n').filter(Boolean).pop() ?? 'failed'
      return `apt-get ${args[0]} failed (${why}): install ${packages.join(' ')} by hand, then run it again`
    }
  }
  const still = packages.filter(p => !PRESENT[p]())
  return still.length ? `apt-get installed ${packages.join(' ')} but ${still.join(' and ')} is still missing: install it by hand` : undefined
}

function main () {
  const script = process.argv[2]
  if (!NEEDS[script]) { process.stderr.write(`usage: node scripts/system-deps.js ${Object.keys(NEEDS).join('|')}\n`); return 2 }
  const missing = NEEDS[script].filter(p => !PRESENT[p]())
  const step = plan(script, missing, machine())
  if (step.action === 'none') return 0
  if (step.action === 'refuse') { process.stderr.write(`error: ${step.line}\n`); return 1 }
  const failed = install(step.command, step.packages)
  if (failed) { process.stderr.write(`error: ${failed}\n`); return 1 }
  return 0
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main()
