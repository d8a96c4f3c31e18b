// Moving the cursor of the app's Profile tab to a field, by its key: the rows as the tab lists them
// (ui/format/profile.ts), so a test names the field it edits and never counts rows by hand.
import { profileRows } from '../../src/ui/format/profile.js'
import { selectedLine, type Ui } from './ui.js'

/**
 * Moves the Profile tab's cursor of account `id` down to the row of `key`, from the row of `from` (the top row,
 * where an opened account starts, by default), and waits until that row is the selected one.
 */
export async function selectProfileRow (ui: Ui, id: string, key: string, from?: string): Promise<void> {
  const rows = profileRows(await ui.store.accounts.show(id))
  const at = (k: string): number => {
    const i = rows.findIndex(r => r.key === k)
    if (i < 0) throw new Error(`the Profile tab has no row ${k}`)
    return i
  }
  const to = at(key)
  for (let n = from === undefined ? 0 : at(from); n < to; n++) await ui.press('j')
  // The label column may cut a long label; its first 30 characters always show.
  await ui.waitFor(f => (selectedLine(f) ?? '').includes(rows[to]!.label.slice(0, 30)))
}
