// Opening an account in the app under test by its name, as a person would: up or down the accounts table (k/j,
// towards the row when it is on screen) until the selected row names it, then Enter — so a test never depends
// on where the sort puts an account or where the cursor was left.
import { ACCOUNT_TABS, type AccountTab } from '../../src/ui/hooks/use-account.js'
import { KEY, selectedLine, type Ui } from './ui.js'

/**
 * Opens the account whose name starts with `name` on the accounts screen (the table loaded, nothing filtered),
 * on `tab` if given, and waits until the screen `shows` the given text if given. Resolves with the account's id.
 */
export async function openAccount (ui: Ui, name: string, opts: { tab?: AccountTab, shows?: string } = {}): Promise<string> {
  const accounts = await ui.store.accounts.list()
  const account = accounts.find(a => a.name.startsWith(name))
  if (!account) throw new Error(`no account named ${name}… in the store`)
  const listed = (f: string) => { const line = selectedLine(f); return line !== undefined && accounts.some(a => line.includes(a.name.slice(0, 10))) }
  let row = selectedLine(await ui.waitFor(listed))!
  for (let moves = 0; !row.includes(name); moves++) {
    if (moves >= accounts.length) throw new Error(`${name}… is not in the accounts table:\n${ui.frame()}`)
    const before = row
    const lines = ui.frame().split('\n')
    const target = lines.findIndex(l => !l.startsWith('›') && l.includes(name))
    await ui.press(target >= 0 && target < lines.findIndex(l => l.startsWith('›')) ? 'k' : 'j')
    row = selectedLine(await ui.waitFor(f => (selectedLine(f) ?? before) !== before))!
  }
  await ui.press(KEY.enter)
  await ui.waitFor(f => f.startsWith(name) && f.includes('1 Profile'))
  if (opts.tab && opts.tab !== 'profile') await ui.press(String(ACCOUNT_TABS.indexOf(opts.tab) + 1))
  if (opts.shows) await ui.waitFor(opts.shows)
  return account.id
}
