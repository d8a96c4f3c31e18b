/**
 * Which account (or contact) field each column of a spreadsheet holds, from its header: case, spacing and
 * punctuation do not matter, the fields' own labels and keys are accepted, and so are the spellings teams
 * use in their spreadsheets ("IR #", "Importer of record", "Lead port"). `--map "Column=field"` names the
 * rest; a column nobody names is reported and ignored, never guessed.
 */
import { ACCOUNT_FIELDS, CONTACT_FIELDS, InputError, type FieldSpec } from '../domain/index.js'

/** The header of a column reduced to letters and digits ("IR #" → "irno", "Lead  Port" → "leadport"). */
export function normaliseHeader (header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/#/g, 'no').replace(/[^\p{L}\p{N}]/gu, '')
}

const ACCOUNT_ALIASES: Record<string, readonly string[]> = {
  name: ['account', 'account name', 'company', 'company name', 'importer', 'importer name', 'business name'],
  iors: ['ir #', 'ir#', 'ir #s', 'irs', 'ior', 'iors', 'ior #', 'ir number', 'ir numbers', 'importer of record', 'importer of record number',
    'importer of record numbers', 'importer number', 'importer numbers', 'ein'],
  kind: ['account kind', 'account type', 'type', 'management'],
  leadPort: ['port', 'lead port of entry', 'port of entry', 'lead'],
  stage: ['sop stage', 'account stage', 'phase'],
  partnerPorts: ['other ports', 'partner port'],
  address: ['account address', 'hq address', 'headquarters address', 'street address'],
  importValue: ['import value', 'annual import value', 'imports', 'value of imports', 'import value usd', 'import value $', 'annual imports'],
  duties: ['annual duties', 'duty', 'duties paid', 'annual duty'],
  pfi: ['pfis', 'primary focus industry', 'primary focus industries'],
  categories: ['business categories', 'category', 'business category'],
  structure: ['corporate structure'],
  notes: ['comments', 'remarks', 'note'],
  profileReviewed: ['profile reviewed', 'last reviewed', 'profile review date'],
  nationalRank: ['rank', 'national rank'],
  pfiShare: ['pfi share', 'pfi %', 'pfi percent', 'share of imports in pfi']
}

const CONTACT_ALIASES: Record<string, readonly string[]> = {
  name: ['contact', 'contact name', 'person', 'full name'],
  side: ['contact side', 'customs or account'],
  org: ['organization', 'organisation', 'company', 'agency'],
  role: ['title', 'position', 'job title'],
  phone: ['telephone', 'phone number', 'tel'],
  email: ['e-mail', 'email address', 'mail']
}

/** Columns that say which account a contact row belongs to (--contacts). */
export const ACCOUNT_REF_FIELDS = { accountName: ['account', 'account name', 'company account', 'importer'], accountIor: ['ir #', 'ir#', 'ior', 'ir number', 'importer of record', 'account ir #'] } as const

export type ImportShape = 'accounts' | 'contacts'

/** The fields a shape's columns may map to, with every accepted spelling (normalised) per field. */
function vocabulary (shape: ImportShape): Map<string, string> {
  const specs: readonly FieldSpec[] = shape === 'accounts' ? ACCOUNT_FIELDS : CONTACT_FIELDS
  const aliases = shape === 'accounts' ? ACCOUNT_ALIASES : CONTACT_ALIASES
  const out = new Map<string, string>()
  const add = (spelling: string, key: string) => { const n = normaliseHeader(spelling); if (n && !out.has(n)) out.set(n, key) }
  if (shape === 'contacts') for (const [key, spellings] of Object.entries(ACCOUNT_REF_FIELDS)) for (const s of spellings) add(s, key)
  for (const spec of specs) { add(spec.key, spec.key); add(spec.label, spec.key); add(spec.key.replace(/[A-Z]/g, c => ' ' + c), spec.key) }
  for (const [key, spellings] of Object.entries(aliases)) for (const s of spellings) add(s, key)
  return out
}

