import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Two files at a time even on two cores (vitest's default there is one): most of the suite's time is spent
    // waiting on the `pat` processes, sockets and timers a test drives, not on its own CPU. Measured on this
    // project's 2-core machine on 2026-12-07: the whole suite took 420 s one file at a time (a CI rehearsal),
    // 294 s two at a time.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // The test files of a worker share one module graph: Ink, React, Yjs and the sources are loaded once per
    // worker, not once per file (the suite 221–256 s against 294 s with a graph per file, 2026-12-07). So a helper
    // registers what to undo through test/helpers/cleanup.ts, not with hooks of its own (setupFiles runs those
    // hooks before every file), and a test file that mocks a module resets the graph first and after
    // (test/store/account-ids.test.ts).
    isolate: false,
    setupFiles: ['test/helpers/setup.ts'],
    reporters: ['default', './test/helpers/summary-reporter.ts']
  }
})
