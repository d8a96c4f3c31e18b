// `I` on the accounts screen: the file, then the dry run's summary (nothing changed yet), Enter imports,
// Esc cancels; a file that is not a spreadsheet is one line on the form.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { KEY, renderApp } from '../helpers/ui.js'

const CSV = 'Account Name,IR #,Stage\nBayside Trading Company,12-3456789,establish\nBroken Row Ltd,not-an-ior,select\n'

describe('import from the accounts screen', () => {
  it('shows what would be imported, imports on Enter, and refused rows stay out', async () => {
    const ui = await renderApp({ demo: true })
    await ui.waitFor('Northwind')
    await writeFile(join(ui.exportDir, 'accounts.csv'), CSV)
    await ui.press('I')
    await ui.waitFor('Import accounts from a spreadsheet')
    await ui.press('accounts.csv', KEY.enter)
    const f = await ui.waitFor('would create 1 account')
    expect(f).toMatch(/refused row 3, column "IR #": invalid IR# "not-an-ior"/)
    expect(f).toContain('create  row 2  Bayside Trading Company')
    expect(f).toMatch(/Enter imports 1 account \(refused rows are left out\) · Esc cancels/)
    expect((await ui.store.accounts.list()).map(a => a.name)).not.toContain('Bayside Trading Company')
    await ui.press(KEY.enter)
    await ui.waitFor(f => f.includes('Bayside Trading Company') && f.includes('NEXT DUE'))
    expect((await ui.store.accounts.list()).map(a => a.name)).toContain('Bayside Trading Company')
  })

  it('Esc after the dry run changes nothing; a missing file is one line on the form', async () => {
    const ui = await renderApp({ demo: true })
    await ui.waitFor('Northwind')
    await writeFile(join(ui.exportDir, 'accounts.csv'), CSV)
    await ui.press('I')
    await ui.waitFor('Import accounts from a spreadsheet')
    await ui.press('missing.csv', KEY.enter)
    await ui.waitFor('✗ no file')
    for (let i = 0; i < 'missing.csv'.length; i++) await ui.press(KEY.backspace)
    await ui.press('accounts.csv', KEY.enter)
    await ui.waitFor('would create 1 account')
    await ui.press(KEY.escape)
    await ui.waitFor(f => f.includes('NEXT DUE') && f.includes('Northwind'))
    expect((await ui.store.accounts.list()).map(a => a.name)).not.toContain('Bayside Trading Company')
  })
})
