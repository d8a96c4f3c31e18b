#!/usr/bin/env node
// `npm run build` step: bundles the `pat` command (src/cli/main.ts and everything it loads, the app included)
// into a few ES module files in dist/bundle/, which bin/pat.cjs runs. A start then reads and compiles a few
// files instead of some 800 (Ink alone pulls in 415 files of es-toolkit), and only the code each command
// reaches: every `await import()` of the sources stays a chunk loaded on demand. The sources and tsc's dist/
// stay as they are for development, the tests and the benchmarks' in-process parts. See docs/startup.md.
//
// dist/bundle/ is two levels below the project root like dist/kb/, so the sources' `new URL('../../…',
// import.meta.url)` (content/, templates/, package.json, dist/kb-index.json) resolve the same in the bundle.
import { randomBytes } from 'node:crypto'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { withMemoizedToEsm } from './esm-interop.js'
import { lazyModule } from './lazy-builtin.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const outdir = `${root}dist/bundle`
/**
 * A filter for this file of the installed tree: its path ends so, and a nested copy of the package (one more
 * node_modules/ in its path, as cli-table3's own string-width) is left alone (`nested` below).
 */
const at = path => new RegExp(`[\\\\/]${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('/', '[\\\\/]')}$`)
const nodeModulesIn = path => path.split(/[\\/]node_modules[\\/]/).length - 1

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
 * In the CommonJS entries (read commands, the app) the addon is opened directly, from the path node-gyp-build
 * chooses for this machine, found here at build time (`npm ci` builds on the machine that runs it): finding it
 * at run time costs node-gyp-build's directory scans and node's package.json lookups, 5 ms of every start
 * that opens the workspace against 0.7 ms for the `dlopen` alone (measured in a bare node, docs/startup.md).
 * If that file is gone or will not load (node_modules reinstalled for another platform), the entry falls
 * back to node-gyp-build.
 */
