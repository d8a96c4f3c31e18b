// Running a loop program (write-loop.mjs, edit-loop.mjs: one line "done N" per edit it saw stored) and
// killing it with SIGKILL at a chosen moment, for the crash and fault tests.
import { spawn } from 'node:child_process'

/** Runs `loop` until it has reported `after` edits, waits `extraMs`, SIGKILLs it; resolves with the edits it reported. */
export function runAndKill (loop: string, home: string, accountId: string, prefix: string, after: number, extraMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [loop, home, accountId, prefix], { stdio: ['ignore', 'pipe', 'pipe'] })
    const reported: number[] = []
    let buffer = ''
    let stderr = ''
    let killing = false // output can bring several lines at once
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`the loop never got going: ${stderr}`)) }, 20_000)
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
      if (signal !== 'SIGKILL') reject(new Error(`the loop exited by itself: ${stderr}`))
      else resolve(reported)
    })
  })
}
