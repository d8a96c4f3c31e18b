// Prints one plain closing line, "N passed, N failed" (", N skipped" when any), after the run — the line CI
// reads to know how many tests ran, whatever colours or layout the default reporter uses. Failed tests are
// named on the same line, so a CI log that keeps only that line still says which test failed.
import type { Reporter, TestModule } from 'vitest/node'

export default class SummaryReporter implements Reporter {
  onTestRunEnd (modules: ReadonlyArray<TestModule>): void {
    let passed = 0; let skipped = 0
    const failed: string[] = []
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        const state = t.result().state
        if (state === 'passed') passed++
        else if (state === 'failed') failed.push(`${m.moduleId.replace(/^.*?\/test\//, 'test/')} › ${t.fullName}`)
        else skipped++
      }
    }
    const names = failed.length ? ` (${failed.join('; ')})` : ''
    process.stdout.write(`\n${passed} passed, ${failed.length} failed${skipped ? `, ${skipped} skipped` : ''}${names}\n`)
  }
}
