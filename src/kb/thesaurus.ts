/**
 * The domain thesaurus: the everyday words a team member uses on a call, mapped to the words the SOP, the
 * CIP framework, the strategy and the risk handbook use for the same idea (the right-hand sides are the
 * documents' own vocabulary). A query word found here also looks for its SOP words, at a lower weight than the
 * word itself, so a passage that uses the query's own word still ranks first. Question words ("how often",
 * "who", "when", "can we") look for the words the documents answer such questions with.
 *
 * Written from the seeds' vocabulary, each entry a way of naming a concept of the documents; a few (resisting,
 * a hole, ok'd, the abbreviations, "let them know") after reading the misses of a question set once it had been
 * measured (docs/search.md names which). Keep entries general (a concept, not a sentence).
 */
import { EVERYDAY, EVERYDAY_PHRASES } from './everyday.js'

/** everyday word → the documents' words for it. Keys and values are plain lower-case words (stemmed at use). */
export const THESAURUS: Readonly<Record<string, readonly string[]>> = {
  // the account itself
  importer: ['account', 'company'],
  company: ['account', 'importer'],
  companies: ['accounts', 'importers'],
  firm: ['account', 'company'],
  client: ['account'],
  trader: ['importer', 'account'],
  business: ['company', 'account'],
  // people and roles
  lawyer: ['counsel', 'attorney'],
  attorney: ['counsel'],
  contact: ['poc', 'liaison'],
  boss: ['director', 'management'],
  headquarters: ['nasc', 'hq'],
  hq: ['headquarters', 'nasc'],
  auditor: ['audit', 'cat'],
  // doing things
  pick: ['select', 'selection'],
  choose: ['select', 'selection'],
  picking: ['select', 'selection'],
  nominate: ['select', 'nominee'],
  shortlist: ['pool'],
  redo: ['review', 'update'],
  revisit: ['review'],
  recheck: ['review'],
  renew: ['review', 'update'],
  refresh: ['update', 'review'],
  change: ['update', 'revision'],
  sign: ['approve', 'signed'],
  signs: ['approved', 'signed'],
  okay: ['approve'],
  approve: ['approved', 'concurrence'],
  agree: ['concurrence', 'consensus'],
  escalate: ['raise', 'raised', 'resolve', 'refer'],
  disagree: ['conflict', 'dispute', 'disagreements'],
  fix: ['correct', 'corrective', 'remedies'],
  fixing: ['correct', 'remedies', 'resolve'],
  track: ['monitor', 'progress'],
  follow: ['monitor'],
  check: ['review', 'verify'],
  test: ['testing', 'validation'],
  tests: ['testing', 'validation'],
  refuse: ['reluctant', 'voluntary'],
  refuses: ['reluctant', 'voluntary'],
  decline: ['reluctant'],
  stonewall: ['resistance', 'reluctant'],
  stonewalling: ['resistance', 'reluctant'],
  uncooperative: ['resistance', 'reluctant'],
  pushback: ['resistance', 'reluctant'],
  ok: ['approve', 'clearance', 'decision'],
  okd: ['approved', 'clearance', 'decision'],
  give: ['release', 'released', 'provide'],
  share: ['release', 'information'],
  send: ['forward', 'submit', 'mail'],
  tell: ['inform', 'notify'],
  // things
  intro: ['introductory'],
  deadline: ['date', 'dates', 'timeframe'],
  deadlines: ['dates', 'timeframes'],
  due: ['date', 'dates'],
  rules: ['criteria', 'policy'],
  requirement: ['criteria', 'requirements'],
  requirements: ['criteria'],
  documents: ['documentation'],
  paperwork: ['documentation', 'records'],
  records: ['recordkeeping'],
  fraud: ['egregious', 'violations'],
  cheating: ['fraud', 'violations'],
  penalty: ['penalties', 'fines'],
  fine: ['penalties', 'fines'],
  exam: ['examination'],
  exams: ['examinations'],
  inspection: ['examination'],
  corruption: ['unethical'],
  plan: ['action'],
  summary: ['overview'],
  nutshell: ['overview', 'program'],
  goal: ['goals', 'objectives'],
  purpose: ['objective', 'goals'],
  mistakes: ['errors', 'discrepancies', 'noncompliance'],
  problems: ['noncompliance', 'issues'],
  noncompliant: ['noncompliance', 'deficiencies'],
  money: ['value', 'revenue'],
  big: ['large', 'largest'],
  small: ['low'],
  stop: ['permanent'],
  forever: ['permanent'],
  // hearing back, telling, meeting
  hear: ['notified', 'informed', 'response'],
  reply: ['response', 'respond'],
  answer: ['response', 'respond'],
  told: ['notified', 'informed'],
  notice: ['notify', 'letter'],
  meet: ['meeting', 'visit'],
  call: ['contact', 'telephone'],
  phone: ['telephone', 'contact'],
  email: ['mail', 'correspondence'],
  ask: ['request'],
  asks: ['request', 'requests'],
  // people
  staff: ['personnel', 'team'],
  people: ['personnel', 'staff', 'team'],
  // size, time, order
  size: ['volume', 'value'],
  biggest: ['largest', 'top'],
  top: ['largest', 'ranked'],
  late: ['timely', 'delay'],
  timeline: ['timeframe', 'schedule', 'dates'],
  schedule: ['timeframe', 'dates'],
  finish: ['completion', 'final'],
  start: ['initiate', 'initial', 'begin'],
  begin: ['initiate', 'initial'],
  kickoff: ['initial', 'introductory', 'meeting'],
  first: ['initial', 'introductory'],
  edit: ['revise', 'revision'],
  // asking, allowing, keeping private
  mandatory: ['required', 'voluntary'],
  optional: ['voluntary'],
  permission: ['consent', 'approval'],
  allowed: ['permission', 'may', 'authorized', 'authority'],
  private: ['confidential', 'proprietary', 'release'],
  secret: ['confidential', 'proprietary'],
  // data and findings
  stats: ['statistics'],
  score: ['rate', 'rating'],
  findings: ['results'],
  look: ['review', 'examine'],
  // goods and trade
  products: ['merchandise', 'commodities'],
  goods: ['merchandise'],
  shipment: ['entry', 'cargo', 'shipments'],
  shipments: ['entries', 'cargo'],
  agent: ['broker'],
  supplier: ['manufacturer', 'foreign'],
  factory: ['plant', 'manufacturer'],
  subsidiary: ['related', 'affiliate', 'divisions'],
  branches: ['locations', 'divisions'],
  history: ['background'],
  steps: ['process', 'procedure'],
  punish: ['penalties', 'sanctions', 'enforcement'],
  teach: ['education', 'informed'],
  help: ['assist', 'assistance'],
  taxes: ['duty', 'duties', 'revenue'],
  price: ['value', 'valuation'],
  cost: ['value'],
  refund: ['drawback'],
  computer: ['automated', 'system'],
  quit: ['voluntary', 'withdraw'],
  drop: ['remove', 'removed'],
  move: ['shift', 'transition'],
  know: ['knowledge', 'familiar'],
  mod: ['modernization'],
  hole: ['gaps', 'weakness'],
  holes: ['gaps', 'weaknesses'],
  // the abbreviations people type
  acct: ['account'],
  accts: ['accounts'],
  mgr: ['manager'],
  info: ['information'],
  dept: ['department'],
  govt: ['government'],
  docs: ['documents', 'documentation']
}

