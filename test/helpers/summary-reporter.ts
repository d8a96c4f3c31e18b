// Prints one plain closing line, "N passed, N failed" (", N skipped" when any), after the run — the line CI
// reads to know how many tests ran, whatever colours or layout the default reporter uses.
import type { Reporter, TestModule } from 'vitest/node'

export default class SummaryReporter implements Reporter {
  onTestRunEnd (modules: ReadonlyArray<TestModule>): void {
    let passed = 0; let failed = 0; let skipped = 0
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        const state = t.result().state
        if (state === 'passed') passed++
        else if (state === 'failed') failed++
        else skipped++
      }
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`)
  }
}
