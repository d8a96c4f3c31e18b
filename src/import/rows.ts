/**
 * One spreadsheet row → validated field values, with the same validators the CLI's options go through
 * (domain/fields.ts parseFields, domain/ior.ts parseIors): a row the CLI would refuse is refused here, with
 * its row number, the column and the reason. Empty cells say nothing (they never clear a recorded value).
 */
import { ACCOUNT_FIELDS, CONTACT_FIELDS, InputError, parseFields, parseIors, type FieldSpec, type FieldValue } from '../domain/index.js'

/** A cell as read from the file: text, a number (.xlsx), or what cannot be imported and why. */
export type Cell = string | number | { problem: string }

/** A row as read: its number in the spreadsheet (the header is row 1) and its cells by column. */
export interface SheetRow { row: number, cells: readonly Cell[] }

export interface Refusal { row: number, column?: string, reason: string }

/** The longest cell accepted: a spreadsheet cell longer than Excel's own limit is not a field value. */
export const MAX_CELL = 32_767

/** Account values of one row, validated; `iors` is always a list. */
export interface AccountRowValues { row: number, values: Record<string, FieldValue> }
export interface ContactRowValues { row: number, account: { name?: string, ior?: string }, values: Record<string, FieldValue> }

const splitIors = (text: string) => text.split(/[;,\n]+/).map(s => s.trim()).filter(Boolean)
/** A leading apostrophe is how a spreadsheet (and our CSV export) keeps "=…" from being a formula. */
const unquote = (text: string) => text.replace(/^'(?=[=+\-@])/, '')

/** The row's cells keyed by field, or a refusal for a cell that cannot be a value at all. */
function collect (r: SheetRow, fields: ReadonlyArray<string | null>, headers: readonly string[]): { cells: Record<string, string | number> } | { refused: Refusal } {
  const out: Record<string, string | number> = {}
  for (let i = 0; i < fields.length; i++) {
    const key = fields[i]
    const cell = r.cells[i]
    if (!key || cell === undefined) continue
    const column = headers[i]!.trim()
    if (typeof cell === 'object') return { refused: { row: r.row, column, reason: cell.problem } }
    if (typeof cell === 'string' && cell.length > MAX_CELL) {
      return { refused: { row: r.row, column, reason: `the cell holds ${cell.length.toLocaleString('en-US')} characters; at most ${MAX_CELL.toLocaleString('en-US')} are accepted` } }
    }
    const value = typeof cell === 'string' ? unquote(cell).trim() : cell
    if (value !== '') out[key] = value
  }
  return { cells: out }
}

function refusal (err: unknown, row: number, fields: ReadonlyArray<string | null>, headers: readonly string[]): Refusal {
  if (!(err instanceof InputError)) throw err
  const i = err.field ? fields.indexOf(err.field) : -1
  return { row, ...(i >= 0 ? { column: headers[i]!.trim() } : {}), reason: err.message }
}

/**
 * Validates each present field in column order (so a row with three bad cells is told all three at once,
 * the first one's column named); throws one InputError for the row.
 */
function validate (specs: readonly FieldSpec[], input: Record<string, string | number>, fields: ReadonlyArray<string | null>): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {}
  const problems: InputError[] = []
  for (const key of fields) {
    if (key === null || !(key in input)) continue
    try {
      if (key === 'iors') values.iors = parseIors(splitIors(String(input.iors)))
      else Object.assign(values, parseFields(specs, { [key]: input[key] }, 'patch'))
    } catch (err) {
      if (!(err instanceof InputError)) throw err
      problems.push(err)
    }
  }
  if (problems.length) throw new InputError(problems.map(p => p.message).join('; '), problems[0]!.field)
  return values
}

/** Validates an account row; it needs a name or an IR# to find or create its account. */
export function accountRow (r: SheetRow, fields: ReadonlyArray<string | null>, headers: readonly string[]): AccountRowValues | Refusal {
  const got = collect(r, fields, headers)
  if ('refused' in got) return got.refused
  const cells = got.cells
  try {
    const values = validate(ACCOUNT_FIELDS, cells, fields)
    if (!values.name && !(values.iors as string[] | undefined)?.length) return { row: r.row, reason: 'the row has neither an account name nor an IR#: give one of them' }
    return { row: r.row, values }
  } catch (err) { return refusal(err, r.row, fields, headers) }
}

/** Validates a contact row: the contact's fields, and the account it belongs to (by IR# or name). */
export function contactRow (r: SheetRow, fields: ReadonlyArray<string | null>, headers: readonly string[]): ContactRowValues | Refusal {
  const got = collect(r, fields, headers)
  if ('refused' in got) return got.refused
  const { accountName, accountIor, ...rest } = got.cells
  if (accountName === undefined && accountIor === undefined) return { row: r.row, reason: 'the row does not say which account the contact belongs to: give its IR# or account name' }
  try {
    const values = parseFields(CONTACT_FIELDS, validate(CONTACT_FIELDS, rest, fields), 'create')
    const account = { ...(accountName !== undefined ? { name: String(accountName) } : {}), ...(accountIor !== undefined ? { ior: parseIors([String(accountIor)])[0]! } : {}) }
    return { row: r.row, account, values }
  } catch (err) {
    if (err instanceof InputError && err.field === 'iors') return refusal(new InputError(err.message, 'accountIor'), r.row, fields, headers)
    return refusal(err, r.row, fields, headers)
  }
}

export const isRefusal = (x: object): x is Refusal => 'reason' in x
