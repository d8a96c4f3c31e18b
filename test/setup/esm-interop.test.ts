// The CommonJS bundles keep one ES module wrapper per CommonJS module (scripts/esm-interop.js): checked on a
// bundle esbuild makes here, minified as scripts/bundle.js makes them, and on the helper's own rules.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runInThisContext } from 'node:vm'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'
import { memoizeToEsm, withMemoizedToEsm } from '../../scripts/esm-interop.js'

type ToEsm = (mod: unknown, isNodeMode?: number, target?: object) => Record<string, unknown>
const memoize = memoizeToEsm as (f: ToEsm) => ToEsm
const rewrite = withMemoizedToEsm as (source: string, file: string) => string

/** esbuild's output for two ES modules importing one CommonJS module, as a CommonJS bundle. */
async function bundleText (): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'pat-interop-'))
  try {
    writeFileSync(join(dir, 'lib.cjs'), 'exports.answer = 42; exports.ask = () => exports.answer')
    writeFileSync(join(dir, 'one.js'), "import lib, * as ns from './lib.cjs'\nexport const one = ns\nexport const oneDefault = lib")
    writeFileSync(join(dir, 'two.js'), "import * as ns from './lib.cjs'\nexport const two = ns")
    writeFileSync(join(dir, 'entry.js'), "export * from './one.js'\nexport * from './two.js'\nexport { default as lib } from './lib.cjs'")
    const out = await build({ entryPoints: [join(dir, 'entry.js')], bundle: true, write: false, format: 'cjs', platform: 'node', minifyWhitespace: true, minifySyntax: true, minifyIdentifiers: true })
    return out.outputFiles[0]!.text
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The bundle's source, with `edit` applied, run: its exports. */
async function bundled (edit: (source: string) => string): Promise<Record<string, any>> {
  const source = edit(await bundleText())
  const module = { exports: {} as Record<string, any> }
  ;(runInThisContext(`(function (exports, module) {${source}\n})`) as (e: object, m: object) => void)(module.exports, module)
  return module.exports
}

describe('withMemoizedToEsm', () => {
  it('gives every importer of a CommonJS module the same wrapper, which reads the module as it is', async () => {
    const plain = await bundled(s => s)
    expect(plain.one).not.toBe(plain.two) // esbuild's own helper: one wrapper per import
    const kept = await bundled(s => rewrite(s, 'test'))
    expect(kept.one).toBe(kept.two)
    expect(kept.one.answer).toBe(42)
    expect(kept.oneDefault.ask()).toBe(42)
    kept.lib.answer = 7
    expect(kept.two.answer).toBe(7)
  })

  it('finds the helper whatever names the minifier gave it, $ included', () => {
    const helper = 'var $F=($,e$,n)=>(n=$!=null?a$(b(c$)):{},d$(e$||!$||!$.__esModule?f(n,"default",{value:$,enumerable:!0}):n,$));'
    const out = rewrite(helper.replace('c$', '$'), 'names.cjs')
    expect(out.startsWith('var $F=(function memoizeToEsm')).toBe(true)
  })

  it('refuses a bundle without the helper, or with it twice', async () => {
    expect(() => rewrite('var x=1', 'some.cjs')).toThrow(/some\.cjs: esbuild's __toESM found 0 times/)
    const source = await bundleText()
    expect(() => rewrite(source + source, 'twice.cjs')).toThrow(/twice\.cjs: esbuild's __toESM found 2 times/)
  })
})

describe('memoizeToEsm', () => {
  const counting = () => {
    let made = 0
    const toEsm: ToEsm = (mod, isNodeMode) => { made++; return { mod, isNodeMode } }
    return { toEsm: memoize(toEsm), made: () => made }
  }

  it('makes one wrapper per module and kind of import', () => {
    const { toEsm, made } = counting()
    const a = { x: 1 }
    const b = { x: 2 }
    expect(toEsm(a, 1)).toBe(toEsm(a, 1))
    expect(toEsm(b, 1)).not.toBe(toEsm(a, 1))
    const transpiled = { __esModule: true, default: 3 }
    expect(toEsm(transpiled, 1)).not.toBe(toEsm(transpiled, 0)) // node's default (the exports) or its own
    expect(toEsm(transpiled, 0)).toBe(toEsm(transpiled, 0))
    expect(made()).toBe(4)
  })

  it('makes the wrapper again when the module gained a name (read while still loading)', () => {
    const { toEsm, made } = counting()
    const loading: Record<string, number> = { early: 1 }
    const first = toEsm(loading, 1)
    loading.late = 2
    const second = toEsm(loading, 1)
    expect(second).not.toBe(first)
    expect(toEsm(loading, 1)).toBe(second)
    expect(made()).toBe(2)
  })

  it('passes through what it cannot key: no module, a value, a target given', () => {
    const { toEsm, made } = counting()
    toEsm(null, 1); toEsm(undefined, 1); toEsm(5, 1); toEsm({ x: 1 }, 1, {})
    expect(made()).toBe(4)
  })
})
