// @ts-check
// A program in a pseudo-terminal for the benchmarks, as a person's terminal would run it: util-linux
// `script` gives it a tty of a set size; we read what it draws and type keys into it. Times are taken
// from the moment of spawning (or of the key) to the moment the awaited text arrives.
import { spawn } from 'node:child_process'

const ESU = '\u001B[?2026l' // end of a synchronized update: Ink closes every frame with it
// A person looks at a new screen before pressing a key: a second is a quick reader's pause, and more than
// the app's idle warm-up takes on a quiet machine (src/ui/warm-up.tsx), whose cost the figures then include.
const LOOK_MS = 1000

export function startPty (command, { env = process.env, columns = 80, rows = 24 } = {}) {
  const t0 = performance.now()
  const child = spawn('script', ['-qfec', `stty cols ${columns} rows ${rows}; exec ${command}`, '/dev/null'], {
    env, stdio: ['pipe', 'pipe', 'pipe']
  })
  let output = ''
  let exited = false
  const waiters = new Set()
  const check = () => { for (const w of waiters) w() }
  child.stdout.setEncoding('utf8')
  child.stdout.on('data', d => { output += d; check() })
  child.stderr.resume()
  const exit = new Promise(resolve => child.on('exit', code => { exited = true; check(); resolve(code) }))

  /** Resolves with the ms since `since` once `test(output from offset)` holds; rejects after `ms`. */
  const until = (test, { from = 0, since = t0, ms = 60_000 } = {}) => new Promise((resolve, reject) => {
    const w = () => {
      if (test(output.slice(from))) { cleanup(); resolve(performance.now() - since) } else if (exited) { cleanup(); reject(new Error(`the program ended before showing what was awaited; it drew:\n${output.slice(-2000)}`)) }
    }
    const timer = setTimeout(() => { cleanup(); reject(new Error(`timed out after ${ms} ms; the program drew:\n${output.slice(-2000)}`)) }, ms)
    const cleanup = () => { clearTimeout(timer); waiters.delete(w) }
    waiters.add(w)
    w()
  })

  return {
    started: t0,
    exit,
    get output () { return output },
    /** ms from spawn until `text` has been drawn. */
    waitForText: (text, ms) => until(o => o.includes(text), { ms }),
    /** Resolves a second after the app's first live frame (a painted picture has no end of frame), when a person presses a first key. */
    waitForFirstKey: async ms => {
      await until(o => o.includes(ESU), { ms })
      await new Promise(resolve => setTimeout(resolve, LOOK_MS))
    },
    /** Types `keys` and resolves with the ms until the frame they cause has been drawn completely. */
    keystroke: async (keys, ms = 5000) => {
      const from = output.length
      const since = performance.now()
      child.stdin.write(keys)
      return until(o => o.includes(ESU), { from, since, ms })
    },
    type: keys => child.stdin.write(keys),
    kill: () => { if (!exited) child.kill('SIGKILL') }
  }
}

/** ms a bare `node -e ''` takes to run in a pseudo-terminal, from spawn to exit. */
export async function bareNodeInPty () {
  const p = startPty(`${JSON.stringify(process.execPath)} -e ''`)
  await p.exit
  return performance.now() - p.started
}

/**
 * ms from launching the app (`pat` at `patBin`, on `home`) until it has answered its first key: `?` is typed
 * at once, as a person who knows the app does, and the time is taken when the help screen is drawn. The app
 * is then quit as a person quits it, so it leaves its picture for the next start.
 */
export async function appFirstKey (patBin, home) {
  const p = startPty(`${JSON.stringify(process.execPath)} ${JSON.stringify(patBin)}`, { env: { ...process.env, PAT_HOME: home } })
  try {
    p.type('?')
    const ms = await p.waitForText('Help')
    await p.keystroke('\u001B')
    p.type('q')
    await Promise.race([p.exit, new Promise(resolve => setTimeout(resolve, 10_000))])
    return ms
  } finally {
    p.kill()
  }
}
