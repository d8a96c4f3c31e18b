// The key table against the screens' handlers: every command in the table has a handler somewhere in the
// app (a key listed in Help that does nothing is a lie), and every handler names a command in the table.
// Command ids are a typed union (CommandId), so the compiler already refuses a handler for an unknown id;
// this test catches the other direction, which no type can: a command nobody handles.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { COMMANDS, DATA_SCREENS, commandsFor, matchCommand } from '../../src/ui/keys/key-table.js'
import { SCREEN_NAMES } from '../../src/ui/screens/help-screen.js'

const UI = join(import.meta.dirname, '../../src/ui')

function sources (dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = join(dir, e.name)
    if (e.isDirectory()) return sources(p)
    return /\.tsx?$/.test(e.name) && !p.endsWith(join('keys', 'key-table.ts')) ? [p] : []
  })
}

/** Object keys of the form 'group.name' in the app's code: handlers (and the Help screen's screen names). */
function handlerKeys (): Set<string> {
  const out = new Set<string>()
  for (const file of sources(UI)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/'([a-z]+\.[a-zA-Z]+)':/g)) out.add(m[1]!)
  }
  for (const screen of Object.keys(SCREEN_NAMES)) out.delete(screen)
  return out
}

describe('key table', () => {
  const ids = new Set(COMMANDS.map(c => c.id))
  const handled = handlerKeys()

  it('has a handler for every command', () => {
    expect([...ids].filter(id => !handled.has(id))).toEqual([])
  })

  it('has a command for every handler', () => {
    expect([...handled].filter(h => !ids.has(h as never))).toEqual([])
  })

  it('never lists one id twice', () => {
    expect(ids.size).toBe(COMMANDS.length)
  })

  it.each([
    ['reader', 'u', undefined],
    ['help', 'u', undefined],
    ['knowledge', 'u', undefined],
    ['account.plan', 'u', 'app.undo'],
    ['accounts', 'U', 'app.redo'],
    ['account.cip', 'ctrl-r', 'app.redo'],
    ['accounts', 'escape', 'app.back'],
    ['account.activity', 'enter', 'activity.show'],
    ['editor', 'enter', undefined], // a new line in the text, not a command
    ['editor', 'ctrl-s', 'editor.save']
  ] as const)('on %s, %s runs %s', (screen, key, id) => {
    expect(matchCommand(screen, key)?.id).toBe(id)
  })

  it('offers undo and redo on the data screens only', () => {
    for (const screen of Object.keys(SCREEN_NAMES) as Array<keyof typeof SCREEN_NAMES>) {
      const has = commandsFor(screen).some(c => c.id === 'app.undo')
      expect(has, screen).toBe(DATA_SCREENS.includes(screen))
    }
  })
})
