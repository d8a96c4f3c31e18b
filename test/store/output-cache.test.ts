// A read command's kept answer (store/output-cache.ts): printed again whole and only while its stamp holds,
// never in part, and recording it never fails the command.
import { spawn } from 'node:child_process'
import { existsSync, truncateSync } from 'node:fs'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { OutputRecorder, replayOutput, type OutputKey } from '../../src/store/output-cache.js'
import { tempDir } from '../helpers/home.js'
import { answer } from '../helpers/output-answer.mjs'

const KEY: OutputKey = { name: 'account-list', variant: 'active', parts: ['workspace'] }
const RECORD_LOOP = fileURLToPath(new URL('../helpers/output-record-loop.mjs', import.meta.url))

async function record (dir: string, text: string, stamp: string | undefined, key = KEY) {
  const recorder = await OutputRecorder.start(dir, key)
  const parts = text.match(/[^]{1,1000}/g)!
  expect([...recorder.tee(parts)].join('')).toBe(text)
  recorder.keep(stamp)
}

/** What a replay writes (each chunk copied: the writer is done with it at once), or undefined if it wrote nothing. */
async function replayed (dir: string, stamp: string | undefined, key = KEY): Promise<string | undefined> {
  const chunks: Buffer[] = []
  const done = await replayOutput(dir, key, stamp, chunk => { chunks.push(Buffer.from(chunk)); return undefined })
  if (!done) expect(chunks).toEqual([])
  return done ? Buffer.concat(chunks).toString() : undefined
}

describe('kept answers', () => {
  it('are printed again byte for byte under the same stamp, and not under another', async () => {
    const dir = await tempDir()
    const text = answer(20_000) // ~900 kB: several chunks
    await record(dir, text, 'stamp-1')
    expect(await replayed(dir, 'stamp-1')).toBe(text)
    expect(await replayed(dir, 'stamp-2')).toBeUndefined()
    expect(await replayed(dir, undefined)).toBeUndefined()
    expect(await replayed(dir, 'stamp-1', { ...KEY, name: 'due' })).toBeUndefined()
    // Another answer under the same name replaces it.
    await record(dir, answer(3), 'stamp-2')
    expect(await replayed(dir, 'stamp-2')).toBe(answer(3))
    expect(await replayed(dir, 'stamp-1')).toBeUndefined()
  })

  it('write no chunk over until the writer is done with the one before', async () => {
    const dir = await tempDir()
    const text = answer(20_000)
    await record(dir, text, 's')
    const copies: Buffer[] = []
    let intact = true
    expect(await replayOutput(dir, KEY, 's', chunk => {
      const copy = Buffer.from(chunk)
      copies.push(copy)
      // A slow output: it takes the chunk later, and it must be as it was given.
      return new Promise(resolve => setTimeout(() => { intact &&= Buffer.compare(chunk, copy) === 0; resolve() }, 1))
    })).toBe(true)
    expect(copies.length).toBeGreaterThan(2)
    expect(intact).toBe(true)
    expect(Buffer.concat(copies).toString()).toBe(text)
  })

  it('are not printed at all when the file is short, zero-filled, or of another head', async () => {
    const dir = await tempDir()
    const file = join(dir, 'output-account-list')
    const text = answer(5_000)
    await record(dir, text, 's')
    const whole = await readFile(file)
    const damaged = [
      whole.subarray(0, whole.length - 1), // short
      Buffer.concat([whole.subarray(0, whole.length - 9000), Buffer.alloc(9000)]), // a zero-filled tail
      Buffer.alloc(whole.length), // all zeros
      Buffer.concat([Buffer.from(whole.subarray(0, 1024).toString().replace('"format":1', '"format":9')), whole.subarray(1024)]),
      Buffer.concat([whole, Buffer.from('x')]) // longer than its head says
    ]
    for (const bytes of damaged) {
      await writeFile(file, bytes)
      expect(await replayed(dir, 's')).toBeUndefined()
    }
  })

  it('that end early once written in part fail the run (never printed twice) and are removed for the next', async () => {
    const dir = await tempDir()
    const file = join(dir, 'output-account-list')
    await record(dir, answer(20_000), 's')
    let first = true
    await expect(replayOutput(dir, KEY, 's', () => {
      if (first) truncateSync(file, 300_000) // cut while it is being written out
      first = false
      return undefined
    })).rejects.toThrow(/cannot read the kept answer .*: run the command again/)
    expect(existsSync(file)).toBe(false)
  })

  it('are not kept when the stamp cannot be read, nor when the file cannot be written; nothing is left behind', async () => {
    const dir = await tempDir()
    await record(dir, answer(10), undefined)
    expect(await replayed(dir, 's')).toBeUndefined()
    expect(await readdir(dir)).toEqual([])
    // The temporary file's place taken by a directory: recording gives up quietly.
    await mkdir(join(dir, 'output-account-list.tmp'))
    await record(dir, answer(10), 's')
    expect(await replayed(dir, 's')).toBeUndefined()
    // A stamp too long for the head is no stamp.
    const other = await tempDir()
    await record(other, answer(10), 'x'.repeat(2000))
    expect(await readdir(other)).toEqual([])
  })

  it('survive a kill at any moment of recording: the file read after is a whole answer, the last kept or a later one', async () => {
    const dir = await tempDir()
    const file = join(dir, 'output-account-list')
    for (let round = 0; round < 6; round++) {
      const printed = await new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, [RECORD_LOOP, dir], { stdio: ['ignore', 'pipe', 'pipe'] })
        let out = ''
        let stderr = ''
        let killing = false
        const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`the loop never got going: ${stderr}`)) }, 20_000)
        child.stderr.on('data', d => { stderr += d })
        child.stdout.on('data', d => {
          out += d
          if (out.includes('\n') && !killing) { killing = true; setTimeout(() => child.kill('SIGKILL'), 3 + round * 11) }
        })
        child.on('exit', () => { clearTimeout(timer); resolve(out) })
      })
      const kept = [...printed.matchAll(/kept (\d+)/g)].map(m => Number(m[1]))
      expect(kept.length).toBeGreaterThan(0)
      const stamp = (JSON.parse((await readFile(file)).subarray(0, 1024).toString()) as { stamp: string }).stamp
      expect(Number(stamp)).toBeGreaterThanOrEqual(kept.at(-1)!)
      expect(await replayed(dir, stamp)).toBe(answer(Number(stamp)))
    }
  })
})
