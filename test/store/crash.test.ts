import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { Store } from '../../src/store/index.js'
import { newStore } from '../helpers/store.js'

const LOOP = fileURLToPath(new URL('../helpers/write-loop.mjs', import.meta.url))

/** Runs the write loop until it has reported `after` edits plus a random few ms, then SIGKILLs it. */
function runAndKill (home: string, accountId: string, prefix: string, after: number, extraMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [LOOP, home, accountId, prefix], { stdio: ['ignore', 'pipe', 'pipe'] })
    const reported: number[] = []
    let buffer = ''
    let stderr = ''
    let killing = false // output can bring several lines at once
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`the write loop never got going: ${stderr}`)) }, 20_000)
    child.stderr.on('data', d => { stderr += d })
    child.stdout.on('data', d => {
      buffer += d
      const lines = buffer.split('\n')
      buffer = lines.pop()!
      for (const l of lines) reported.push(Number(l.split(' ')[1]))
      if (reported.length >= after && !killing) { killing = true; setTimeout(() => child.kill('SIGKILL'), extraMs) }
    })
    child.on('exit', (_code, signal) => {
      clearTimeout(timer)
      if (signal !== 'SIGKILL') reject(new Error(`the write loop exited by itself: ${stderr}`))
      else resolve(reported)
    })
  })
}

describe('SIGKILL during a write loop', () => {
  it('loses no edit that was reported done, and the database opens every time', async () => {
    const s = await newStore()
    const acc = await s.accounts.add({ name: 'Crash Test Co' })
    const home = s.ws.paths.root
    await s.close()
    let seed = 7
    const random = () => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31 }
    for (let round = 0; round < 6; round++) {
      const extra = Math.floor(random() * 40)
      const reported = await runAndKill(home, acc.id, `round${round}`, 3 + Math.floor(random() * 10), extra)
      const store = await Store.open(home)
      const titles = new Set((await store.plan.items.list(acc.id)).map(i => String(i.title)))
      for (const n of reported) {
        expect(titles.has(`round${round} ${n}`), `round ${round} (seed 7, +${extra} ms): item ${n} was reported done but is missing`).toBe(true)
      }
      expect(reported.length).toBeGreaterThanOrEqual(3)
      await store.close()
    }
  })
})
