// The pure part of imports: which field a column holds, and whether a row's values are what the CLI accepts.
import { describe, expect, it } from 'vitest'
import { matchHeaders, normaliseHeader, parseMappings } from '../../src/import/headers.js'
import { changedValues, planAccounts } from '../../src/import/plan.js'
import { detectDelimiter, cellOf } from '../../src/import/read-table.js'
import { accountRow, contactRow, MAX_CELL, type Refusal } from '../../src/import/rows.js'
import { importSummary } from '../../src/import/summary.js'

const HEADERS = ['Account Name', 'IR #', 'Lead Port', 'Import Value', 'Stage']

describe('header matching', () => {
  it('accepts the labels, keys and common spellings, ignoring case and spacing', () => {
    expect(matchHeaders(HEADERS, 'accounts').fields).toEqual(['name', 'iors', 'leadPort', 'importValue', 'stage'])
    expect(matchHeaders(['  IMPORTER OF RECORD ', 'lead_port', 'National Rank', 'PFI share', 'PFIs', 'Annual Duties'], 'accounts').fields)
      .toEqual(['iors', 'leadPort', 'nationalRank', 'pfiShare', 'pfi', 'duties'])
    expect(matchHeaders(['ir#s'], 'accounts').fields).toEqual(['iors'])
  })

  it('lists unknown columns instead of guessing, and --map names them', () => {
    const m = matchHeaders(['Name', 'Acct Nbr', 'Colour'], 'accounts')
    expect(m.fields).toEqual(['name', null, null])
    expect(m.unknown).toEqual(['Acct Nbr', 'Colour'])
    const mapped = matchHeaders(['Name', 'Acct Nbr', 'Colour'], 'accounts', parseMappings(['Acct Nbr=iors', 'colour=ignore'], 'accounts'))
    expect(mapped.fields).toEqual(['name', 'iors', null])
    expect(mapped.unknown).toEqual([])
  })

  it('refuses a bad --map and two columns for one field, in one line', () => {
    expect(() => parseMappings(['no equals sign'], 'accounts')).toThrow(/Column Header=field/)
    expect(() => parseMappings(['X=colour'], 'accounts')).toThrow(/unknown field "colour"/)
    expect(() => matchHeaders(['Name', 'Account Name'], 'accounts')).toThrow(/both hold name/)
  })

  it('matches an identifier\'s header with a "number" word added to a known spelling; other headers stay unknown', () => {
    const m = matchHeaders(['Company Name', 'IOR Number', 'Lead Port', 'SOP Stage', 'Account Manager'], 'accounts')
    expect(m.fields).toEqual(['name', 'iors', 'leadPort', 'stage', null])
    expect(m.unknown).toEqual(['Account Manager'])
    for (const h of ['IR No.', 'IOR #s', 'Importer Nbr', 'importer of record num', 'IR Numbers']) expect(matchHeaders([h], 'accounts').fields).toEqual(['iors'])
    // Not a word for "number" on its own, nor a part of a longer word.
    expect(matchHeaders(['Number'], 'accounts').fields).toEqual([null])
    // "Company No" is no company name: the word for "number" is left off only where that names a numbered field.
    expect(matchHeaders(['Company No'], 'accounts').fields).toEqual([null])
    expect(matchHeaders(['Contact', 'Phone No'], 'contacts').fields).toEqual(['name', 'phone'])
  })

  it('reduces headers to letters and digits, # to "no"', () => {
    expect(normaliseHeader(' IR # ')).toBe('irno')
    expect(normaliseHeader('Lead-Port')).toBe('leadport')
  })

  it('matches the contact shape: the account by IR# or name, the contact fields', () => {
    expect(matchHeaders(['Account', 'IR #', 'Name', 'Side', 'E-mail', 'Title'], 'contacts').fields)
      .toEqual(['accountName', 'accountIor', 'name', 'side', 'email', 'role'])
  })
})

