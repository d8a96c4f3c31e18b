// Prints one plain closing line, "N passed, N failed" (", N skipped" when any), after the run — the line CI
// reads to know how many tests ran, whatever colours or layout the default reporter uses. What failed is
// named on the same line, so a CI log that keeps only that line still says which test failed. A test file
// that failed to load, or whose beforeAll failed, counts as a failure of its own: its tests never ran (they
// are counted as "not run", not as skipped), so counting tests alone would say "0 failed" for a broken run.
import type { Reporter, SerializedError, TestModule } from 'vitest/node'

const short = (m: TestModule) => m.moduleId.replace(/^.*?\/test\//, 'test/')
const firstLine = (e: SerializedError) => String(e.message ?? e).split('\n')[0]

export function summaryLine (modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<SerializedError> = []): string {
  let passed = 0; let skipped = 0; let notRun = 0
  const failed: string[] = []
  for (const m of modules) {
    let failedTests = 0
    for (const t of m.children.allTests()) {
      const state = t.result().state
      if (state === 'passed') passed++
      else if (state === 'failed') { failedTests++; failed.push(`${short(m)} › ${t.fullName}`) } else if (t.options.mode === 'skip' || t.options.mode === 'todo') skipped++
      else notRun++ // collected to run, but its file or suite failed first
    }
    const errors = [...m.errors(), ...[...m.children.allSuites()].flatMap(s => s.errors())]
    if (errors.length > 0 || (m.state() === 'failed' && failedTests === 0)) {
      failed.push(`${short(m)} failed to run${errors[0] ? `: ${firstLine(errors[0])}` : ''}`)
    }
  }
  for (const e of unhandled) failed.push(`unhandled error: ${firstLine(e)}`)
  const names = failed.length ? ` (${failed.join('; ')})` : ''
  return `${passed} passed, ${failed.length} failed${skipped ? `, ${skipped} skipped` : ''}${notRun ? `, ${notRun} not run` : ''}${names}`
}

export default class SummaryReporter implements Reporter {
  onTestRunEnd (modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<SerializedError>): void {
    process.stdout.write(`\n${summaryLine(modules, unhandled)}\n`)
  }
}
