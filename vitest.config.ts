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
    reporters: ['default', './test/helpers/summary-reporter.ts']
  }
})
