// `pat search` and `pat show` write straight to file descriptors when the output is no terminal (fd-io.ts):
// only what is surely no terminal takes that path, and a write puts all of the text out, made printable.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { fdSink, surelyNoTerminal } from '../../src/cli/fd-io.js'
import { writeTerminal } from '../../src/cli/io.js'

const dir = mkdtempSync(join(tmpdir(), 'pat-fd-io-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('writing to a file descriptor', () => {
  it('knows a file and /dev/null for no terminal, and a closed descriptor for unknown', () => {
    const fd = openSync(join(dir, 'out.txt'), 'w')
    expect(surelyNoTerminal(fd)).toBe(true)
    closeSync(fd)
    expect(surelyNoTerminal(fd)).toBe(false)
    const dev = openSync('/dev/null', 'w')
    expect(surelyNoTerminal(dev)).toBe(true)
    closeSync(dev)
  })

  it('writes the whole text, a peer’s control characters shown, not sent', () => {
    const path = join(dir, 'big.txt')
    const fd = openSync(path, 'w')
    const text = `${'é'.repeat(300_000)} \u001b[2J done`
    writeTerminal(fdSink(fd), text)
    closeSync(fd)
    const got = readFileSync(path, 'utf8')
    expect(got.startsWith('é'.repeat(300_000))).toBe(true)
    expect(got).not.toContain('\u001b')
    expect(got.endsWith('done\n')).toBe(true)
  })

  it('passes on an error other than a closed pipe (a closed pipe: closed-pipe.test.ts)', () => {
    const fd = openSync(join(dir, 'closed.txt'), 'w')
    closeSync(fd)
    const exits: number[] = []
    expect(() => fdSink(fd, code => { exits.push(code); throw new Error('exited') }).write('x')).toThrow(/EBADF/)
    expect(exits).toEqual([])
  })
})
