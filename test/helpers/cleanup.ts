// What the helpers leave to undo after a test (the apps they rendered) or a test file (temporary folders).
// Helpers register it here instead of calling afterEach/afterAll themselves: vitest runs the test files of a
// worker in one module graph (vitest.config.ts, `isolate: false`), so a helper module is evaluated once per
// worker and a hook it registered at its top level would run for the first file that imported it only.
// test/helpers/setup.ts (vitest's setupFiles, run before every test file) registers the hooks that run these.
// The lists live on globalThis: a file that resets the module graph (to mock a module) loads a second copy of
// this module and of the helpers, and what those register must still run.
type Cleanup = () => unknown

const KEY = Symbol.for('pat.test.cleanups')
const lists = ((globalThis as { [KEY]?: { afterTest: Cleanup[], afterFile: Cleanup[] } })[KEY] ??= { afterTest: [], afterFile: [] })
const { afterTest, afterFile } = lists

/** Runs `fn` after each test of every file from now on (an idempotent sweep of what the helper opened). */
export function everyTest (fn: Cleanup): void {
  if (!afterTest.includes(fn)) afterTest.push(fn)
}

/** Runs `fn` after each test file from now on (an idempotent sweep of what the helper made). */
export function everyFile (fn: Cleanup): void {
  if (!afterFile.includes(fn)) afterFile.push(fn)
}

export async function runTestCleanups (): Promise<void> {
  for (const fn of afterTest) await fn()
}

export async function runFileCleanups (): Promise<void> {
  for (const fn of afterFile) await fn()
}
