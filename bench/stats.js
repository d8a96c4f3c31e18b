// @ts-check
// Small statistics and timing helpers shared by the benchmarks.
import { spawnSync } from 'node:child_process'

export function percentile (values, p) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

export const round = (x, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits

/** Median wall time (ms) of running a command `runs` times. */
export function medianProcessMs (cmd, args, runs, env = process.env) {
  const times = []
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint()
    const r = spawnSync(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] })
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`)
    times.push(Number(process.hrtime.bigint() - t0) / 1e6)
  }
  return percentile(times, 50)
}

/**
 * Median wall times (ms) of several commands run in turn, `runs` rounds of each: a slow spell of the machine
 * falls on all of them alike, so their ratio holds better than two series run one after the other.
 * @param {Array<[string, string[]]>} commands @param {number} runs
 */
export function interleavedMedians (commands, runs, env = process.env) {
  /** @type {number[][]} */
  const times = commands.map(() => [])
  for (let i = 0; i < runs; i++) commands.forEach(([cmd, args], k) => { times[k]?.push(medianProcessMs(cmd, args, 1, env)) })
  return times.map(t => percentile(t, 50))
}

/**
 * A figure of the report: value with unit, and the goal it is measured against. A goal of an issue still
 * open (`goal.open: '#18'`) is reported as a target — `target`, `targetText`, `issue`, `reached` — not as a
 * `met` goal: it says how far the work has come, and becomes a goal (`met`) when the issue is resolved.
 */
export function figure (name, value, unit, goal) {
  const f = { name, value: round(value), unit }
  if (!goal) return f
  const ok = goal.lowerIsBetter === false ? value >= goal.value : value <= goal.value
  if (goal.open) Object.assign(f, { target: goal.value, targetText: goal.text, issue: goal.open, reached: ok })
  else Object.assign(f, { goal: goal.value, goalText: goal.text, met: ok })
  return f
}
