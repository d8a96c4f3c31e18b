#!/usr/bin/env node
// `npm run build` step: bundles the `pat` command (src/cli/main.ts and everything it loads, the app included)
// into a few ES module files in dist/bundle/, which bin/pat.js runs. A start then reads and compiles a few
// files instead of some 800 (Ink alone pulls in 415 files of es-toolkit), and only the code each command
// reaches: every `await import()` of the sources stays a chunk loaded on demand. The sources and tsc's dist/
// stay as they are for development, the tests and the benchmarks' in-process parts. See docs/startup.md.
//
// dist/bundle/ is two levels below the project root like dist/kb/, so the sources' `new URL('../../…',
// import.meta.url)` (content/, templates/, package.json, dist/kb-index.json) resolve the same in the bundle.
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const outdir = `${root}dist/bundle`

/**
 * LevelDB's native addon is found by node-gyp-build from its own package directory (`__dirname`), so the
 * one file that loads it stays outside the bundle and is required from node_modules at run time; the rest
 * of classic-level is bundled like any other package.
 */
const nativeAddon = {
  name: 'native-addon',
  setup (b) {
    b.onResolve({ filter: /^\.\/binding(\.js)?$/ }, args =>
      /[\\/]node_modules[\\/]classic-level[\\/]/.test(args.importer) ? { path: 'classic-level/binding.js', external: true } : undefined)
  }
}

/**
 * yoga-layout (Ink's layout engine) carries its WebAssembly as a data: URL and, wherever a global `fetch`
 * exists, loads it through fetch(): on node that first loads undici, node's fetch, which took longer than
 * the rest of the app's start. Its loader is told there is no fetch, so it decodes the bytes itself (the
 * path it takes on any platform without fetch).
 */
const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup (b) {
    b.onLoad({ filter: /[\\/]yoga-layout[\\/].*yoga-wasm-base64-esm\.js$/ }, args => {
      const source = readFileSync(args.path, 'utf8')
      const patched = source.replaceAll('"function"!=typeof fetch', 'true')
      if (patched === source) throw new Error('yoga-layout\'s loader changed: review the yoga-without-fetch step of scripts/bundle.js')
      return { contents: patched, loader: 'js' }
    })
  }
}

/**
 * React's packages choose their development or production build by NODE_ENV when they load. The app runs
 * React's production build (src/cli/commands/app.ts sets NODE_ENV); the bundle holds only that one, as the
 * development builds are 600 kB more to read and compile on every start of the app.
 */
const reactProduction = {
  name: 'react-production',
  setup (b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/](react|react-reconciler|scheduler)[\\/][\w-]+\.js$/ }, args => {
      const source = readFileSync(args.path, 'utf8')
      return { contents: source.replaceAll("process.env.NODE_ENV === 'production'", 'true'), loader: 'js' }
    })
  }
}

/**
 * The everyday account commands' entry (src/cli/lite.ts) is bundled into one CommonJS file, dist/bundle/lite.cjs,
 * which bin/pat.js compiles with a V8 code cache (src/cli/lite-loader.js): one file to read, and its functions
 * deserialized rather than compiled. Its `pat status` imports the app, the host and the set-up only on paths
 * this entry declines (`pat` alone, forwarded, no workspace yet), so here they are a module that says so,
 * rather than the app's 2 MB.
 */
const LITE_DECLINED = /[\\/]src[\\/]cli[\\/]commands[\\/]status\.ts$/
const liteDeclined = {
  name: 'lite-declined',
  setup (b) {
    b.onResolve({ filter: /^(\.\/app|\.\.\/host|\.\.\/setup)\.js$/ }, args => LITE_DECLINED.test(args.importer) ? { path: args.path, namespace: 'lite-declined' } : undefined)
    b.onLoad({ filter: /.*/, namespace: 'lite-declined' }, args => ({
      contents: `const declined = () => { throw new Error('${args.path} is not in dist/bundle/lite.cjs: src/cli/lite.ts declines this command line') }\n` +
        'export const launchApp = declined, hostOf = declined, initDefaultWorkspace = declined',
      loader: 'js'
    }))
  }
}

/**
 * In lite.cjs the file-format libraries are require()d (see `supported` below), where a default import means
 * module.exports. ical-generator's CommonJS build exports its default as `default` (with __esModule), so
 * its import is a module that takes that.
 */
