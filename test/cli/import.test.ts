// `pat import` as a user runs it (the built binary): CSV and .xlsx in, re-import changes nothing, malformed
// files are one clear line and change nothing, and a CSV export of the accounts imports into an empty
// workspace as the same accounts.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { pat, patJson, stderrLines } from '../helpers/cli.js'
import { tempDir, initHome } from '../helpers/home.js'

const CSV = [
  'Account Name,IR #,Lead Port,Import Value,Stage,Colour',
  'Bayside Trading Company,12-3456789,Savannah,"$25,000,000",establish,blue',
  'Cormorant Apparel,23-4567890;34-5678901,Charleston,14000000,select,red',
  'Broken Row Ltd,not-an-ior,Norfolk,lots,nowhere,green'
].join('\n') + '\n'

async function workspace (): Promise<{ home: string, dir: string }> {
  return { home: await initHome('Dana Ruiz'), dir: await tempDir() }
}

const names = async (home: string) => (await patJson<Array<{ name: string }>>(home, ['account', 'list'])).map(a => a.name).sort()

describe('pat import (CSV)', () => {
  let home: string
  let file: string
  beforeAll(async () => {
    const w = await workspace()
    home = w.home
    file = join(w.dir, 'accounts.csv')
    await writeFile(file, CSV)
  })

  it('--dry-run reports what would happen and changes nothing', async () => {
    const r = await pat(home, ['import', file, '--dry-run'])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/would create 2 accounts/)
    expect(r.stdout).toMatch(/dry run: nothing was changed/)
    expect(r.stderr).toMatch(/refused: row 4, column "IR #": invalid IR# "not-an-ior"/)
    expect(r.stderr).toMatch(/ignored 1 column .*"Colour"/)
    expect(await names(home)).toEqual([])
  })

  it('applies the good rows, refuses the bad one by row number, exits 1', async () => {
    const r = await pat(home, ['import', file, '--json'])
    expect(r.code).toBe(1)
    const report = JSON.parse(r.stdout)
    expect(report).toMatchObject({ created: 2, updated: 0, unchanged: 0, unknownColumns: ['Colour'] })
    expect(report.refused).toEqual([{ row: 4, column: 'IR #', reason: expect.stringMatching(/not-an-ior.*lots.*nowhere/) }])
    expect(await names(home)).toEqual(['Bayside Trading Company', 'Cormorant Apparel'])
    const c = await patJson(home, ['account', 'show', 'Cormorant Apparel'])
    expect(c).toMatchObject({ iors: ['23-4567890', '34-5678901'], leadPort: 'Charleston', stage: 'select', profile: { importValue: 14_000_000 } })
    const b = await patJson(home, ['account', 'show', 'Bayside Trading Company'])
    expect(b.profile.importValue).toBe(25_000_000)
  })

  it('changes nothing when the same file is imported again, and logs the import with its file', async () => {
    const again = JSON.parse((await pat(home, ['import', file, '--json'])).stdout)
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 })
    const log = await patJson<Array<{ action: string, summary: string }>>(home, ['log', 'Bayside Trading Company'])
    expect(log.filter(e => e.action === 'import')).toEqual([expect.objectContaining({ summary: expect.stringMatching(/^import from accounts\.csv \(row 2\): created account "Bayside Trading Company"/) })])
  })

  it('updates only what differs when the file changes', async () => {
    const changed = join(await tempDir(), 'changed.csv')
    await writeFile(changed, 'IR #,Stage,Notes\n12-3456789,evaluate,\n')
    const r = JSON.parse((await pat(home, ['import', changed, '--json'])).stdout)
    expect(r).toMatchObject({ created: 0, updated: 1, changes: [{ row: 2, action: 'update', fields: ['stage'] }] })
    const log = await patJson<Array<{ action: string, summary: string }>>(home, ['log', 'Bayside Trading Company'])
    expect(log.at(-1)!.summary).toBe('import from changed.csv (row 2): SOP stage: Establish → Evaluate')
  })

  it('imports contacts into the accounts they name', async () => {
    const contacts = join(await tempDir(), 'contacts.csv')
    await writeFile(contacts, 'IR #,Contact Name,Side,Email,Title\n12-3456789,Ana Ortiz,account,ana@example.com,Compliance Manager\n99-9999999,Nobody,account,,\n')
    const r = await pat(home, ['import', contacts, '--contacts', '--json'])
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout)).toMatchObject({ created: 1, refused: [{ row: 3, reason: expect.stringMatching(/no account has IR# 99-9999999/) }] })
    const b = await patJson(home, ['account', 'show', 'Bayside Trading Company'])
    expect(b.contacts).toEqual([expect.objectContaining({ name: 'Ana Ortiz', side: 'account', email: 'ana@example.com', role: 'Compliance Manager' })])
    expect(JSON.parse((await pat(home, ['import', contacts, '--contacts', '--json'])).stdout)).toMatchObject({ created: 0, unchanged: 1 })
  })
})

describe('pat import (.xlsx)', () => {
  it('reads the first sheet, typed numbers and dates, a formula by its value; one without a value is refused', async () => {
    const { home, dir } = await workspace()
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('Accounts')
    ws.addRow(['Company', 'Importer of Record', 'Lead port', 'Import value', 'Profile Last Reviewed', 'Duties'])
    ws.addRow(['Harbor Foods', '45-6789012', 'Seattle', 3_000_000, new Date(Date.UTC(2025, 5, 30)), { formula: 'D2*0.05', result: 150_000 }])
    ws.addRow(['Gull Parts', '56-7890123', 'Tacoma', 1_000_000, null, { formula: 'D3*0.05' }])
    const file = join(dir, 'accounts.xlsx')
    await wb.xlsx.writeFile(file)
    const r = await pat(home, ['import', file, '--json'])
    expect(r.code).toBe(1)
    const report = JSON.parse(r.stdout)
    expect(report).toMatchObject({ created: 1, refused: [{ row: 3, column: 'Duties', reason: expect.stringMatching(/formula \(=D3\*0\.05\) with no computed value/) }] })
    const a = await patJson(home, ['account', 'show', 'Harbor Foods'])
    expect(a).toMatchObject({ iors: ['45-6789012'], leadPort: 'Seattle', profile: { importValue: 3_000_000, duties: 150_000, profileReviewed: '2025-06-30' } })
    const named = await pat(home, ['import', file, '--sheet', 'Nope'])
    expect(named.stderr.trim()).toBe('error: accounts.xlsx has no sheet "Nope": use one of "Accounts"')
  })
})

describe('malformed files: one clear line, nothing changed', () => {
  const cases: Array<[string, string | Buffer, RegExp]> = [
    ['garbage.csv', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), /^error: garbage\.csv is not a text CSV file \(it holds binary data\)/],
    ['empty.csv', '', /^error: empty\.csv is empty: its first row must name the columns/],
    ['header.csv', 'Account Name,IR #\n', /^error: header\.csv has a header row but no rows to import$/],
    ['big.csv', `Account Name,Notes\nBig Co,${'x'.repeat(5 * 1024 * 1024)}\n`, /^refused: row 2, column "Notes": the cell holds 5,242,880 characters; at most 32,767 are accepted$/],
    ['nothing.csv', 'Colour,Size\nblue,9\n', /^error: no column of nothing\.csv names the account or its IR#/],
    ['fake.xlsx', 'Account Name\nNot a zip\n', /^error: fake\.xlsx is not an \.xlsx workbook/],
    ['quote.csv', 'Account Name,IR #\n"Open quote,12-3456789\n', /^error: quote\.csv is not a readable CSV file/]
  ]
  for (const [name, content, message] of cases) {
    it(name, async () => {
      const { home, dir } = await workspace()
      const file = join(dir, name)
      await writeFile(file, content)
      const r = await pat(home, ['import', file])
      expect(r.code).toBe(1)
      const lines = stderrLines(r)
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(message)
      expect(await names(home)).toEqual([])
    })
  }

  it('a BOM, CRLF line ends and semicolons are what Excel writes: they import', async () => {
    const { home, dir } = await workspace()
    const file = join(dir, 'excel.csv')
    await writeFile(file, '\uFEFFAccount Name;IR #;Import Value\r\nCafé Lumière;12-3456789;"1.500"\r\nDock Co;23-4567890;2000\r\n')
    const r = JSON.parse((await pat(home, ['import', file, '--json'])).stdout)
    expect(r).toMatchObject({ created: 2, unknownColumns: [] })
    expect(await names(home)).toEqual(['Café Lumière', 'Dock Co'])
    const latin1 = join(dir, 'latin1.csv')
    await writeFile(latin1, Buffer.from('Account Name,IR #\r\nSeñor Frío,34-5678901\r\n', 'latin1'))
    expect(JSON.parse((await pat(home, ['import', latin1, '--json'])).stdout)).toMatchObject({ created: 1 })
    expect(await names(home)).toContain('Señor Frío')
  })
})

describe('round trip', () => {
  it('accounts exported as CSV import into an empty workspace as the same accounts', async () => {
    const a = await workspace()
    await pat(a.home, ['account', 'add', '--name', 'Alpha Co', '--ior', '12-3456789', '--ior', '98-7654321', '--lead-port', 'Savannah', '--stage', 'evaluate', '--kind', 'national'])
    await pat(a.home, ['account', 'add', '--name', '=Formula, "Quoted" Ltd', '--lead-port', 'Long Beach'])
    const csv = join(a.dir, 'out.csv')
    const out = await pat(a.home, ['account', 'list', '--format', 'csv', '--out', csv])
    expect(out.code).toBe(0)
    expect(await readFile(csv, 'utf8')).toMatch(/^id,name,iors,kind,leadPort,stage,archived,createdAt,createdBy,openItems,nextDue\r\n/)
    const b = await workspace()
    const r = await pat(b.home, ['import', csv, '--json'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ created: 2, refused: [] })
    const pick = (rows: any[]) => rows.map(x => ({ name: x.name, iors: x.iors, kind: x.kind, leadPort: x.leadPort, stage: x.stage })).sort((x, y) => x.name.localeCompare(y.name))
    expect(pick(await patJson(b.home, ['account', 'list']))).toEqual(pick(await patJson(a.home, ['account', 'list'])))
  })
})
