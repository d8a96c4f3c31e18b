/**
 * A module loaded on first use (scripts/bundle.js, lazy-builtins): `lazyModule(load)` is a stand-in for
 * `load()`'s exports that calls `load` the first time any name of it is read, listed, looked for or set, and
 * from then on answers exactly as the real exports do. Functions are handed out as the module has them
 * (node's crypto and child_process functions need no `this`), so `const { createHash } = require('node:crypto')`
 * and `crypto.createHash(…)` both work; only the load moves to the first use. The build writes its source into
 * each stand-in file (`toString()`): it refers to nothing outside itself.
 */
export function lazyModule (load) {
  let real
  const target = () => (real ??= load())
  return new Proxy({}, {
    get: (_, name) => target()[name],
    has: (_, name) => name in target(),
    ownKeys: () => Reflect.ownKeys(target()),
    // A proxy may not report a property non-configurable that its own (empty) target lacks.
    getOwnPropertyDescriptor: (_, name) => {
      const d = Object.getOwnPropertyDescriptor(target(), name)
      return d && { ...d, configurable: true }
    },
    set: (_, name, value) => { target()[name] = value; return true }
  })
}
