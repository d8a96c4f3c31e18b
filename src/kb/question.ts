/**
 * What kind of answer a question asks for, from its form. "What is a compliance assessment" is answered by
 * the sentence that defines it ("A compliance assessment is the first phase of a Customs audit"), or by a
 * section titled "Definition of …": `definingSentence` recognises both for the question's subject.
 */
import { oncePerIndex } from './memo.js'
import { textFrequency } from './postings.js'
import { isStopWord, term, terms, words } from './tokens.js'
import type { KbIndex } from './types.js'

const ASKS_MEANING = /^\s*(?:what|whats|what's)\s+(?:is|are|was|were|does|do)?\b|^\s*(?:define|definition|meaning)\b|\b(?:mean|means|stand for|stands for)\s*\??\s*$/i
const FRAME = new Set(['what', 'whats', 'is', 'are', 'was', 'were', 'does', 'do', 'define', 'definition', 'meaning', 'mean', 'means', 'meant', 'by', 'stand', 'stands', 'for', 'of', 'a', 'an', 'the', 'exactly', 'term', 'word'])
const JOIN = '(?:\\s+(?:of|the|a|an|and|for|to|in|on))*\\s+'
/** A lower-case pattern matching either case of its letters (escapes such as \\w and \\s left alone). */
const anyCase = (p: string): string => p.replace(/(?<!\\)[a-z]/g, c => `[${c}${c.toUpperCase()}]`)

/** A word as a pattern matching its other forms: its stem, then any letters ("assessments", "informed"). */
const loose = (w: string): string => `${term(w).replace(/[^a-z0-9]/g, '').slice(0, Math.max(3, term(w).length - 1))}\\w*`

/**
 * Words opening a clause, not a run-in heading: "If a Compliance Assessment is near completion" mentions
 * the subject (capitalised as a term) without defining it.
 */
const CLAUSE_OPENERS = '(?:If|When|Whenever|Unless|Once|Before|After|Where|While|Although|Though|Because|Since|Until|Whether|As|Should|Upon)'

export interface Defining { subject: string[], sentence: RegExp, title: RegExp }

/** For a question asking what something is, the patterns of a sentence or title defining it. */
export function definingSentence (query: string): Defining | undefined {
  if (!ASKS_MEANING.test(query)) return undefined
  const subject = words(query).filter(w => !FRAME.has(w))
  if (subject.length === 0 || subject.length > 5 || subject.every(isStopWord)) return undefined
  const phrase = subject.filter(w => !isStopWord(w)).map(loose).join(JOIN)
  return {
    subject,
    // The subject opens the sentence ("A compliance assessment is …", perhaps after a run-in heading:
    // "Compliance Assessments A compliance assessment is …"); "… when a compliance assessment is scheduled"
    // mentions it without defining it. Case-sensitive, so a run-in heading is told from a lower-case clause.
    sentence: new RegExp(`(?:^|[.!?:])\\s*(?:(?!${CLAUSE_OPENERS}\\s)[A-Z][A-Za-z-]*\\s+){0,4}?(?:(?:[Aa]n?|[Tt]he)\\s+)?${anyCase(phrase)}(?:\\s*\\([^)]*\\))?\\s+(?:is|are|means|refers to|consists of|(?:is|are) defined as)\\b`, 'm'),
    title: new RegExp(`^(?:(?:[ivxlc]+|[a-z]|\\d+)\\.\\s+)?(?:definition of\\s+(?:the\\s+)?)?${phrase}\\s*(?:\\([^)]*\\))?$`, 'i')
  }
}

const ROLE_ACRONYM = /\b(?:office|team|center|manager|owner|committee|staff|specialists?|division)\b/i

/**
 * The words the documents name their roles with, answering "who …" questions: the titles of the sections
 * under a "Roles and Responsibilities" heading (the words not common to many sections) and the acronyms of
 * offices, teams and people (NASC, TCPO, OI…).
 */
export const roleTerms = oncePerIndex((idx: KbIndex): string[] => {
  const common = idx.sections.length * 0.1
  const fromTitles = idx.sections.filter(s => s.trail.some(t => /\broles\b/i.test(t))).flatMap(s => terms(s.title))
  const acronyms = idx.acronyms.filter(a => ROLE_ACRONYM.test(a.expansion)).map(a => term(a.acronym.toLowerCase()))
  return [...new Set([...fromTitles.filter(t => textFrequency(idx, t) <= common), ...acronyms])]
})

const NUMBERS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20 }
/** The things a question may ask for so many of, and the words that may stand between ("the 5 main steps"). */
const COUNTED = new Set(['steps', 'stages', 'phases', 'parts', 'types', 'kinds', 'elements', 'components', 'criteria', 'categories', 'principles', 'activities', 'functions', 'objectives', 'goals', 'strategies'])
const BETWEEN = new Set(['main', 'key', 'basic', 'major'])
const DIGITS = /^\d{1,2}$/

