/**
 * Word forms: the other forms of a word the documents use, so a question's "notify" meets the SOP's
 * "notification", "chose" meets "choose" and "auditor" meets "audit". The Porter stemmer (`tokens.ts`)
 * already joins inflections ("reviewed", "reviews" → review); it leaves derivations apart ("notifi" vs
 * "notif", "decid" vs "decis") and knows no irregular verbs. Two steps close those gaps:
 *   - `baseWord`: an irregular form to its base word ("chosen" → choose, "sent" → send), before stemming;
 *   - `family`: a stem with its derivational ending taken off ("notifi", "notif" → notif; "clearanc" →
 *     clear), so stems of one family share a key. Search looks the key up among the documents' own stems.
 * Kept deliberately conservative (the endings below): a wrong merge costs more than a missed one.
 */

/** "a:b c:d" → { a: 'b', c: 'd' }: the tables below are long lists of pairs, easier read run together. */
function pairs (text: string): Readonly<Record<string, string>> {
  return Object.fromEntries(text.split(' ').map(p => p.split(':') as [string, string]))
}

/** Irregular forms (past tenses, participles, plurals) → the base word. */
const IRREGULAR = pairs(
  'chose:choose chosen:choose made:make paid:pay sent:send met:meet told:tell gave:give given:give ' +
  'took:take taken:take went:go gone:go did:do done:do kept:keep held:hold brought:bring bought:buy ' +
  'found:find began:begin begun:begin wrote:write written:write ran:run understood:understand ' +
  'spent:spend sold:sell thought:think knew:know known:know shown:show led:lead lost:lose meant:mean ' +
  'stood:stand withdrew:withdraw withdrawn:withdraw got:get gotten:get saw:see seen:see said:say ' +
  'felt:feel left:leave dealt:deal sought:seek taught:teach caught:catch arisen:arise ' +
  'arose:arise forbade:forbid forbidden:forbid undertook:undertake undertaken:undertake ' +
  'overseen:oversee oversaw:oversee data:datum criteria:criterion analyses:analysis bases:basis ' +
  'indices:index people:person children:child men:man women:woman'
)

/**
 * Derivations the endings below cannot join, as stem → family key: Latin stems that change their last
 * consonant ("decide" → decision, "permit" → permission) and a few Porter leaves apart.
 */
const DERIVED = pairs(
  'decis:decid permiss:permit submiss:submit admiss:admit transmiss:transmit omiss:omit conclus:conclud ' +
  'inclus:includ exclus:exclud expans:expand extens:extend respond:respons analysi:analyz analyt:analyz ' +
  'mainten:maintain provis:provid divis:divid revis:revis suspens:suspend descript:describ ' +
  'prescript:prescrib subscript:subscrib product:produc introduct:introduc reduct:reduc deduct:deduc ' +
  'applic:appli compli:compli complianc:compli compliant:compli nomine:nomin prioriti:priorit'
)

/**
 * Derivational endings of Porter stems that keep the word's sense: -ance/-ence, -ment, -ation, -ity, -ive,
 * the agent -er/-or ("auditor" → audit; five letters must remain: "factor" is no fact-doer) and the -y of
 * -ify verbs ("notifi" → notif). Endings that as often end an unrelated word are left out: -ion ("portion",
 * "billion"), -al ("formal", "postal"), -ent/-ant ("current", "comment"), a bare -y ("parti", "polici").
 */
const ENDINGS: ReadonlyArray<[string, number]> = [['ation', 4], ['ment', 4], ['anc', 4], ['enc', 4], ['iti', 4], ['iv', 4], ['er', 5], ['or', 5], ['ifi', 4]]

/** An irregular form's base word ("chosen" → choose); any other word as it is. */
export function baseWord (word: string): string {
  return IRREGULAR[word] ?? word
}

/** The family key of a stem: stems of one word family ("notifi", "notif"; "auditor", "audit") share it. */
export function family (stem: string): string {
  const known = DERIVED[stem]
  if (known) return known
  let key = stem
  // Two endings at most ("supervisori" → supervis): a third would start eating the word itself.
  for (let round = 0; round < 2; round++) {
    // "-ifi" is the "-ify" of a verb: only its last letter goes ("notifi" → notif, as "notification" stems).
    const cut = (e: string): number => (e === 'ifi' ? 1 : e.length)
    const end = ENDINGS.find(([e, keep]) => key.endsWith(e) && key.length - cut(e) >= keep)
    if (!end) break
    key = key.slice(0, -cut(end[0]))
    const derived = DERIVED[key]
    if (derived) return derived
  }
  return key
}

const families = new WeakMap<readonly string[], Map<string, string[]>>()

/** The vocabulary's stems by family key ("notif" → notif, notifi). */
function familyMap (vocabulary: readonly string[]): Map<string, string[]> {
  let m = families.get(vocabulary)
  if (!m) {
    m = new Map()
    for (const v of vocabulary) {
      if (!/^[a-z]{4,}$/.test(v)) continue
      const k = family(v)
      const list = m.get(k)
      if (list) list.push(v)
      else m.set(k, [v])
    }
    families.set(vocabulary, m)
  }
  return m
}

/** The vocabulary's other stems of the stem's family ("notifi" → notif), the stem itself left out. */
export function formsOf (stem: string, vocabulary: readonly string[]): string[] {
  return (familyMap(vocabulary).get(family(stem)) ?? []).filter(v => v !== stem)
}

/**
 * The families of the vocabulary, written into the index at build time (key → its stems, space-separated),
 * so a cold `pat search` does not take the family of some two thousand stems for its first query. A
 * family that is only its own key (most stems) is left out: `formsIn` knows it from the vocabulary.
 */
export function familyTable (vocabulary: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, list] of familyMap(vocabulary)) if (!(list.length === 1 && list[0] === k)) out[k] = list.join(' ')
  return out
}

/** `formsOf` from the index's family table (`known`: the vocabulary as a set). */
export function formsIn (stem: string, table: Readonly<Record<string, string>>, known: { has: (term: string) => boolean }): string[] {
  const k = family(stem)
  const list = Object.hasOwn(table, k) ? table[k]!.split(' ') : known.has(k) && /^[a-z]{4,}$/.test(k) && family(k) === k ? [k] : []
  return list.filter(v => v !== stem)
}