const icalDefault = {
  name: 'ical-default',
  setup (b) {
    b.onResolve({ filter: /^ical-generator$/ }, args => args.kind === 'require-call' ? { path: args.path, external: true } : { path: args.path, namespace: 'ical-default' })
    b.onLoad({ filter: /.*/, namespace: 'ical-default' }, () => ({ contents: "const m = require('ical-generator')\nexport default m.default", loader: 'js' }))
  }
}

const common = {
  absWorkingDir: root,
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Bundled CommonJS packages (commander, ws, level) call require() for node's own modules.
  banner: { js: "import { createRequire as __patRequire } from 'node:module'; const require = __patRequire(import.meta.url);" },
  // readable-stream (through y-leveldb's level-read-stream) is a copy of node's own streams for browsers:
  // 185 kB to compile on every start, for what node:stream does the same.
  alias: { 'readable-stream': 'node:stream' },
  // Ink loads React's devtools only when DEV=true, and they are not installed. The file-format libraries
  // (pat import, export --format docx, due --format ics|csv) are loaded by those commands alone and from
  // node_modules as published: bundling them gains no start-up time, and exceljs's archiver needs the real
  // readable-stream (`readable-stream/passthrough`), which the alias above would send to node:stream.
  external: ['react-devtools-core', 'exceljs', 'docx', 'ical-generator', 'csv-parse', 'csv-stringify'],
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true
}

rmSync(outdir, { recursive: true, force: true })
const result = await build({ ...common, entryPoints: { pat: 'src/cli/main.ts' }, splitting: true, plugins: [nativeAddon, yogaWithoutFetch, reactProduction] })
/** A one-file CommonJS entry that bin/pat.js runs with a code cache (see lite.cjs above). */
const cjsEntry = (name, entry, plugins) => build({
  ...common,
  entryPoints: { [name]: entry },
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  // A script compiled through node:vm (bin/pat.js) has no import() on node 20: the file-format libraries it
  // loads on demand (each ships a CommonJS build) are require()d instead.
  supported: { 'dynamic-import': false },
  // The sources find content/ and package.json from import.meta.url; in CommonJS that is the file's URL.
  define: { 'import.meta.url': '__patUrl' },
  banner: { js: "const __patUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins
})
const lite = await cjsEntry('lite', 'src/cli/lite.ts', [nativeAddon, liteDeclined, icalDefault])
// `pat search` (src/cli/kb-fast.ts): the knowledge base alone, no store. `pat show` renders Markdown for the
// terminal (marked-terminal, highlight.js: 1.7 MB), so bin/pat.js sends it to the full bundle; here the
// renderer is a module that says so.
const kbWithoutRender = {
  name: 'kb-without-render',
  setup (b) {
    b.onResolve({ filter: /^\.\.\/kb\/render\.js$/ }, args => ({ path: args.path, namespace: 'kb-without-render' }))
    b.onLoad({ filter: /.*/, namespace: 'kb-without-render' }, () => ({
      contents: "export const renderSection = () => { throw new Error('pat show runs from dist/bundle/pat.js, not kb.cjs (bin/pat.js)') }",
      loader: 'js'
    }))
  }
}
const kb = await cjsEntry('kb', 'src/cli/kb-fast.ts', [kbWithoutRender])
for (const input of Object.keys(kb.metafile.inputs)) {
  if (/yjs|classic-level|commander|highlight\.js/.test(input)) throw new Error(`dist/bundle/kb.cjs would include ${input}: see src/cli/kb-fast.ts`)
}
Object.assign(result.metafile.outputs, kb.metafile.outputs)
// Nothing of the app, sync or the knowledge base may reach the lite entry (it would be read on every start).
for (const input of Object.keys(lite.metafile.inputs)) {
  if (/(^|[\\/])src[\\/](ui[\\/](?!frame-cache|theme)|sync|kb[\\/]search)|[\\/]node_modules[\\/](ink|react|yoga-layout|ws)[\\/]/.test(input)) throw new Error(`dist/bundle/lite.cjs would include ${input}: see src/cli/lite.ts`)
}
Object.assign(result.metafile.outputs, lite.metafile.outputs)
// What went into which file, for esbuild's analyser (`PAT_BUNDLE_META=meta.json npm run build`).
if (process.env.PAT_BUNDLE_META) writeFileSync(process.env.PAT_BUNDLE_META, JSON.stringify(result.metafile))
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0)
console.log(`bundle: ${Object.keys(result.metafile.outputs).length} files, ${(bytes / 1024).toFixed(0)} KiB → dist/bundle/`)
