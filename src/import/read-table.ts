/**
 * Reading a spreadsheet file into a header row and data rows: `.csv` (csv-parse; UTF-8 with or without a
 * BOM, else Windows-1252 as Excel's plain "CSV" saves it; comma, semicolon or tab separated, found from the
 * header line; CRLF or LF) and `.xlsx` (exceljs; the first sheet or the one named). Both libraries are
 * loaded here, on demand, so no other command pays for them. What is not a spreadsheet is one clear error.
 */
import { readFile, stat } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { InputError } from '../domain/index.js'
import type { Cell, SheetRow } from './rows.js'

export interface Table { headers: string[], rows: SheetRow[] }

/** Bigger than any account list a team keeps in a spreadsheet; a guard against reading a disk image. */
const MAX_FILE = 256 * 1024 * 1024

export async function readTable (path: string, opts: { sheet?: string } = {}): Promise<Table> {
  const name = basename(path)
  const info = await stat(path).catch((err: NodeJS.ErrnoException) => {
    throw new InputError(err.code === 'ENOENT' ? `no file ${path}: check the path` : `cannot read ${path}: ${err.message}`, 'file')
  })
  if (!info.isFile()) throw new InputError(`${path} is not a file: give a .csv or .xlsx file`, 'file')
  if (info.size > MAX_FILE) throw new InputError(`${name} is ${Math.round(info.size / 1048576)} MB, more than an account list can be: split it`, 'file')
  const ext = extname(path).toLowerCase()
  const table = ext === '.csv' || ext === '.txt' || ext === '.tsv'
    ? await readCsv(path, name)
    : ext === '.xlsx'
      ? await readXlsx(path, name, opts.sheet)
      : failFormat(name, ext)
  if (table.headers.every(h => h.trim() === '')) throw new InputError(`${name} is empty: its first row must name the columns, e.g. Account Name,IR #,Lead Port`, 'file')
  if (table.rows.length === 0) throw new InputError(`${name} has a header row but no rows to import`, 'file')
  return table
}

function failFormat (name: string, ext: string): never {
  const hint = ext === '.xls' ? ' (save it from Excel as .xlsx or CSV UTF-8)' : ''
  throw new InputError(`cannot import ${name}: use a .csv or .xlsx file${hint}`, 'file')
}

/** Text of a CSV file, or an error when it is not text. */
function decodeText (bytes: Buffer, name: string): string {
  const sample = bytes.subarray(0, 65536)
  let controls = 0
  for (const b of sample) if (b === 0 || (b < 32 && b !== 9 && b !== 10 && b !== 13)) controls++
  if (controls > 0 && (sample.includes(0) || controls > sample.length / 100)) {
    throw new InputError(`${name} is not a text CSV file (it holds binary data): save the spreadsheet as CSV UTF-8 or .xlsx`, 'file')
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('windows-1252').decode(bytes)
  }
}

/** The separator of the header line: the most frequent of , ; and tab outside quotes. */
export function detectDelimiter (text: string): string {
  const line = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0]!.replace(/"[^"]*"/g, '')
  const counts = [',', ';', '\t'].map(d => [d, line.split(d).length - 1] as const)
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a))
  return best[1] > 0 ? best[0] : ','
}

async function readCsv (path: string, name: string): Promise<Table> {
  const bytes = await readFile(path)
  const text = decodeText(bytes, name)
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new InputError(`${name} is empty: its first row must name the columns, e.g. Account Name,IR #,Lead Port`, 'file')
  const { parse } = await import('csv-parse/sync')
  let records: string[][]
  try {
    records = parse(text, { bom: true, delimiter: detectDelimiter(text), relax_column_count: true, skip_empty_lines: false }) as string[][]
  } catch (err) {
    const e = err as { message?: string, lines?: number }
    throw new InputError(`${name} is not a readable CSV file${e.lines ? ` (line ${e.lines})` : ''}: ${String(e.message ?? err).replace(/^Invalid /, 'invalid ').split('\n')[0]}`, 'file')
  }
  // Numbered as a spreadsheet shows them (the header is row 1, blank lines count), then blank rows dropped.
  const numbered = records.map((cells, i) => ({ row: i + 1, cells })).filter(r => r.cells.some(c => c.trim() !== ''))
  const [header, ...rows] = numbered
  return { headers: header?.cells ?? [], rows }
}

async function readXlsx (path: string, name: string, sheetName?: string): Promise<Table> {
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.readFile(path)
  } catch (err) {
    throw new InputError(`${name} is not an .xlsx workbook (${String((err as Error).message).split('\n')[0]}): save the spreadsheet as .xlsx or CSV UTF-8`, 'file')
  }
  const sheet = sheetName === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheetName)
  if (!sheet) {
    const names = workbook.worksheets.map(w => `"${w.name}"`).join(', ')
    throw new InputError(sheetName === undefined ? `${name} has no worksheet` : `${name} has no sheet "${sheetName}": use one of ${names}`, 'sheet')
  }
  let headers: string[] = []
  const rows: SheetRow[] = []
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values = row.values as unknown[] // 1-based, sparse
    const cells: Cell[] = []
    for (let i = 1; i < values.length; i++) cells.push(cellOf(values[i]))
    if (headers.length === 0) headers = cells.map(c => (typeof c === 'object' ? '' : String(c)))
    else if (cells.some(c => c !== '')) rows.push({ row: number, cells })
  })
  return { headers, rows }
}

/** An exceljs cell value as an importable cell: dates as YYYY-MM-DD, formulas by their computed result. */
export function cellOf (v: unknown): Cell {
  if (v === null || v === undefined) return ''
  if (typeof v === 'string' || typeof v === 'number') return v
  if (typeof v === 'boolean') return v ? 'yes' : 'no'
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { problem: 'the cell holds an invalid date' } : v.toISOString().slice(0, 10)
  const o = v as { richText?: Array<{ text: string }>, text?: unknown, formula?: string, sharedFormula?: string, result?: unknown, error?: string }
  if (o.richText) return o.richText.map(t => t.text).join('')
  if (o.formula !== undefined || o.sharedFormula !== undefined) {
    if (o.result === undefined || o.result === null) return { problem: `the cell holds a formula (=${o.formula ?? o.sharedFormula}) with no computed value: open and save the file in Excel, or paste the values` }
    if (typeof o.result === 'object' && 'error' in (o.result as object)) return { problem: `the cell's formula gives the error ${String((o.result as { error: string }).error)}` }
    return cellOf(o.result)
  }
  if (o.error !== undefined) return { problem: `the cell holds the error ${o.error}` }
  if (o.text !== undefined) return cellOf(o.text)
  return { problem: 'the cell holds a value that is not text, a number or a date' }
}
