// Issue 15 point 1, in the app: every text field of an account (as a peer's sync would bring it) holds
// escape sequences that would set the window title, clear the screen, recolour it or ring the bell. Every
// frame the app writes, on every screen and tab, carries none of them raw.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { FieldInput, FieldSpec } from '../../src/domain/index.js'
import { ACCOUNT_PROFILE_FIELDS, locationSpecs, PLAN_FIELDS } from '../../src/domain/index.js'
import { newStore } from '../helpers/store.js'
import { KEY, renderApp } from '../helpers/ui.js'

const EVIL = 'Evil\x1b]0;TITLE\x07\x1b[2J\x1b[31mRED\x1b[0m Bell\x07 Co\b\b\u202eRTL\x9b1m'
/** What may be left once our own colour codes are taken out: nothing that drives a terminal. */
const RAW = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]/
const SGR = /\x1b\[[0-9;]*m/g

/** EVIL in every free-text field of `specs`, a valid value in the others that need one. */
function fill (specs: readonly FieldSpec[]): FieldInput {
  const input: FieldInput = {}
  for (const s of specs) {
    if (s.kind === 'text' || s.kind === 'longtext') input[s.key] = EVIL
    else if (s.kind === 'enum' && s.values) input[s.key] = s.values[0]
    else if (s.kind === 'date') input[s.key] = '2027-01-15'
    else if (s.kind === 'list' && !s.values && s.key !== 'iors') input[s.key] = [EVIL]
  }
  return input
}

describe('terminal injection through data, in the app', () => {
  it('no frame of any screen or tab carries a control character from the data', async () => {
    const store = await newStore('Ana Lima')
    const { id } = await store.accounts.add({ name: EVIL, leadPort: EVIL })
    await store.accounts.set(id, fill(ACCOUNT_PROFILE_FIELDS))
    for (const kind of [store.contacts, store.related, store.events, store.ports, store.cips, store.plan.items, store.plan.approvals]) {
      await kind.add(id, fill(kind.kind.specs))
    }
    // A location's type decides its fields: a place (the first type) and a web address between them carry every text field.
    await store.locations.add(id, fill(locationSpecs('headquarters')))
    await store.locations.add(id, { ...fill(locationSpecs('web')), type: 'web' })
    await store.plan.set(id, fill(PLAN_FIELDS))
    await store.checklist.addRequested(id, EVIL)
    const [first] = await store.checklist.show(id)
    await store.checklist.set(id, first!.key, 'na', EVIL)
    const ui = await renderApp({ store, columns: 120, rows: 40 })
    await ui.waitFor('Evil␛]0;TITLE␇')
    await ui.press(KEY.enter)
    await ui.waitFor('1 Profile')
    // Each tab, then what Enter (or a tab's own key) opens on its first entry: a form, an editor, an entry.
    const steps: Array<[string, string, string, string | ((f: string) => boolean)]> = [
      ['1', 'e/Enter edit the selected field', KEY.enter, 'Editing Name'],
      ['2', 'sides: customs', KEY.enter, 'Edit contact'],
      ['3', 'y Yes · n No/NA', 'n', 'reason for Compliance A'],
      ['4', 'b background', KEY.enter, 'Enter save'],
      ['4', 'b background', 'b', 'Ctrl-S'],
      ['5', 'Conditional period', KEY.enter, 'Enter save'],
      ['6', 'newest first', KEY.enter, f => !f.includes('newest first')]
    ]
    for (const [tab, hint, key, opened] of steps) {
      await ui.press(tab)
      await ui.waitFor(hint)
      await ui.press(key)
      await ui.waitFor(opened)
      await ui.press(KEY.escape)
      await ui.waitFor(hint)
    }
    await ui.press('q')
    await ui.waitFor(f => !f.includes('1 Profile'))
    await ui.press('d') // the due screen lists plan items and CIPs by account and title
    await ui.waitFor(f => f.includes('Evil␛') && !f.includes('1 Profile'))
    const frames = ui.rawFrames()
    expect(frames.length).toBeGreaterThan(10)
    for (const f of frames) expect(f.replace(SGR, '')).not.toMatch(RAW)
  })

  it('every component takes Text from components/text.tsx, the one that makes its strings printable', async () => {
    const ui = fileURLToPath(new URL('../../src/ui', import.meta.url))
    const files = (await readdir(ui, { recursive: true })).filter(f => /\.tsx?$/.test(f) && f !== join('components', 'text.tsx'))
    const fromInk = []
    for (const f of files) {
      const imports = /^import \{([^}]*)\} from 'ink'/m.exec(await readFile(join(ui, f), 'utf8'))
      if (imports?.[1]!.split(',').some(n => n.trim() === 'Text')) fromInk.push(f)
    }
    expect(files.length).toBeGreaterThan(20)
    expect(fromInk).toEqual([])
  })
})
