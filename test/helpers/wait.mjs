// Waiting in tests (and benchmarks) on a condition, never for a fixed time: the one waitFor and the one within.
// Plain JS, so that bench/ and the .mjs helpers use them as well as the TS tests (JSDoc gives them their types).

/**
 * Polls `check` every `every` ms until it returns a truthy value, and resolves with that value; throws naming
 * `what` once `ms` have passed.
 * @template T
 * @param {() => T | undefined | null | false | Promise<T | undefined | null | false>} check
 * @param {number} [ms]
 * @param {string} [what]
 * @param {number} [every]
 * @returns {Promise<T>}
 */
export async function waitFor (check, ms = 10_000, what = 'condition', every = 20) {
  const deadline = Date.now() + ms
  for (;;) {
    const v = await check()
    if (v) return v
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`)
    await new Promise(resolve => setTimeout(resolve, every))
  }
}

/**
 * The promise's outcome, or an error naming `what` if it has not settled within `ms`.
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @param {string} what
 * @returns {Promise<T>}
 */
export function within (promise, ms, what) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer
  const late = new Promise((_resolve, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms) })
  return /** @type {Promise<T>} */ (Promise.race([promise, late]).finally(() => clearTimeout(timer)))
}