describe('row validation (the CLI validators)', () => {
  const fields = matchHeaders(HEADERS, 'accounts').fields
  const row = (cells: Array<string | number | { problem: string }>, n = 2) => accountRow({ row: n, cells }, fields, HEADERS)

  it('reads money as the CLI does, and several IR#s from one cell', () => {
    expect(row(['Bayside', '12-3456789', 'Savannah', '$25,000,000', 'establish'])).toEqual({
      row: 2, values: { name: 'Bayside', iors: ['12-3456789'], leadPort: 'Savannah', importValue: 25_000_000, stage: 'establish' }
    })
    expect(row(['C', '23-4567890; 34-5678901,45-6789012', '', 14e6, 'Select'])).toMatchObject({ values: { iors: ['23-4567890', '34-5678901', '45-6789012'], importValue: 14e6, stage: 'select' } })
  })

  it('refuses a bad row with its row number, the first bad column and every reason', () => {
    const r = row(['Broken Row Ltd', 'not-an-ior', 'Norfolk', 'lots', 'nowhere'], 4) as Refusal
    expect(r.row).toBe(4)
    expect(r.column).toBe('IR #')
    expect(r.reason).toMatch(/invalid IR# "not-an-ior"/)
    expect(r.reason).toMatch(/invalid annual import value "lots"/)
    expect(r.reason).toMatch(/invalid SOP stage "nowhere"/)
  })

  it('refuses a cell longer than a spreadsheet cell, and a formula without a value', () => {
    expect(row(['x'.repeat(MAX_CELL + 1), '12-3456789', '', '', ''])).toMatchObject({ row: 2, column: 'Account Name', reason: expect.stringMatching(/32,768 characters/) })
    expect(row(['A', '12-3456789', '', cellOf({ formula: 'B2*2' }), ''])).toMatchObject({ column: 'Import Value', reason: expect.stringMatching(/formula/) })
    expect(cellOf({ formula: 'B2*2', result: 7 })).toBe(7)
    expect(cellOf(new Date(Date.UTC(2026, 0, 31)))).toBe('2026-01-31')
  })

  it('needs a name or an IR#, and drops the apostrophe that keeps text from being a formula', () => {
    expect(row(['', '', 'Savannah', '', ''])).toMatchObject({ reason: expect.stringMatching(/neither an account name nor an IR#/) })
    expect(row(["'=Acme", '', '', '', ''])).toMatchObject({ values: { name: '=Acme' } })
  })

  it('validates contact rows: side, email, and the account IR#', () => {
    const h = ['IR #', 'Name', 'Side', 'Email']
    const f = matchHeaders(h, 'contacts').fields
    expect(contactRow({ row: 2, cells: ['12-3456789', 'Ana', 'account', 'ana@example.com'] }, f, h)).toEqual({ row: 2, account: { ior: '12-3456789' }, values: { name: 'Ana', side: 'account', email: 'ana@example.com' } })
    expect(contactRow({ row: 3, cells: ['12-3456789', 'Ana', 'nobody', 'x'] }, f, h)).toMatchObject({ row: 3, column: 'Side' })
    expect(contactRow({ row: 4, cells: ['bad', 'Ana', 'account', ''] }, f, h)).toMatchObject({ row: 4, column: 'IR #' })
  })
})

describe('planning against what is recorded', () => {
  const known = [{ id: 'a1', name: 'Bayside', iors: ['12-3456789'] }, { id: 'b1', name: 'Cormorant', iors: ['23-4567890'] }]
  const recorded = async (id: string) => (id === 'a1' ? { name: 'Bayside', iors: ['12-3456789'], stage: 'select', importValue: 5 } : { name: 'Cormorant', iors: ['23-4567890'] })

  it('matches by IR#, then exact name; updates only what differs; creates the rest', async () => {
    const { ops, refused } = await planAccounts([
      { row: 2, values: { name: 'Bayside Renamed', iors: ['12-3456789'], stage: 'select', importValue: 5 } },
      { row: 3, values: { name: 'Cormorant', stage: 'establish' } },
      { row: 4, values: { name: 'New Co', iors: ['34-5678901'] } },
      { row: 5, values: { name: 'Bayside Renamed', iors: ['12-3456789'] } }
    ], known, recorded)
    expect(ops.map(o => [o.op, o.row])).toEqual([['update', 2], ['update', 3], ['create', 4]])
    expect(ops[0]).toMatchObject({ id: 'a1', changed: ['name'] })
    expect(ops[1]).toMatchObject({ id: 'b1', changed: ['stage'] })
    expect(refused).toEqual([{ row: 5, reason: expect.stringMatching(/row 2 already imports this account/) }])
  })

  it('leaves an account alone when the row holds what is recorded', async () => {
    const { ops } = await planAccounts([{ row: 2, values: { name: 'Bayside', iors: ['12-3456789'], importValue: 5 } }], known, recorded)
    expect(ops).toEqual([{ op: 'unchanged', row: 2, id: 'a1', name: 'Bayside' }])
  })

  it('refuses IR#s of two accounts in one row, and a second row for an account the file creates', async () => {
    const { ops, refused } = await planAccounts([
      { row: 2, values: { name: 'X', iors: ['12-3456789', '23-4567890'] } },
      { row: 3, values: { name: 'New Co', iors: ['34-5678901'] } },
      { row: 4, values: { name: 'Other', iors: ['34-5678901'] } }
    ], known, recorded)
    expect(ops.map(o => o.op)).toEqual(['create'])
    expect(refused.map(r => r.row)).toEqual([2, 4])
    expect(refused[1]!.reason).toMatch(/row 3 already imports this account/)
  })

  it('lists only gain values, and an empty import changes nothing', () => {
    expect(changedValues({ iors: ['12-3456789', '98-7654321'] }, { iors: ['12-3456789'] })).toEqual({})
    expect(changedValues({ iors: ['12-3456789'] }, { iors: ['98-7654321'] })).toEqual({ iors: ['12-3456789', '98-7654321'] })
    expect(changedValues({ importValue: 5, notes: undefined }, { importValue: 5, notes: '' })).toEqual({})
  })

  it('finds the separator of a semicolon or tab separated file', () => {
    expect(detectDelimiter('\uFEFFName;IR #;"Lead, Port"\r\nA;1;2')).toBe(';')
    expect(detectDelimiter('Name\tIR #\n')).toBe('\t')
    expect(detectDelimiter('Name,"a;b;c"\n')).toBe(',')
  })
})

describe('the report in words', () => {
  it('prints one line per change and refusal, without control characters from the file', () => {
    const words = importSummary({
      file: 'a.csv',
      shape: 'accounts',
      dryRun: true,
      created: 1,
      updated: 0,
      unchanged: 0,
      unknownColumns: ['Col\u001b[2J'],
      refused: [{ row: 3, column: 'Stage', reason: 'invalid sop stage "\u001b[31mred\nline": use one of select' }],
      changes: [{ row: 2, action: 'create', account: 'Evil\u0007 Co', fields: ['name'] }]
    })
    expect(words.headline).toBe('a.csv: would create 1 account, would update 0, 0 unchanged; 1 row refused (dry run: nothing was changed)')
    expect(words.changes).toEqual(['  create  row 2  Evil Co'])
    expect(words.refused).toEqual(['row 3, column "Stage": invalid sop stage "[31mred line": use one of select'])
    expect(words.notes[0]).not.toMatch(/\u001b/)
  })
})
