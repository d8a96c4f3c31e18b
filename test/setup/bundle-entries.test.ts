// bin/pat.cjs reads the CommonJS entries of the bundle as Latin-1 (one byte per character, no decoding) and
// compiles each as the function node wraps a module in: that is right only while scripts/bundle.js leaves
// nothing beyond ASCII in them and writes them wrapped. The read commands and the app open LevelDB's addon
// from the path found at build time, and fall back to node-gyp-build when it is not there. `npm test` builds
// first.
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { patJson, runNode as run } from '../helpers/cli.js'
import { initHome, tempDir } from '../helpers/home.js'

const bundle = (name: string) => fileURLToPath(new URL(`../../dist/bundle/${name}`, import.meta.url))
const root = fileURLToPath(new URL('../../', import.meta.url))

describe('the bundle\'s CommonJS entries', () => {
  for (const name of ['lite', 'kb', 'app']) {
    it(`${name}.cjs is ASCII only and already wrapped as a module function`, () => {
      const bytes = readFileSync(bundle(`${name}.cjs`))
      expect(bytes.length).toBeGreaterThan(10_000)
      expect(bytes.findIndex(b => b > 0x7e)).toBe(-1)
      const text = bytes.toString('latin1')
      expect(text.startsWith('(function (exports, require, module, __filename, __dirname) {')).toBe(true)
      expect(text.trimEnd().endsWith('})')).toBe(true)
    })
  }

  for (const name of ['lite', 'app']) {
    it(`${name}.cjs opens LevelDB's addon from a file that exists`, () => {
      const text = readFileSync(bundle(`${name}.cjs`), 'latin1')
      const rel = /process\.dlopen\([\w$]+,require\("node:path"\)\.join\(__dirname,("[^"]+")\)\)/.exec(text)?.[1]
      expect(rel).toBeDefined()
      expect(readFileSync(join(bundle(''), JSON.parse(rel!) as string)).length).toBeGreaterThan(10_000)
    })
  }

  /** A copy of the program one level deeper than the project, with the entry `lite.cjs` as `edit` leaves it. */
  async function deeperCopy (edit: (source: string) => string = s => s): Promise<string> {
    const copy = await tempDir()
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'))
    const deep = join(copy, 'deeper')
    mkdirSync(join(deep, 'bin'), { recursive: true })
    mkdirSync(join(deep, 'dist', 'bundle'), { recursive: true })
    copyFileSync(join(root, 'bin', 'pat.cjs'), join(deep, 'bin', 'pat.cjs'))
    copyFileSync(join(root, 'package.json'), join(deep, 'package.json'))
    writeFileSync(join(deep, 'dist', 'bundle', 'lite.cjs'), edit(readFileSync(bundle('lite.cjs'), 'latin1')), 'latin1')
    for (const name of ['crypto', 'child_process']) copyFileSync(bundle(`lazy-${name}.cjs`), join(deep, 'dist', 'bundle', `lazy-${name}.cjs`))
    return join(deep, 'bin', 'pat.cjs')
  }

  it('a read command still opens the workspace when the addon is not where the build found it', async () => {
    const home = await initHome('Ana Lima', { accounts: ['Acme Imports'] })
    // One level deeper the build's relative path to the addon misses, and node-gyp-build finds it through
    // node_modules from there.
    const r = await run(await deeperCopy(), ['--home', home, 'account', 'list', '--json'])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual(await patJson(home, ['account', 'list']))
  })

  it('an entry built before the files were written wrapped gets one line asking for a build', async () => {
    const home = await initHome('Ana Lima')
    const unwrapped = (s: string) => s.slice(s.indexOf('{') + 1, s.lastIndexOf('}'))
    const r = await run(await deeperCopy(unwrapped), ['--home', home, 'account', 'list'])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^error: the build in .*deeper is older than its bin\/pat\.cjs: run `npm run build` there, then try again\n$/)
  })

  // node:crypto and node:child_process cost a start ~9-12 ms to load; the CommonJS entries load them on first
  // use (scripts/bundle.js, lazy-builtins), which a read command on a current snapshot never comes to, while a
  // command that needs them still gets the real modules.
  it('a read command loads neither node:crypto nor node:child_process; a write still works', async () => {
    const home = await initHome('Ana Lima', { accounts: ['Acme Imports'] })
    const dir = await tempDir()
    const hook = join(dir, 'hook.cjs')
    writeFileSync(hook, `const M = require('node:module'); const load = M._load; const seen = new Set()
M._load = function (request, ...rest) { if (/^(node:)?(crypto|child_process)$/.test(request)) seen.add(request.replace('node:', '')); return load.call(this, request, ...rest) }
process.on('exit', () => process.stderr.write('builtins:' + [...seen].sort().join(',') + '\\n'))`)
    const env = { NODE_OPTIONS: `--require ${hook}` }
    await run(bundle('../../bin/pat.cjs'), ['--home', home, 'account', 'list'], env) // leaves the snapshot current
    for (const args of [['account', 'list', '--json'], ['due', '--json'], ['status']]) {
      const r = await run(bundle('../../bin/pat.cjs'), ['--home', home, ...args], env)
      expect(r.code).toBe(0)
      expect(r.stderr).toBe('builtins:\n')
    }
    const added = await run(bundle('../../bin/pat.cjs'), ['--home', home, 'plan', 'add', 'acme', '--title', 'Classification review', '--priority', 'high', '--json'], env)
    expect(added.stderr).toBe('builtins:crypto\n')
    expect(added.code).toBe(0)
    expect(JSON.parse(added.stdout)).toMatchObject({ title: 'Classification review' })
  })
})