/**
 * How many things a question asks to be listed ("what are the 5 steps of account management", "the four
 * types of related companies"), and the words asking it ("5 steps"): the passage listing that many (as
 * sub-sections or list items) of what the other words name answers it. Read from the words, not with one
 * pattern: every query asks this, and compiling a pattern of all the number words cost a cold search ~2 ms.
 */
export function askedCount (query: string): { count: number, words: string[], says: RegExp } | undefined {
  const ws = words(query)
  for (let k = 0; k + 1 < ws.length; k++) {
    const count = NUMBERS[ws[k]!] ?? (DIGITS.test(ws[k]!) ? Number(ws[k]) : 0)
    if (count < 2) continue
    const noun = BETWEEN.has(ws[k + 1]!) ? ws[k + 2] : ws[k + 1]
    if (noun === undefined || !COUNTED.has(noun)) continue
    const name = Object.entries(NUMBERS).find(([, v]) => v === count)?.[0]
    // A passage saying so in words counts too: "these entities can be broken down into four major types".
    const says = new RegExp(`\\b(?:${count}${name ? `|${name}` : ''})\\s+(?:[a-z-]+\\s+)?${loose(noun)}`, 'i')
    return { count, words: [ws[k]!, noun], says }
  }
  return undefined
}

/** A section's top-level list items (lines opening with "- ", "* " or "1. " at the margin). */
export function listItems (text: string): number {
  return text.split('\n').filter(l => /^(?:[-*+]|\d{1,2}[.)])\s+\S/.test(l)).length
}

/**
 * The form of sentence a question's form asks for: a figure for "how much / how many", a condition for
 * "what if", an extent for "how long / how detailed should the plan be" (how brief or full a document is).
 */
export type AnswerForm = 'figure' | 'condition' | 'extent'

const QUANTITY = /\bhow (?:much|many)\b|\bwhat (?:percent(?:age)?|share|proportion|amount|number)\b/i
const CONDITIONAL = /\bwhat if\b|\bwhat happens (?:if|when)\b/i
/** "If" or "unless" anywhere ("…, and if there is a CA, coordinate…"); "when" or "once" opening a clause. */
const CONDITION = /\b(?:if|unless|in case)\b|(?:^|[,;:]\s*)(?:when|once)\b/i

/** "How long should the action plan be": a question ending in "be" asks for a thing's extent, not a time. */
const EXTENT_ASKED = /\bhow (?:long|short|detailed|specific|brief|big)\b.*\bbe\s*\??\s*$/i
const EXTENT = /\b(?:brief(?:ly)?|concise|detailed|full(?!-time)|step-by-step|outlines?|length|short|pages?|paragraphs?)\b/i

export function answerForm (query: string): AnswerForm | undefined {
  if (QUANTITY.test(query)) return 'figure'
  if (CONDITIONAL.test(query)) return 'condition'
  return EXTENT_ASKED.test(query) ? 'extent' : undefined
}

/** Whether a sentence (its terms and its text) has the form: holds a number, states a condition, or says how brief or full. */
export function hasForm (form: AnswerForm, terms: ReadonlySet<string>, text: string): boolean {
  if (form === 'condition') return CONDITION.test(text)
  if (form === 'extent') return EXTENT.test(text)
  for (const t of terms) if (t.charCodeAt(0) >= 48 && t.charCodeAt(0) <= 57) return true
  return false
}
