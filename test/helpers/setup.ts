// vitest's setupFiles entry (vitest.config.ts), run before every test file even when the files of a worker
// share their modules: the hooks that sweep up what the helpers opened and made (test/helpers/cleanup.ts).
import { afterAll, afterEach } from 'vitest'
import { runFileCleanups, runTestCleanups } from './cleanup.js'

afterEach(runTestCleanups)
afterAll(runFileCleanups)
