#!/usr/bin/env node
// The `pat` command (package.json's bin; bin/pat.js runs this file too). CommonJS, as node reaches a CommonJS
// entry ~10 ms sooner than an ES module one, on every command. `npm run build` (run by `npm ci` via
// `prepare`) compiles the TypeScript sources to dist/ and bundles the command (scripts/bundle.js), which then
// starts fast: docs/startup.md.
// - The everyday account commands and `pat search` (first word in ENTRIES) run from their own bundle,
//   one CommonJS file, dist/bundle/lite.cjs (src/cli/lite.ts) or kb.cjs (src/cli/kb-fast.ts), compiled with
//   V8's code cache kept beside it (lite.cache, kb.cache): a start deserializes the functions it needs
//   instead of compiling them. A cache is written after a run that found none (or found it stale: another
//   node), if the directory is writable; `npm run build` removes it with the old bundle. The entry declines
//   (undefined) what only the full program does.
// - `pat` with no command and `pat app` (the terminal app) run dist/bundle/app.cjs (src/cli/app-fast.ts) the
//   same way; its cache is written by the app once it is live (src/cli/app-start.ts), so it holds what a
//   start runs.
// - Everything else runs dist/bundle/pat.js, ES module chunks loaded as each command needs them.
// On a checkout that was never installed (no node_modules/, no dist/) the bundle is missing: that gets one
// line saying what to run, not node's stack trace.
'use strict'
const { closeSync, fstatSync, openSync, readSync, renameSync, writeFileSync } = require('node:fs')
const { createRequire } = require('node:module')
const { dirname, join } = require('node:path')
const vm = require('node:vm')

const ENTRY_HEAD = '(function (exports, require, module, __filename, __dirname) {'
const LITE = new Set(['account', 'due', 'checklist', 'plan', 'log', 'status'])
const ENTRIES = { ...Object.fromEntries([...LITE].map(w => [w, 'lite'])), search: 'kb' }

/** The first word that is no option (nor the value of --home), as src/cli/unknown-command.ts commandWord. */
function commandWord (argv) {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') return argv[i + 1]
    if (argv[i] === '--home') { i++; continue }
    if (!argv[i].startsWith('-')) return argv[i]
  }
  return undefined
}

/** Reads `size` bytes of `fd` into the start of `buf`; fewer if the file is shorter. */
function readInto (fd, buf, size) {
  let n = 0
  for (let got; n < size && (got = readSync(fd, buf, n, size - n, n)) > 0;) n += got
  return n
}

/**
 * An entry's source and its code cache (if any), read through one buffer: the source is copied out of it into
 * a one-byte string (the file is ASCII, scripts/bundle.js makes sure, so Latin-1 is a plain copy), then the
 * cache is read over it. On this project's machine every megabyte of fresh memory costs ~3 ms of page faults
 * (docs/startup.md), and these are the largest things a start reads.
 */
function readEntry (file, cacheFile) {
  const fd = openSync(file, 'r')
  let cacheFd
  try { cacheFd = openSync(cacheFile, 'r') } catch {}
  try {
    const size = fstatSync(fd).size
    const cacheSize = cacheFd === undefined ? 0 : fstatSync(cacheFd).size
    const buf = Buffer.allocUnsafe(Math.max(size, cacheSize))
    const source = buf.latin1Slice(0, readInto(fd, buf, size))
    const cachedData = cacheSize > 0 ? buf.subarray(0, readInto(cacheFd, buf, cacheSize)) : undefined
    return { source, cachedData }
  } finally {
    closeSync(fd)
    if (cacheFd !== undefined) closeSync(cacheFd)
  }
}

/** Runs NAME.cjs's main with its code cache; writes the cache afterwards if there was none that fitted. */
async function runEntry (name, argv) {
  const file = join(__dirname, '..', 'dist', 'bundle', `${name}.cjs`)
  const cacheFile = file.replace(/\.cjs$/, '.cache')
  const { source, cachedData } = readEntry(file, cacheFile)
  // The file is the function node wraps a CommonJS module in (scripts/bundle.js writes it so); one that is not
  // was built by an older version of this file (a checkout updated without `npm run build`).
  if (!source.startsWith(ENTRY_HEAD)) throw Object.assign(new Error(`${file} is from an older build`), { code: 'PAT_OLD_BUILD' })
  const script = new vm.Script(source, {
    // The packages it imports on demand (csv-stringify, ical-generator, docx) resolve from here as from it.
    filename: file, cachedData, importModuleDynamically: specifier => import(specifier)
  })
  const module = { exports: {} }
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file))
  let written = cachedData !== undefined && !script.cachedDataRejected
  const writeCodeCache = () => {
    if (written) return
    written = true
    try {
      writeFileSync(`${cacheFile}.${process.pid}`, script.createCachedData())
      renameSync(`${cacheFile}.${process.pid}`, cacheFile)
    } catch {}
  }
  // The app's entry writes its cache itself, once the app is live (src/cli/app-start.ts); the others here.
  const code = await module.exports.main(argv, { writeCodeCache })
  if (name !== 'app') writeCodeCache()
  return code
}

const notInstalled = err => err?.code === 'ERR_MODULE_NOT_FOUND' || (err?.code === 'ENOENT' && /[\\/]dist[\\/]bundle[\\/]\w+\.cjs$/.test(String(err.path)))

async function run () {
  try {
    const argv = process.argv.slice(2)
    let code
    const word = commandWord(argv)
    if (word === undefined || word === 'app') code = await runEntry('app', argv)
    else if (Object.hasOwn(ENTRIES, word)) code = await runEntry(ENTRIES[word], argv)
    if (code === undefined) {
      // A declined command line used nothing of lite.cjs's own copy of Yjs, only evaluated it: the full
      // bundle's copy is the one in use, so Yjs's warning about a second copy (its global mark) does not apply.
      delete globalThis['__ $YJS$ __']
      code = await (await import('../dist/bundle/pat.js')).main(argv)
    }
    process.exitCode = code
  } catch (err) {
    if (err?.code === 'PAT_OLD_BUILD') {
      process.stderr.write(`error: the build in ${dirname(__dirname)} is older than its bin/pat.cjs: run \`npm run build\` there, then try again\n`)
    } else if (notInstalled(err)) {
      process.stderr.write(`error: PAT Desk is not installed in ${dirname(__dirname)} yet: run \`npm ci\` there (it installs the dependencies and builds), then try again\n`)
    } else throw err
    process.exitCode = 1
  }
}

void run()
