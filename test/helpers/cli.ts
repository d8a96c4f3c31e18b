// Runs the real `pat` binary (the built dist/, as a user would) and collects its output.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const PAT = fileURLToPath(new URL('../../bin/pat.cjs', import.meta.url))

export interface Run { code: number, stdout: string, stderr: string }

/** Runs a node script with `args` (NO_COLOR set, `env` on top of the test's environment) and collects its output. */
export function runNode (script: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, NO_COLOR: '1', ...env } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', d => { stdout += d })
    child.stderr.on('data', d => { stderr += d })
    child.on('error', reject)
    child.on('close', code => resolve({ code: code ?? -1, stdout, stderr }))
  })
}

export function pat (home: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return runNode(PAT, ['--home', home, ...args], env)
}

/** Runs pat and parses its JSON output, failing with its stderr when it did not succeed. */
export async function patJson<T = any> (home: string, args: string[]): Promise<T> {
  const r = await pat(home, [...args, '--json'])
  if (r.code !== 0) throw new Error(`pat ${args.join(' ')} exited ${r.code}: ${r.stderr}`)
  return JSON.parse(r.stdout) as T
}

/** Polls a condition: the one waitFor of the tests (helpers/wait.mjs), here too for the tests that import it from here. */
export { waitFor } from './wait.mjs'

/** The lines of what a run wrote to stderr (a refusal is one line: `expect(stderrLines(r)).toEqual([…])`). */
export function stderrLines (r: Pick<Run, 'stderr'>): string[] {
  return r.stderr.trim().split('\n')
}