/** The field keys a shape accepts (for --map and its error message). */
export function fieldKeys (shape: ImportShape): string[] {
  const specs: readonly FieldSpec[] = shape === 'accounts' ? ACCOUNT_FIELDS : CONTACT_FIELDS
  return [...(shape === 'contacts' ? Object.keys(ACCOUNT_REF_FIELDS) : []), ...specs.map(s => s.key)]
}

/** What `--map` may say to drop a column. */
const IGNORE = new Set(['', '-', 'ignore', 'skip', 'none'])

/** Parses `--map "Column Header=field"` options into normalised header → field key (null: ignore the column). */
export function parseMappings (maps: readonly string[], shape: ImportShape): Map<string, string | null> {
  const vocab = vocabulary(shape)
  const keys = fieldKeys(shape)
  const out = new Map<string, string | null>()
  for (const m of maps) {
    const at = m.lastIndexOf('=')
    if (at <= 0) throw new InputError(`invalid --map "${m}": write it as "Column Header=field", e.g. --map "Acct Nbr=iors"`, 'map')
    const column = normaliseHeader(m.slice(0, at))
    const wanted = m.slice(at + 1).trim()
    if (IGNORE.has(wanted.toLowerCase())) { out.set(column, null); continue }
    const key = keys.find(k => k.toLowerCase() === wanted.toLowerCase()) ?? vocab.get(normaliseHeader(wanted))
    if (!key) throw new InputError(`invalid --map "${m}": unknown field "${wanted}"; use one of ${keys.join(', ')} (or "ignore")`, 'map')
    out.set(column, key)
  }
  return out
}

export interface ColumnMatch {
  /** The field each column holds, by column index (null: ignored). */
  fields: Array<string | null>
  /** Headers of the columns that matched no field (and were not mapped away). */
  unknown: string[]
}

/** Fields whose values are numbers or identifiers: a header naming one may add a word for "number". */
const NUMBERED = new Set(['iors', 'accountIor', 'phone', 'nationalRank'])

/**
 * A header's field: as spelled; else with its trailing word for "number" ("IOR Number", "IR No.", "Importer
 * Nbr", "IOR #s") read as "number" ("Importer Nbr" is "Importer Number": the IR#, not the name "Importer"
 * is), or left off when that names a numbered field — spreadsheets add such a word to an identifier's
 * column as often as not, and a spelling list cannot hold every pairing.
 */
function fieldOf (vocab: ReadonlyMap<string, string>, n: string): string | undefined {
  const hit = vocab.get(n)
  if (hit !== undefined) return hit
  const bare = n.replace(/(?:numbers|number|nos|nbrs|nbr|num|no)$/, '')
  if (!bare || bare === n) return undefined
  const spelled = vocab.get(`${bare}number`)
  if (spelled !== undefined) return spelled
  const field = vocab.get(bare)
  return field !== undefined && NUMBERED.has(field) ? field : undefined
}

/** Matches a header row to fields; two columns for one field is an error (which one would win?). */
export function matchHeaders (headers: readonly string[], shape: ImportShape, mappings = new Map<string, string | null>()): ColumnMatch {
  const vocab = vocabulary(shape)
  const fields: Array<string | null> = []
  const unknown: string[] = []
  const seen = new Map<string, string>()
  headers.forEach(raw => {
    const header = raw.trim()
    const n = normaliseHeader(header)
    const key = mappings.has(n) ? mappings.get(n)! : fieldOf(vocab, n) ?? null
    if (key === null && !mappings.has(n) && header !== '') unknown.push(header)
    if (key !== null && seen.has(key)) {
      throw new InputError(`columns "${seen.get(key)}" and "${header}" both hold ${key}: drop one with --map "${header}=ignore"`, 'map')
    }
    if (key !== null) seen.set(key, header)
    fields.push(key)
  })
  return { fields, unknown }
}
