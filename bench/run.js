#!/usr/bin/env node
// @ts-check
// `npm run bench`: runs every benchmark in bench/ (built code from dist/), prints a short table of each
// figure against its goal, then the JSON report, which it also writes to bench/results/latest.json (or --out FILE),
// and rewrites the sections of the suites it ran in docs/benchmark-figures.md (or --figures FILE; bench/figures-md.js).
// Usage: npm run bench [-- --only kb] [-- --out FILE] [-- --figures FILE]
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { FIGURES_DOC, writeFiguresDoc } from './figures-md.js'

const { values } = parseArgs({ options: { only: { type: 'string' }, out: { type: 'string' }, figures: { type: 'string' } } })
const suites = { startup: () => import('./startup.js'), kb: () => import('./kb.js'), app: () => import('./app.js'), sync: () => import('./sync.js'), hub: () => import('./hub.js'), 'hub-cluster': () => import('./hub-cluster.js'), scale: () => import('./scale.js'), import: () => import('./import.js'), 'scale-loaded': () => import('./scale-loaded.js'), changes: () => import('./changes.js') }
// scale-loaded (the disk figure beside a CPU hog, issue #15) is a run of its own: `--only scale-loaded`. It takes
// minutes, and the whole run must stay well inside the 13 minutes scale-reliability.sh gives it.
const ON_REQUEST = new Set(['scale-loaded'])
const selected = values.only ? values.only.split(',') : Object.keys(suites).filter(s => !ON_REQUEST.has(s))
const report = {
  at: new Date().toISOString(),
  machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), loadAtStart: Math.round((loadavg()[0] ?? 0) * 10) / 10 },
  suites: {}
}
for (const name of selected) {
  if (!suites[name]) { console.error(`error: unknown bench suite "${name}": use ${Object.keys(suites).join(', ')}`); process.exit(2) }
  const { run } = await suites[name]()
  report.suites[name] = await run()
}
const out = resolve(values.out ?? 'bench/results/latest.json')
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, JSON.stringify(report, null, 2) + '\n')
writeFiguresDoc(report, values.figures ? resolve(values.figures) : FIGURES_DOC)
for (const [name, suite] of Object.entries(report.suites)) {
  console.log(`\n${name}`)
  for (const f of suite.figures) {
    const verdict = f.goal !== undefined ? (f.met ? 'meets goal' : 'MISSES goal') : f.target !== undefined ? (f.reached ? 'reached' : 'not yet') : ''
    const against = f.goal !== undefined ? `goal ${f.goalText}` : f.target !== undefined ? `target ${f.targetText} (open issue ${f.issue})` : ''
    console.log(`  ${f.name.padEnd(44)} ${String(f.value).padStart(10)} ${f.unit.padEnd(6)} ${against}  ${verdict}`)
  }
}
// The report itself follows the table, so a log of the run holds every figure with its goal and verdict.
console.log(`\nreport: ${out}`)
console.log(JSON.stringify(report, null, 2))
