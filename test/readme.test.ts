// The README's commands run as written: every line of its ```sh blocks, in order, in a fresh home, against
// the built `pat` (on the PATH as `pat`, as `npm link` puts it), each expected to exit 0 — so the README can
// never drift from what the program does.
//
// A block that is not meant to run here (the set-up commands, which install this very suite; examples that
// need two machines) is marked by an HTML comment on the line just before its fence, with the reason:
//   <!-- readme-test: skip (why) -->
// Lines are shell commands; `#` starts a comment (after a space, or at the start of a line).
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { chmod, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { PAT, stderrLines } from './helpers/cli.js'
import { tempDir } from './helpers/home.js'

const run = promisify(execFile)
const README = new URL('../README.md', import.meta.url)
const SKIP = /^<!-- readme-test: skip \(.+\) -->$/

interface Block { line: number, commands: Array<{ line: number, text: string }> }

/** The ```sh blocks of `markdown` not marked to skip, with their commands (comments and blank lines left out). */
export function runnableBlocks (markdown: string): { blocks: Block[], skipped: number } {
  const lines = markdown.split('\n')
  const blocks: Block[] = []
  let skipped = 0
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() !== '```sh') continue
    const end = lines.findIndex((l, j) => j > i && l.trim() === '```')
    const body = lines.slice(i + 1, end)
    if (SKIP.test((lines[i - 1] ?? '').trim())) skipped++
    else {
      blocks.push({
        line: i + 1,
        commands: body.map((text, k) => ({ line: i + 2 + k, text: text.replace(/(^|\s)#(\s.*)?$/, '').trim() })).filter(c => c.text !== '')
      })
    }
    i = end
  }
  return { blocks, skipped }
}

describe('README', () => {
  const markdown = readFileSync(README, 'utf8')
  const { blocks, skipped } = runnableBlocks(markdown)

  it('finds the tour and the knowledge-base blocks, and the marked ones', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2)
    expect(blocks.flatMap(b => b.commands.map(c => c.text))).toContain('pat init --name "Dana Ruiz"')
    expect(skipped).toBeGreaterThanOrEqual(2)
  })

  it('puts the install command and how to get pat at the very top', () => {
    const top = markdown.split('\n## ')[0]!
    expect(top).toMatch(/```sh\nnpm ci && npm start .*\nnpm test /)
    expect(top).toContain('npm link')
    expect(top).toContain('npx pat')
    expect(top).toMatch(/redis-server.*tmux/s)
  })

  it('runs every command of its user-facing blocks, in order, in a fresh home', async () => {
    const home = await tempDir('pat-readme-')
    const bin = await tempDir('pat-readme-bin-')
    await writeFile(join(bin, 'pat'), `#!/bin/sh\nexec "${process.execPath}" "${PAT}" "$@"\n`)
    await chmod(join(bin, 'pat'), 0o755)
    const env = { ...process.env, PAT_HOME: home, PATH: `${bin}:${process.env.PATH ?? ''}`, NO_COLOR: '1' }
    const failures: string[] = []
    for (const block of blocks) {
      for (const c of block.commands) {
        const r = await run('sh', ['-c', c.text], { env, cwd: home }).then(() => undefined, (e: { code: number, stderr: string }) => e)
        if (r) failures.push(`README.md:${c.line}: \`${c.text}\` exited ${r.code}: ${stderrLines(r)[0]}`)
      }
    }
    expect(failures).toEqual([])
  }, 120_000)
})