function directAddon () {
  let rel
  try {
    const classic = `${root}node_modules/classic-level/`
    rel = relative(outdir, createRequire(`${classic}package.json`)('node-gyp-build').path(classic))
  } catch {
    return nativeAddon
  }
  return {
    name: 'native-addon-direct',
    setup (b) {
      b.onResolve({ filter: /^\.\/binding(\.js)?$/ }, args =>
        /[\\/]node_modules[\\/]classic-level[\\/]/.test(args.importer) ? { path: 'binding', namespace: 'native-addon-direct' } : undefined)
      b.onResolve({ filter: /^classic-level\/binding\.js$/, namespace: 'native-addon-direct' }, args => ({ path: args.path, external: true }))
      b.onLoad({ filter: /.*/, namespace: 'native-addon-direct' }, () => ({
        contents: `const m = { exports: {} }
try {
  process.dlopen(m, require('node:path').join(__dirname, ${JSON.stringify(rel)}))
} catch {
  m.exports = require('classic-level/binding.js')
}
module.exports = m.exports`,
        loader: 'js'
      }))
    }
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
 * which bin/pat.cjs compiles with a V8 code cache (src/cli/lite-loader.js): one file to read, and its functions
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

// A new value in every build (src/cli/build-id.ts): what a build kept of its own answers
// (store/output-cache.ts) is never printed by another build, whose output may differ.
const BUILD_ID = randomBytes(8).toString('hex')

const common = {
  absWorkingDir: root,
  define: { __PAT_BUILD__: JSON.stringify(BUILD_ID) },
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
/** A one-file CommonJS entry that bin/pat.cjs runs with a code cache (see lite.cjs above). */
const cjsEntry = (name, entry, plugins, external = []) => build({
  ...common,
  // Shorter names: a third less source to read and scan at every start (app.cjs 1.8 → 1.2 MB), and a
  // smaller code cache; measured 30 ms less CPU for the app's first key (docs/startup.md).
  minifyIdentifiers: true,
  external: [...common.external, ...external],
  entryPoints: { [name]: entry },
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  // A script compiled through node:vm (bin/pat.cjs) has no import() on node 20: the file-format libraries it
  // loads on demand (each ships a CommonJS build) are require()d instead.
  supported: { 'dynamic-import': false },
  // The sources find content/ and package.json from import.meta.url; in CommonJS that is the file's URL.
  define: { ...common.define, 'import.meta.url': '__patUrl' },
  banner: { js: "const __patUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins
})
/**
 * Node's own modules that cost a start the most to load and that a start seldom uses: node:crypto (8.4 ms of
 * a CPU profile of `pat account list`; store/home.ts, ids, generations… and Yjs's lib0 import it at the top,
 * for random ids and hashes made only when writing) and node:child_process (3.6 ms; commander imports it at
 * the top, for subcommands run as separate programs, which pat has none of). The CommonJS entries require
 * instead a stand-in written beside them, `lazy-<name>.cjs`, which loads the real module on the first use of
 * any of its names (scripts/lazy-builtin.js; test/setup/lazy-builtin.test.ts). It is a file of its own, not
 * bundled: esbuild hands a bundled CommonJS module to its importers through __toESM, which lists (so loads)
 * every name at once; an external one it requires as it is.
 */
const LAZY_BUILTINS = ['crypto', 'child_process']
// Yjs's lib0 reads node:crypto's webcrypto as its module loads, for the random client ids of documents: here it
// reads it when it first makes one (a read command with a current snapshot makes none).
const LIB0_WEBCRYPTO = 'node_modules/lib0/webcrypto.node.js'
const LIB0_WEBCRYPTO_SOURCE = `import { webcrypto } from 'node:crypto'

export const subtle = /** @type {any} */ (webcrypto).subtle
export const getRandomValues = /** @type {any} */ (webcrypto).getRandomValues.bind(webcrypto)
`
const LIB0_WEBCRYPTO_LAZY = `import { webcrypto } from 'node:crypto'

export const subtle = new Proxy({}, { get: (_, name) => { const s = webcrypto.subtle; const v = s[name]; return typeof v === 'function' ? v.bind(s) : v } })
export const getRandomValues = buffer => webcrypto.getRandomValues(buffer)
`
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup (b) {
    b.onResolve({ filter: new RegExp(`^(node:)?(${LAZY_BUILTINS.join('|')})$`) }, args =>
      ({ path: `./lazy-${args.path.replace(/^node:/, '')}.cjs`, external: true }))
    b.onLoad({ filter: at(LIB0_WEBCRYPTO) }, args => {
      if (nodeModulesIn(args.path) !== nodeModulesIn(`/${LIB0_WEBCRYPTO}`)) return undefined // nested
      if (readFileSync(args.path, 'utf8') !== LIB0_WEBCRYPTO_SOURCE) throw new Error(`${args.path} changed: review the lazy-builtins step of scripts/bundle.js`)
      return { contents: LIB0_WEBCRYPTO_LAZY, loader: 'js' }
    })
  }
}
const addon = directAddon()
const lite = await cjsEntry('lite', 'src/cli/lite.ts', [addon, liteDeclined, icalDefault, lazyBuiltins])
// `pat search` (src/cli/kb-fast.ts): the knowledge base alone, no store. `pat show` renders Markdown for the
// terminal (marked-terminal, highlight.js: 1.7 MB), so bin/pat.cjs sends it to the full bundle; here the
// renderer is a module that says so.
const kbWithoutRender = {
  name: 'kb-without-render',
  setup (b) {
    b.onResolve({ filter: /^\.\.\/kb\/render\.js$/ }, args => ({ path: args.path, namespace: 'kb-without-render' }))
    b.onLoad({ filter: /.*/, namespace: 'kb-without-render' }, () => ({
      contents: "export const renderSection = () => { throw new Error('pat show runs from dist/bundle/pat.js, not kb.cjs (bin/pat.cjs)') }",
      loader: 'js'
    }))
  }
}
/**
 * The app's entry (src/cli/app-fast.ts) as one CommonJS file, dist/bundle/app.cjs, run with a code cache like
 * lite.cjs. CommonJS has no top-level await, which two of the app's packages use: yoga-layout, to instantiate
 * its WebAssembly (the entry does that first and this index takes the instance from it), and Ink, only when
 * DEV=true, to load React's devtools (not installed) and its own package.json for them (here: not loaded).
 * The build fails if either file changes, rather than shipping a bundle that would not load.
 */
const appEntry = fileURLToPath(new URL('../src/cli/app-fast.ts', import.meta.url))
const withoutTopLevelAwait = {
  name: 'without-top-level-await',
  setup (b) {
    b.onLoad({ filter: /[\\/]yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/ }, args => {
      const source = readFileSync(args.path, 'utf8')
      if (!source.includes('wrapAssembly(await loadYoga())')) throw new Error('yoga-layout\'s index changed: review the without-top-level-await step of scripts/bundle.js')
      return { contents: `import { yogaInstance } from ${JSON.stringify(appEntry)}\nexport default yogaInstance()\nexport * from './generated/YGEnums.js'\n`, loader: 'js', resolveDir: dirname(args.path) }
    })
    b.onLoad({ filter: /[\\/]node_modules[\\/]ink[\\/]build[\\/]reconciler\.js$/ }, args => {
      const source = readFileSync(args.path, 'utf8')
      let patched = source
      for (const [from, to] of [
        ["await import('./devtools.js');", "throw Object.assign(new Error('React devtools are not in dist/bundle/app.cjs'), { code: 'ERR_MODULE_NOT_FOUND' });"],
        ['? await loadPackageJson()', '? { name: undefined, version: undefined }']
      ]) {
        if (!patched.includes(from)) throw new Error('Ink\'s reconciler changed: review the without-top-level-await step of scripts/bundle.js')
        patched = patched.replace(from, to)
      }
      return { contents: patched, loader: 'js' }
    })
  }
}
// What the app needs only after its first frame and is a CommonJS package on its own (no state shared with
// the bundle): the TLS certificates, WebSocket and mDNS of sync (which starts after the first frame), and the
// syntax highlighter and emoji table of the SOP reader's Markdown renderer (loaded when a section is opened).
// They are require()d from node_modules when used, so the file every app start reads is 2.2 MB smaller.
const appLater = ['@peculiar/x509', 'ws', 'multicast-dns', 'highlight.js', 'parse5', 'emojilib']
/**
 * Ink measures text with string-width (and wrap-ansi with its own copy) and splits every line of every frame
 * into graphemes (@alcalzone/ansi-tokenize), each package with an Intl.Segmenter made as it loads: the first
 * loads ICU's break data, 20–30 ms of the app's start. In the app's bundle they ask src/ui/narrow-text.ts,
 * which answers the text the app draws (one column per character) without ICU and makes a Segmenter for the
 * rest on first need. The build fails if a package's code changes, rather than silently losing this.
 */
const narrowText = fileURLToPath(new URL('../src/ui/narrow-text.ts', import.meta.url))
const segmenterLazily = ['const segmenter = new Intl.Segmenter();', 'const segmenter = { segment: __patGraphemes };']
// Each package's expected count of regular expressions of Unicode properties, built on first use instead.
const GRAPHEME_PATCHES = [
  // Ink's string-width 8 and wrap-ansi's 7 (cli-table3's 4, for `pat show`, has no Segmenter).
  ['node_modules/string-width/index.js', 4, [
    segmenterLazily,
    ['let width = 0;\n\tconst eastAsianWidthOptions', 'if (ambiguousIsNarrow && __patIsNarrow(string)) {\n\t\treturn string.length;\n\t}\n\n\tlet width = 0;\n\tconst eastAsianWidthOptions']
  ]],
  ['node_modules/wrap-ansi/node_modules/string-width/index.js', 1, [segmenterLazily]],
  ['node_modules/@alcalzone/ansi-tokenize/build/tokenize.js', 0, [
    ['const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });', 'const segmenter = { segment: __patGraphemes };']
  ]],
  // Ink clips with slice-ansi, which reads Intl's segments (their `containing`): a real Segmenter, made later.
  ['node_modules/slice-ansi/tokenize-ansi.js', 1, [
    ["const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});", 'const GRAPHEME_SEGMENTER = { segment: text => __patSegmenter().segment(text) };']
  ]]
]
/** `const name = /…\p{…}…/flags;` at the start of a line: the declarations made lazy. */
const PROPERTY_REGEXP = /^const (\w+) = (\/.*\\p\{.*\/[a-z]*);$/gm
const patched = new Set()
const graphemesWithoutIcu = {
  name: 'graphemes-without-icu',
  setup (b) {
    for (const [path, regexps, replacements] of GRAPHEME_PATCHES) {
      b.onLoad({ filter: at(path) }, args => {
        if (nodeModulesIn(args.path) !== nodeModulesIn(`/${path}`)) return undefined // nested
        patched.add(path)
        const changed = () => new Error(`${args.path} changed: review the graphemes-without-icu step of scripts/bundle.js`)
        let source = readFileSync(args.path, 'utf8')
        for (const [from, to] of replacements) {
          if (source.split(from).length !== 2) throw changed()
          source = source.replace(from, to)
        }
        if ((source.match(PROPERTY_REGEXP) ?? []).length !== regexps) throw changed()
        source = source.replace(PROPERTY_REGEXP, 'const $1 = __patLazyRegExp(() => $2);')
        const imports = 'graphemes as __patGraphemes, graphemeSegmenter as __patSegmenter, isNarrowText as __patIsNarrow, lazyRegExp as __patLazyRegExp'
        return { contents: `import { ${imports} } from ${JSON.stringify(narrowText)};\n${source}`, loader: 'js' }
      })
    }
  }
}
/**
 * Ink's output diffs the styles of every two neighbouring characters of every line (src/ui/styled-line.ts);
 * in the app's bundle the diff is skipped when both carry the same codes (it is empty then), and the
 * characters of a line share their lists of codes instead of each copying its own (`styledChars`). Ink
 * also fills each frame's grid with a new blank cell (an object and an empty style list) for every one of
 * its 1,920 cells before writing the text over it; nothing changes a cell once placed (each is replaced
 * whole), so they share one frozen blank cell here. The build fails if either package's code changes, rather than
 * silently losing this.
 */
const styledLine = fileURLToPath(new URL('../src/ui/styled-line.ts', import.meta.url))
const SAME_STYLES_PATCHES = [
  ['        else {\n            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));\n        }',
    '        else if (!__patSameStyles(chars[i - 1].styles, char.styles)) {\n            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));\n        }'],
  ['        if (i === chars.length - 1) {', '        if (i === chars.length - 1 && char.styles.length > 0) {']
]
const STYLED_CHARS_PATCHES = [
  ['export function styledCharsFromTokens(tokens) {\n    let codes = [];\n    const ret = [];\n    for (const token of tokens) {\n        if (token.type === "ansi") {\n            codes = reduceAnsiCodesIncremental(codes, [token]);\n        }\n        else if (token.type === "char") {\n            ret.push({\n                ...token,\n                styles: [...codes],\n            });\n        }\n    }\n    return ret;\n}',
    'export function styledCharsFromTokens(tokens) {\n    return __patStyledChars(tokens, reduceAnsiCodesIncremental);\n}']
]
const BLANK_CELL_PATCHES = [
  ["                row.push({\n                    type: 'char',\n                    value: ' ',\n                    fullWidth: false,\n                    styles: [],\n                });",
    '                row.push(__patBlankCell);']
]
const BLANK_CELL = "const __patBlankCell = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([]) });"
const outputPatched = new Set()
/** Applies `patches` (each text found exactly once) to the installed file, with `head` put before it. */
const patchFile = (path, patches, head) => args => {
  let source = readFileSync(args.path, 'utf8')
  for (const [from, to] of patches) {
    if (source.split(from).length !== 2) throw new Error(`${args.path} changed: review the output-patches step of scripts/bundle.js`)
    source = source.replace(from, to)
  }
  outputPatched.add(path)
  return { contents: `${head}\n${source}`, loader: 'js' }
}
const OUTPUT_PATCHES = [
  ['node_modules/@alcalzone/ansi-tokenize/build/styledChars.js', [...STYLED_CHARS_PATCHES, ...SAME_STYLES_PATCHES], `import { sameStyles as __patSameStyles, styledChars as __patStyledChars } from ${JSON.stringify(styledLine)};`],
  ['node_modules/ink/build/output.js', BLANK_CELL_PATCHES, BLANK_CELL]
]
const outputPatches = {
  name: 'output-patches',
  setup (b) {
    for (const [path, patches, head] of OUTPUT_PATCHES) b.onLoad({ filter: at(path) }, patchFile(path, patches, head))
  }
}
const app = await cjsEntry('app', 'src/cli/app-fast.ts', [addon, yogaWithoutFetch, reactProduction, withoutTopLevelAwait, graphemesWithoutIcu, outputPatches, icalDefault, lazyBuiltins], appLater)
for (const [path] of OUTPUT_PATCHES) {
  if (!outputPatched.has(path)) throw new Error(`no file of the app matched ${path}: review the output-patches step of scripts/bundle.js`)
}
Object.assign(result.metafile.outputs, app.metafile.outputs)
for (const [path] of GRAPHEME_PATCHES) {
  if (!patched.has(path)) throw new Error(`no file of the app matched ${path}: review the graphemes-without-icu step of scripts/bundle.js`)
}
const kb = await cjsEntry('kb', 'src/cli/kb-fast.ts', [kbWithoutRender, lazyBuiltins])
for (const input of Object.keys(kb.metafile.inputs)) {
  if (/yjs|classic-level|commander|highlight\.js/.test(input)) throw new Error(`dist/bundle/kb.cjs would include ${input}: see src/cli/kb-fast.ts`)
}
Object.assign(result.metafile.outputs, kb.metafile.outputs)
// Nothing of the app, sync or the knowledge base may reach the lite entry (it would be read on every start).
for (const input of Object.keys(lite.metafile.inputs)) {
  if (/(^|[\\/])src[\\/](ui[\\/](?!frame-cache|theme)|sync|kb[\\/]search)|[\\/]node_modules[\\/](ink|react|yoga-layout|ws)[\\/]/.test(input)) throw new Error(`dist/bundle/lite.cjs would include ${input}: see src/cli/lite.ts`)
}
Object.assign(result.metafile.outputs, lite.metafile.outputs)
/**
 * bin/pat.cjs reads the CommonJS entries as Latin-1, a copy of the bytes into a one-byte string: a file with
 * one character beyond ASCII is decoded from UTF-8 into a two-byte string instead, which took 22 ms rather
 * than 5 for app.cjs, and V8 then scans twice the bytes. esbuild escapes such characters in strings but
 * leaves them in regular expressions (the sources' /[’']/): here they become \u escapes, which mean the
 * same in a string, a template, a regular expression (with or without the u flag) and an identifier.
 *
 * Each file is also written already wrapped in the function node gives a CommonJS module (bin/pat.cjs runs
 * it with `vm`): joining the wrapper to the source at run time made V8 copy the whole source once more into
 * a flat string before compiling it, and on this project's machine every megabyte of fresh memory costs
 * ~3 ms of page faults (docs/startup.md). Only bin/pat.cjs runs these files.
 *
 * And an import of a CommonJS module gets one wrapper per module, not one per import (scripts/esm-interop.js).
 */
// bin/pat.cjs checks a file starts so (one built before it did not: it asks for `npm run build`).
const ENTRY_HEAD = '(function (exports, require, module, __filename, __dirname) {'
for (const name of ['lite', 'kb', 'app']) {
  const file = `${outdir}/${name}.cjs`
  const source = withMemoizedToEsm(readFileSync(file, 'utf8'), file)
  const ascii = source.replace(/[^ -~\n\r\t]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  writeFileSync(file, `${ENTRY_HEAD}${ascii}\n})\n`)
}
for (const name of LAZY_BUILTINS) {
  writeFileSync(`${outdir}/lazy-${name}.cjs`, `'use strict'\n// node:${name}, loaded on first use: scripts/bundle.js (lazy-builtins)\nmodule.exports = (${lazyModule.toString()})(() => require('node:${name}'))\n`)
}
// What went into which file, for esbuild's analyser (`PAT_BUNDLE_META=meta.json npm run build`).
if (process.env.PAT_BUNDLE_META) writeFileSync(process.env.PAT_BUNDLE_META, JSON.stringify(result.metafile))
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0)
console.log(`bundle: ${Object.keys(result.metafile.outputs).length} files, ${(bytes / 1024).toFixed(0)} KiB → dist/bundle/`)
