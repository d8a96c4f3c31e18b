#!/usr/bin/env node
// @ts-check
// docs/benchmark-figures.md: the latest figure of every suite, written from the report by `npm run bench`
// (bench/run.js), never copied by hand. Each suite has its own section, dated with the run that measured it and
// the machine it ran on, so `--only kb` replaces the kb section and leaves the others as they were measured.
// Run as a program, it rewrites the file from saved reports: node bench/figures-md.js REPORT.json…
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const FIGURES_DOC = fileURLToPath(new URL('../docs/benchmark-figures.md', import.meta.url))

const HEADER = `# Benchmark figures

Written by \`npm run bench\` (\`bench/figures-md.js\`) from the run's report; do not edit by hand. Each suite's
section is replaced when that suite runs (\`npm run bench -- --only NAME\`) and keeps its own date and machine.
What each figure means and how the suites measure it: [benchmarks.md](benchmarks.md).
`

/**
 * @typedef {{ name: string, value: number, unit: string, goal?: number, goalText?: string, met?: boolean,
 *   target?: number, targetText?: string, issue?: string, reached?: boolean }} Figure
 * @typedef {{ at: string, machine: { node: string, cpus: number, cpu?: string, memoryGiB: number, loadAtStart?: number },
 *   suites: Record<string, { figures: Figure[] }> }} Report
 */

/** @param {Figure} f */
function verdict (f) {
  if (f.goal !== undefined) return `${f.goalText} | ${f.met ? 'met' : '**missed**'}`
  if (f.target !== undefined) return `${f.targetText} (target of open issue ${f.issue}) | ${f.reached ? 'reached' : 'not yet'}`
  return ' | '
}

/** One suite's section: its date, the machine, and a table of its figures. */
export function suiteSection (/** @type {string} */ name, /** @type {Report} */ report) {
  const m = report.machine
  const rows = (report.suites[name]?.figures ?? []).map(f => `| ${f.name.replaceAll('|', '\\|')} | ${f.value} ${f.unit} | ${verdict(f)} |`)
  return [
    `<!-- suite:${name} -->`,
    `## ${name}`,
    '',
    `Measured ${report.at.slice(0, 16).replace('T', ' ')} UTC on ${m.cpus} × ${m.cpu ?? 'unknown CPU'}, ${m.memoryGiB} GiB, Node ${m.node}` +
      (m.loadAtStart === undefined ? '.' : `, load average ${m.loadAtStart} when the run started (other work on the machine slows every figure).`),
    '',
    '| figure | value | goal | verdict |',
    '| --- | --- | --- | --- |',
    ...rows,
    `<!-- /suite:${name} -->`
  ].join('\n')
}

/** The document with the report's suites replaced (or added, in name order), other suites kept. */
export function figuresDoc (/** @type {string} */ old, /** @type {Report} */ report) {
  /** @type {Map<string, string>} */
  const sections = new Map()
  for (const m of old.matchAll(/<!-- suite:([\w-]+) -->[\s\S]*?<!-- \/suite:\1 -->/g)) sections.set(String(m[1]), m[0])
  for (const name of Object.keys(report.suites)) sections.set(name, suiteSection(name, report))
  return [HEADER, ...[...sections].sort(([a], [b]) => a.localeCompare(b)).map(([, text]) => text)].join('\n') + '\n'
}

/** Rewrites the figures document with the report's suites. */
export function writeFiguresDoc (/** @type {Report} */ report, path = FIGURES_DOC) {
  const old = existsSync(path) ? readFileSync(path, 'utf8') : ''
  writeFileSync(path, figuresDoc(old, report))
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const file of process.argv.slice(2)) writeFiguresDoc(JSON.parse(readFileSync(file, 'utf8')))
}