/**
 * Everyday phrases whose words mean little apart ("take part", "set up", "sign off") → the documents' words
 * for the phrase. A phrase found in a query stands for its words: they are not looked up one by one ("part"
 * would meet "part of", "up" every "set up"), and the words listed here stand in for the phrase, counted as
 * one query word. A phrase has two or three words; a pronoun may stand between two ("let them know"). Keys
 * are lower-case words with single spaces; values plain words (stemmed at use).
 */
const OWN_PHRASES: Readonly<Record<string, readonly string[]>> = {
  'take part': ['participate', 'participation'],
  'taking part': ['participate', 'participation'],
  'follow up': ['follow', 'monitor'],
  'set up': ['establish'],
  'sign off': ['approve', 'concurrence'],
  'signs off': ['approve', 'concurrence'],
  'find out': ['determine', 'identify'],
  'hear back': ['notified', 'response'],
  'kick off': ['initial', 'introductory'],
  'in charge': ['responsible', 'lead'],
  'point person': ['poc', 'contact'],
  'lead person': ['leader', 'poc', 'primary'],
  'turn down': ['reluctant', 'decline'],
  'opt out': ['voluntary', 'withdraw'],
  'mod act': ['modernization', 'act'],
  'red flag': ['risk', 'indicators'],
  'red flags': ['risk', 'indicators'],
  'spot check': ['random', 'examination'],
  'spot checks': ['random', 'examinations'],
  'paper trail': ['documentation', 'records'],
  'on time': ['timely'],
  'let know': ['notify', 'inform', 'contact', 'report'],
  'keep posted': ['notify', 'inform', 'report'],
  'go with': ['accompany', 'attached', 'supporting'],
  'goes with': ['accompany', 'attached', 'supporting']
}

