// @ts-check
// Start-up on the demo workspace (`pat demo`), each figure a ratio to a bare `node -e ''` started in the same
// run (issue 21, docs/startup.md): a person's day is many short `pat` commands and app starts.
// - read commands and `pat search` as new processes: the bare node start and every command are run in turn,
//   round after round (interleaved, so a busy machine slows them alike), and their medians compared;
// - write commands the same way, each on its own copy of the workspace, direct and routed into a running
//   `pat serve` (a command finds the workspace held and sends itself over the control socket);
// - the app in an 80×24 pseudo-terminal: launch → first key answered (`?` typed at once, until the help
//   screen is drawn), cold (no picture: another command changed the workspace just before) and from the
//   picture the app leaves when it quits (kept by commands that only read), against a bare node started through the same terminal.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { appFirstKey, bareNodeInPty } from './pty.js'
import { figure, percentile } from './stats.js'

const PAT = fileURLToPath(new URL('../bin/pat.cjs', import.meta.url))
const RUNS = Number(process.env.PAT_BENCH_STARTUP_RUNS ?? 9)
const APP_RUNS = 5
const ENV = { ...process.env, NO_COLOR: '1' }
const median = xs => percentile(xs, 50)

/** Wall ms of one process run to its end (it must succeed). */
function timed (args, env = ENV) {
  const t0 = process.hrtime.bigint()
  const r = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] })
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr}`)
  return ms
}

const patJson = (home, args) => JSON.parse(spawnSync(process.execPath, [PAT, '--home', home, ...args, '--json'], { env: ENV, encoding: 'utf8' }).stdout)

/** Medians of each command and of bare node, run in turn `RUNS` times. */
function interleaved (commands) {
  const node = []
  const times = commands.map(() => [])
  for (let i = 0; i < RUNS; i++) {
    node.push(timed(['-e', '']))
    commands.forEach((c, k) => times[k].push(timed([PAT, ...c.args])))
  }
  return { nodeMs: median(node), ms: times.map(median) }
}

/** A running `pat serve` on `home` (no peers: its port is any free one, no mDNS), until stop(). */
async function serve (home) {
  const child = spawn(process.execPath, [PAT, '--home', home, 'serve', '--port', '0', '--host', '127.0.0.1', '--no-mdns'], { env: ENV, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout.on('data', d => { out += d })
  child.stderr.on('data', d => { out += d })
  const exited = new Promise(resolve => child.on('exit', resolve))
  const deadline = Date.now() + 30_000
  // It answers commands once it holds the workspace and listens on its control socket.
  while (!existsSync(join(home, 'pat.sock'))) {
    if (Date.now() > deadline || child.exitCode !== null) { child.kill('SIGKILL'); throw new Error(`pat serve did not start: ${out}`) }
    await new Promise(resolve => setTimeout(resolve, 50))
  }
  return { stop: async () => { child.kill('SIGTERM'); await exited } }
}

export async function run () {
  const dir = await mkdtemp(join(tmpdir(), 'pat-bench-startup-'))
  try {
    const home = join(dir, 'demo')
    timed([PAT, '--home', home, 'demo'])
    const id = patJson(home, ['account', 'list'])[0].id
    const at = a => ['--home', home, ...a]
    const reads = [
      ['account list', ['account', 'list', '--json']],
      ['account show', ['account', 'show', id, '--json']],
      ['due', ['due', '--json']],
      ['checklist show', ['checklist', 'show', id, '--json']],
      ['log', ['log', id, '--json']],
      ['status', ['status', '--json']]
    ].map(([name, args]) => ({ name, args: at(args) }))
    const search = { name: 'search', args: ['search', 'how often review the account profile', '--json'] }
    const r = interleaved([...reads, search])

    // Writes on a copy each round (the same edit each time, on the same starting state).
    const copy = join(dir, 'write')
    const writes = n => [
      ['checklist set', ['checklist', 'set', id, 'compliance.A', n % 2 ? 'yes' : 'no', '--reason', 'bench']],
      ['plan add', ['plan', 'add', id, '--title', `Bench item ${n}`, '--priority', 'low']],
      ['account set', ['account', 'set', id, '--lead-port', `Port ${n}`]]
    ]
    const direct = writes(0).map(([name]) => ({ name, args: [] }))
    const w = interleavedWrites(copy, home, writes, direct)

    // The same writes routed into a running `pat serve` on the copy.
    await rm(copy, { recursive: true, force: true })
    await cp(home, copy, { recursive: true })
    const server = await serve(copy)
    let routed
    try {
      routed = interleavedRoutedWrites(copy, writes)
    } finally {
      await server.stop()
    }

    // The app: a `pat account list` before each start (another command just opened the workspace); for the
    // cold start the picture is removed too, as a command that changes the workspace removes it.
    const appNode = []
    const cold = []
    const warm = []
    for (let i = 0; i < APP_RUNS; i++) {
      appNode.push(await bareNodeInPty())
      timed([PAT, ...at(['account', 'list'])])
      await rm(join(home, 'first-frame.json'), { force: true })
      cold.push(await appFirstKey(PAT, home))
      warm.push(await appFirstKey(PAT, home))
    }
    const appNodeMs = median(appNode)

    const ratio = (name, ms, base, goal) => figure(`${name} ÷ bare node`, ms / base, '×', { value: goal, text: `≤ ${goal}×` })
    return {
      runs: RUNS,
      figures: [
        figure('bare node -e \'\' (median)', r.nodeMs, 'ms'),
        ...reads.flatMap((c, k) => [figure(`pat ${c.name} --json (median)`, r.ms[k], 'ms'), ratio(`pat ${c.name}`, r.ms[k], r.nodeMs, 2)]),
        figure('pat search (median)', r.ms.at(-1), 'ms'),
        ratio('pat search', r.ms.at(-1), r.nodeMs, 1.5),
        figure('bare node -e \'\', write rounds (median)', w.nodeMs, 'ms'),
        ...direct.flatMap((c, k) => [figure(`pat ${c.name} (median)`, w.ms[k], 'ms'), ratio(`pat ${c.name}`, w.ms[k], w.nodeMs, 2.5)]),
        figure('bare node -e \'\', routed rounds (median)', routed.nodeMs, 'ms'),
        ...direct.flatMap((c, k) => [figure(`pat ${c.name} into pat serve (median)`, routed.ms[k], 'ms'), ratio(`pat ${c.name} into pat serve`, routed.ms[k], routed.nodeMs, 2.5)]),
        figure('bare node -e \'\' in a terminal (median)', appNodeMs, 'ms'),
        figure('app: launch → first key answered, cold (median)', median(cold), 'ms'),
        ratio('app first key, cold,', median(cold), appNodeMs, 4),
        figure('app: launch → first key answered, from the picture (median)', median(warm), 'ms'),
        ratio('app first key, from the picture,', median(warm), appNodeMs, 4)
      ],
      raw: { reads: r, writes: w, routed, app: { node: appNode, cold, warm } }
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Direct writes: before each round the copy is made afresh from `home`, then bare node and each write in turn. */
function interleavedWrites (copy, home, writes, direct) {
  const node = []
  const times = direct.map(() => [])
  for (let i = 0; i < RUNS; i++) {
    spawnSync('rm', ['-rf', copy])
    spawnSync('cp', ['-r', home, copy])
    node.push(timed(['-e', '']))
    writes(i).forEach(([, args], k) => times[k].push(timed([PAT, '--home', copy, ...args])))
  }
  return { nodeMs: median(node), ms: times.map(median) }
}

/** Writes sent to the `pat serve` holding `copy`: the command opens nothing, it forwards itself. */
function interleavedRoutedWrites (copy, writes) {
  const node = []
  const times = writes(0).map(() => [])
  for (let i = 0; i < RUNS; i++) {
    node.push(timed(['-e', '']))
    writes(i).forEach(([, args], k) => times[k].push(timed([PAT, '--home', copy, ...args])))
  }
  return { nodeMs: median(node), ms: times.map(median) }
}
