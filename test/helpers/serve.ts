// `pat serve` (the real binary, a member's headless peer) for the CLI, end-to-end and fault tests: on a free
// port of 127.0.0.1 without mDNS, so a test reaches nothing beyond loopback and never clashes on the default port.
import { spawn, type ChildProcess } from 'node:child_process'
import { afterEach } from 'vitest'
import { PAT } from './cli.js'
import { waitFor } from './wait.mjs'

export interface Serving {
  child: ChildProcess
  /** "127.0.0.1:PORT", where it listens for peers. */
  address: string
  /** What it has printed to stdout so far. */
  out: () => string
}

/**
 * Starts `pat serve` in `home` (with `extra` options, e.g. `--peer`) and resolves once it listens for peers.
 * `keep` is handed the process at once, before the wait, so that the test file stops it even when the wait fails.
 */
export async function startServe (home: string, keep: (child: ChildProcess) => void, extra: string[] = []): Promise<Serving> {
  const child = spawn(process.execPath, [PAT, '--home', home, 'serve', '--host', '127.0.0.1', '--port', '0', '--no-mdns', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] })
  keep(child)
  let out = ''
  child.stdout!.on('data', d => { out += d })
  const address = await waitFor(() => /listening for peers on (127\.0\.0\.1:\d+)/.exec(out)?.[1], 15_000, 'pat serve to listen')
  return { child, address, out: () => out }
}

/** A `keep` for startServe that kills each process after the test that started it (resumed first, if paused). */
export function killedAfterEach (): (child: ChildProcess) => void {
  const children: ChildProcess[] = []
  afterEach(() => {
    for (const c of children.splice(0)) { c.kill('SIGCONT'); c.kill('SIGKILL') }
  })
  return child => { children.push(child) }
}