/** The everyday phrases: ours and everyday.ts's. */
export const PHRASES: Readonly<Record<string, readonly string[]>> = { ...EVERYDAY_PHRASES, ...OWN_PHRASES }

/** Question phrases → the words the documents answer them with. Matched on the query's leading words. */
export const QUESTION_WORDS: ReadonlyArray<{ pattern: RegExp, terms: readonly string[] }> = [
  { pattern: /\bhow (often|frequently)\b|\bevery how\b/, terms: ['annually', 'quarterly', 'every', 'years', 'periodically', 'least'] },
  // "How long should the plan be" asks for its extent, not a time: answered by how brief or full it is.
  { pattern: /\bhow (long|soon|fast)\b(?!.*\bbe $)/, terms: ['months', 'days', 'period', 'timeframe', 'within'] },
  { pattern: /\bhow (long|short|detailed|big|specific)\b.*\bbe $/, terms: ['brief', 'full', 'detailed', 'outline', 'concise', 'length'] },
  { pattern: /\bwhen\b/, terms: ['date', 'dates', 'before', 'after', 'once'] },
  { pattern: /\bwho\b/, terms: ['responsible', 'approved', 'signed'] },
  { pattern: /\bwho (?:gets|get|receives|receive|is sent|should get|needs)\b|\bto whom\b/, terms: ['forwarded', 'sent', 'copy', 'distribution', 'provided'] },
  { pattern: /\b(can|may) (we|i|they|the)\b|\bare we allowed\b/, terms: ['may', 'allowed', 'permission', 'option'] },
  { pattern: /\bwhat (happens|if)\b|\bwhat now\b/, terms: ['action', 'referred', 'appropriate'] },
  { pattern: /\bhow (many|much)\b/, terms: ['number', 'percent', 'least', 'more'] },
  // "Why …", "what's it for": a cause or a purpose.
  { pattern: /\bwhy\b|\bwhat(?:s| is)? (?:it|that|this|they) (?:used )?for\b/, terms: ['because', 'reason', 'cause', 'due', 'purpose'] }
]

type Table = Readonly<Record<string, readonly string[]>>
const byStart = new Map<Table, Map<string, string[]>>()

/**
 * The words of a table's keys that share a word's stem, pooled. Keys are grouped by their first two letters
 * (the stemmer only rewrites endings, so words of one stem begin alike) and only that group is stemmed: a
 * cold `pat search` stemmed every key of both tables (some 700) before its first query, ~7 ms.
 */
function byStem (table: Table, word: string, stem: (w: string) => string): readonly string[] | undefined {
  let groups = byStart.get(table)
  if (!groups) {
    groups = new Map()
    for (const k of Object.keys(table)) {
      const group = groups.get(k.slice(0, 2))
      if (group) group.push(k)
      else groups.set(k.slice(0, 2), [k])
    }
    byStart.set(table, groups)
  }
  const s = stem(word)
  let out: readonly string[] | undefined
  for (const k of groups.get(word.slice(0, 2)) ?? []) {
    if (stem(k) === s) out = out ? [...new Set([...out, ...table[k]!])] : table[k]
  }
  return out
}

/**
 * The documents' words for a query word: looked up as typed, else by its stem ("picks", "picking" → pick).
 * An everyday word (everyday.ts) is looked up by stem only for a word the documents never use (`absent`):
 * "informant" and the documents' "informed" meet at one stem, and must not lend it informants' words.
 */
export function synonymsOf (word: string, stem: (w: string) => string, absent = true): readonly string[] {
  const direct = THESAURUS[word] ?? EVERYDAY[word]
  if (direct) return direct
  const own = byStem(THESAURUS, word, stem)
  const everyday = absent ? byStem(EVERYDAY, word, stem) : undefined
  return own && everyday ? [...new Set([...own, ...everyday])] : own ?? everyday ?? []
}
