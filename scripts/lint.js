// @ts-check
// `npm run lint`: ESLint at zero warnings, and the type-check of the tests (which include src/), the benchmarks
// and hub/, run side by side — ESLint keeps about one core busy and the type-checks another, so the two
// together take about as long as ESLint alone (docs/contributing.md). src/ is type-checked with the tests'
// options, which are the build's plus the tests' own files; `npm run build` checks it with the build's.
// Each job's output is printed whole once it ends, in the order below, so two jobs' lines never interleave;
// the exit code is non-zero if any job failed.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const eslint = join(dirname(require.resolve('eslint/package.json')), 'bin', 'eslint.js')
const tsc = require.resolve('typescript/bin/tsc')

/** @type {Array<{ name: string, steps: string[][] }>} each job's steps run one after another */
const JOBS = [
  { name: 'eslint', steps: [[eslint, '--max-warnings', '0', '.']] },
  {
    name: 'tsc',
    steps: ['test', 'bench', 'hub'].map(dir => [tsc, '-p', `${dir}/tsconfig.json`])
  }
]

/**
 * Runs one step; resolves with its exit code and everything it printed.
 * @param {string[]} args
 * @returns {Promise<{ code: number, output: string }>}
 */
function runStep (args) {
  return new Promise(resolve => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    /** @type {Buffer[]} */
    const chunks = []
    child.stdout.on('data', c => chunks.push(c))
    child.stderr.on('data', c => chunks.push(c))
    child.on('error', err => resolve({ code: 1, output: `${err.message}\n` }))
    child.on('close', code => resolve({ code: code ?? 1, output: Buffer.concat(chunks).toString() }))
  })
}

/**
 * A job's steps in order, stopping at the first that fails.
 * @param {{ name: string, steps: string[][] }} job
 */
async function runJob (job) {
  let output = ''
  for (const step of job.steps) {
    const r = await runStep(step)
    output += r.output
    if (r.code !== 0) return { code: r.code, output }
  }
  return { code: 0, output }
}

const results = await Promise.all(JOBS.map(runJob))
results.forEach((r, i) => {
  if (r.output) process.stdout.write(r.output)
  if (r.code !== 0) process.stderr.write(`lint: ${JOBS[i]?.name} failed\n`)
})
process.exitCode = results.some(r => r.code !== 0) ? 1 : 0
