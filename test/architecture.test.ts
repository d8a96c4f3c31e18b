// The layers point one way: cli → ui → store / sync / kb / docs / import → domain (docs reads store records). This test reads every import in src/
// and fails on one that points the wrong way, or on Yjs outside the store and sync layers.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve, dirname } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = resolve(__dirname, '../src')
const ALLOWED: Record<string, string[]> = {
  domain: ['domain'],
  store: ['store', 'domain'],
  sync: ['sync', 'store', 'domain'],
  kb: ['kb', 'domain'],
  docs: ['docs', 'store', 'domain'],
  import: ['import', 'store', 'domain'],
  ui: ['ui', 'store', 'sync', 'kb', 'docs', 'import', 'domain'],
  cli: ['cli', 'ui', 'store', 'sync', 'kb', 'docs', 'import', 'domain'],
  types: ['types']
}
const YJS_OK = new Set(['store', 'sync', 'types'])

function files (dir: string): string[] {
  return readdirSync(dir).flatMap(f => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : []
  })
}

const layerOf = (file: string) => relative(SRC, file).split(/[\\/]/)[0]!

describe('layering', () => {
  const all = files(SRC)
  it('finds the source files', () => {
    expect(all.length).toBeGreaterThan(20)
  })

  it('imports only from the same or a lower layer', () => {
    const wrong: string[] = []
    for (const file of all) {
      const layer = layerOf(file)
      const text = readFileSync(file, 'utf8')
      for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g)) {
        const target = layerOf(resolve(dirname(file), m[1] ?? m[2]!))
        if (!(ALLOWED[layer] ?? []).includes(target)) wrong.push(`${relative(SRC, file)} → ${target}`)
      }
      if (!YJS_OK.has(layer) && /from\s+['"](yjs|y-leveldb|y-protocols[^'"]*)['"]/.test(text)) wrong.push(`${relative(SRC, file)} imports Yjs`)
    }
    expect(wrong).toEqual([])
  })
})
