// Issue 15, "Crashes and unclear errors": the member's key as sync meets it. A damaged or missing key is one
// line from `pat sync` and `pat serve` (exit 1, not 70); so is a key of another member put in identity/ (a
// copied home, a restored folder from the wrong person), which sync used to offer to every peer until each
// answered "not a member of this team".
import { copyFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { pat, stderrLines } from '../helpers/cli.js'
import { initHome } from '../helpers/home.js'

describe('the member key, as sync meets it', { timeout: 120_000 }, () => {
  it('damaged, missing or another member\'s: one line from sync --peer and serve, exit 1', async () => {
    const [h, other] = [await initHome('Ana Lima'), await initHome('Bo Chen')]
    const key = join(h, 'identity', 'member.key')
    const saved = join(h, 'saved.key')
    await copyFile(key, saved)
    const cases: Array<[() => Promise<void>, RegExp]> = [
      [() => writeFile(key, 'not a key'), /^error: your key .*member\.key is damaged \(not a private key PEM\)/],
      [() => rm(key), /^error: your key .*member\.key is missing/],
      [() => copyFile(join(other, 'identity', 'member.key'), key), /^error: your key .*member\.key belongs to member [A-Z2-7-]+, but this home is member [A-Z2-7-]+: restore identity\//]
    ]
    for (const [damage, message] of cases) {
      await damage()
      const sync = await pat(h, ['sync', '--peer', '127.0.0.1:9', '--timeout', '2'])
      expect(sync.code, String(message)).toBe(1)
      expect(stderrLines(sync)).toEqual([expect.stringMatching(message)])
      const serve = await pat(h, ['serve', '--port', '0'])
      expect(serve.code, String(message)).toBe(1)
      expect(stderrLines(serve).at(-1)).toMatch(message)
      await copyFile(saved, key)
    }
    const sync = await pat(h, ['sync', '--peer', '127.0.0.1:9', '--timeout', '2'])
    expect(stderrLines(sync)).toEqual([expect.stringMatching(/^error: cannot reach the peer at 127\.0\.0\.1:9/)]) // the right key goes on to dial
  })
})
