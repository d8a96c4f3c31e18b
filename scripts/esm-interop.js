/**
 * One wrapper per CommonJS module in the CommonJS bundles (scripts/bundle.js).
 *
 * esbuild gives every ES module that imports a CommonJS module the result of its `__toESM` helper: a new
 * object with a getter for each of the module's exports. It builds that object again at each import, so a
 * start of the app built React's (some 60 names) 76 times and node:process's (some 90) 12 times: ~10 ms of
 * the app's start in a CPU profile (docs/startup.md). `memoizeToEsm` keeps the object made for a module (one
 * per kind of import: node's default-is-exports, or a transpiled module's own default) and makes it again
 * only when the module's names changed since — a module read while still loading, in a require cycle,
 * gains names afterwards. The getters read the module's exports when used, so a kept object stays current.
 *
 * `withMemoizedToEsm` rewrites the helper in a minified bundle; it throws when the helper is not found
 * exactly once (a new esbuild writes it differently: review this file), rather than silently losing this.
 */

/** `toEsm` (esbuild's __toESM: mod, isNodeMode, target), remembering what it made for each module. */
export function memoizeToEsm (toEsm) {
  const made = [new WeakMap(), new WeakMap()]
  return (mod, isNodeMode, target) => {
    if (target !== undefined || mod === null || (typeof mod !== 'object' && typeof mod !== 'function')) return toEsm(mod, isNodeMode, target)
    const kept = made[isNodeMode || !mod.__esModule ? 0 : 1]
    const names = Object.getOwnPropertyNames(mod).length
    let entry = kept.get(mod)
    if (entry === undefined || entry.names !== names) kept.set(mod, entry = { value: toEsm(mod, isNodeMode), names })
    return entry.value
  }
}

// esbuild's minified __toESM (a minified name may hold a $): `var A=(t,e,n)=>(n=t!=null?B(C(t)):{},D(e||!t||!t.__esModule?E(n,"default",{value:t,enumerable:!0}):n,t))`
const TO_ESM = /var ([\w$]+)=(\(([\w$]+),([\w$]+),([\w$]+)\)=>\(\5=\3!=null\?[\w$]+\([\w$]+\(\3\)\):\{\},[\w$]+\(\4\|\|!\3\|\|!\3\.__esModule\?[\w$]+\(\5,"default",\{value:\3,enumerable:!0\}\):\5,\3\)\))/g

/** The bundle's source with its __toESM memoized (see above). */
export function withMemoizedToEsm (source, file) {
  const found = source.match(TO_ESM) ?? []
  if (found.length !== 1) throw new Error(`${file}: esbuild's __toESM found ${found.length} times, not once: review scripts/esm-interop.js`)
  return source.replace(TO_ESM, (_, name, helper) => `var ${name}=(${memoizeToEsm.toString()})(${helper})`)
}
