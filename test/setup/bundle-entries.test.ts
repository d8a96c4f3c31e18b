// bin/pat.cjs reads the CommonJS entries of the bundle as Latin-1 (one byte per character, no decoding): that
// is right only while scripts/bundle.js leaves nothing beyond ASCII in them. `npm test` builds first.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

describe('the bundle\'s CommonJS entries', () => {
  for (const name of ['lite', 'kb', 'app']) {
    it(`${name}.cjs is ASCII only, so Latin-1 reads it as written`, () => {
      const bytes = readFileSync(new URL(`../../dist/bundle/${name}.cjs`, import.meta.url))
      expect(bytes.length).toBeGreaterThan(10_000)
      expect(bytes.findIndex(b => b > 0x7e)).toBe(-1)
    })
  }
})
