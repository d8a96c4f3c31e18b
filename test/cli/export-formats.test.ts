// Word and calendar exports: the .docx is a Word zip whose document holds the account, its checklist and
// its project list as tables, with a TOC field and page numbers, and says what the Markdown says; the .ics
// parses (ical.js) with one all-day event per due entry and the same UIDs on a second run.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import ICAL from 'ical.js'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { renderDocument } from '../../src/docs/documents.js'
import { renderDocx } from '../../src/docs/docx.js'
import { dueCalendar } from '../../src/docs/ics.js'
import { pat, patJson } from '../helpers/cli.js'
import { tempDir } from '../helpers/home.js'
import { newStore } from '../helpers/store.js'

const TODAY = '2026-11-22'

async function documentXml (bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes)
  const xml = await zip.file('word/document.xml')?.async('string')
  if (!xml) throw new Error('no word/document.xml')
  return xml
}

/** The text of a Word document's paragraphs, one per line. */
const paragraphs = (xml: string) => [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(m => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(t => t[1]).join(''))

describe('export --format docx', () => {
  it('holds the account, the checklist and the project list as Word tables, a TOC field and page numbers', async () => {
    const s = await newStore()
    const { id } = await s.accounts.add({ name: 'Bayside <Trading> & Co', iors: ['12-3456789'], leadPort: 'Savannah', stage: 'improve' })
    await s.checklist.set(id, 'compliance.A', 'yes')
    await s.checklist.set(id, 'compliance.C', 'na', 'no quota merchandise')
    await s.plan.items.add(id, { title: 'Classification review', checklistItem: 'compliance.A', priority: 'high', owner: 'Lee Park', due: '2027-01-15' })
    const valuation = await s.cips.add(id, { deficiency: 'Valuation errors', prepared: '2026-10-02', reportDate: '2026-08-31' })
    // 004_7e84c79b4b761dce.txt: a target date and a responsible department "for each action step"; extensions "may be granted".
    await s.cips.steps.add(id, valuation.id, { action: 'Train the entry team', target: '2027-01-31', department: 'Entry Operations' })
    await s.cips.steps.add(id, valuation.id, { action: 'Audit 50 entries', target: '2027-03-15', department: 'Internal Audit' })
    await s.cips.extend(id, valuation.id, { until: '2027-04-30', reason: 'significant progress shown' })
    const record = await s.accounts.show(id)
    const req = { template: 'action-plan', today: TODAY, homeTemplates: join(await tempDir(), 'templates') }
    const docx = await renderDocx(record, req)
    const xml = await documentXml(docx.bytes)
    const text = paragraphs(xml)
    expect(text).toContain('Account Action Plan: Bayside &lt;Trading&gt; &amp; Co')
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/><\/w:pPr><w:r><w:t xml:space="preserve">1\. Checklist/)
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThanOrEqual(5) // cover, 3 checklist areas, project list, approvals
    expect(text).toEqual(expect.arrayContaining(['A.', 'Classification', '☒', 'Quota/Visa', 'no quota merchandise']))
    expect(text).toContain('Classification review')
    expect(xml).toMatch(/TOC \\h \\o &quot;1-2&quot;/)
    const zip = await JSZip.loadAsync(docx.bytes)
    const footer = await zip.file('word/footer1.xml')!.async('string')
    expect(footer).toMatch(/PAGE/)
    // The same warnings as the Markdown, and every line of the Markdown's project list in the Word file.
    const md = await renderDocument(record, { ...req, format: 'md' })
    expect(docx.warnings).toEqual(md.warnings)
    expect(md.document).toMatch(/\| 1 \| Classification review \|/)
    const cip = await documentXml((await renderDocx(record, { ...req, template: 'cip' })).bytes)
    expect(paragraphs(cip)).toEqual(expect.arrayContaining([
      'Train the entry team', '2027-01-31', 'Entry Operations', 'Audit 50 entries', '2027-03-15', 'Internal Audit',
      '2026-10-02', '2027-04-30', 'significant progress shown', '⚠ no approval date'
    ]))
    expect(paragraphs(cip)).not.toContain(TODAY) // the date prepared is the CIP's, never the export date
    await s.close()
  })

  it('is written by pat export, and an unknown format is one line naming docx', async () => {
    const home = await tempDir()
    await pat(home, ['init', '--name', 'Dana Ruiz'])
    const { id } = await patJson(home, ['account', 'add', '--name', 'Cormorant Apparel'])
    const out = join(await tempDir(), 'plan.docx')
    const r = await pat(home, ['export', id, '--template', 'profile', '--out', out])
    expect(r.code).toBe(0)
    expect(paragraphs(await documentXml(await readFile(out)))).toContain('Account Profile: Cormorant Apparel')
    const bad = await pat(home, ['export', id, '--template', 'profile', '--format', 'pdf'])
    expect(bad.code).toBe(1)
    expect(bad.stderr.trim()).toMatch(/^error: invalid format "pdf": use md, html or docx/)
  })
})

describe('due --format ics', () => {
  it('one all-day event per due entry, the same UIDs on a second run, --account applies', async () => {
    const home = await tempDir()
    await pat(home, ['init', '--name', 'Dana Ruiz'])
    const a = await patJson(home, ['account', 'add', '--name', 'Bayside', '--stage', 'improve'])
    await pat(home, ['plan', 'add', a.id, '--title', 'Classification review', '--priority', 'high', '--due', '2027-03-15'])
    await patJson(home, ['account', 'add', '--name', 'Other Co', '--stage', 'manage'])
    const dir = await tempDir()
    const runs = []
    for (const name of ['a.ics', 'b.ics']) {
      const r = await pat(home, ['due', '--format', 'ics', '--out', join(dir, name)])
      expect(r.code).toBe(0)
      runs.push(new ICAL.Component(ICAL.parse(await readFile(join(dir, name), 'utf8'))).getAllSubcomponents('vevent').map(v => new ICAL.Event(v)))
    }
    const entries = await patJson<any[]>(home, ['due'])
    expect(runs[0]!.length).toBe(entries.length)
    expect(runs[0]!.map(e => e.uid)).toEqual(runs[1]!.map(e => e.uid))
    expect(new Set(runs[0]!.map(e => e.uid)).size).toBe(entries.length)
    const item = runs[0]!.find(e => e.summary.startsWith('Plan item: Classification review'))!
    expect(item.startDate.isDate).toBe(true)
    expect(item.startDate.toString()).toBe('2027-03-15')
    expect(item.description).toMatch(/Rule: Project list item due/)
    expect(item.description).not.toMatch(/https?:/)
    const only = await pat(home, ['due', '--format', 'ics', '--account', 'Bayside'])
    const onlyEvents = new ICAL.Component(ICAL.parse(only.stdout)).getAllSubcomponents('vevent')
    expect(onlyEvents.length).toBe((await patJson<any[]>(home, ['due', '--account', 'Bayside'])).length)
  })

  it('keeps a UID when the due date moves, and strips control characters from the records', async () => {
    const entry = { date: '2027-01-10', accountId: 'x1', accountName: 'Evil\u001b[31m Co', rule: 'plan-item', ruleText: 'r', kind: 'item', title: 'Plan item: T', overdue: false, daysLeft: 3, ref: 'p1' } as const
    const one = await dueCalendar([entry], { name: 'n' })
    const moved = await dueCalendar([{ ...entry, date: '2027-02-01' }], { name: 'n' })
    const uid = (t: string) => /^UID:(.*)$/m.exec(t)![1]
    expect(uid(one)).toBe(uid(moved))
    expect(one).not.toContain('\u001b')
  })
})

describe('csv formats', () => {
  it('pat due --format csv has the --json columns, one row per entry', async () => {
    const home = await tempDir()
    await pat(home, ['init', '--name', 'Dana Ruiz'])
    await patJson(home, ['account', 'add', '--name', 'Bayside', '--stage', 'improve'])
    const r = await pat(home, ['due', '--format', 'csv'])
    const lines = r.stdout.trim().split(/\r\n/)
    expect(lines[0]).toBe('date,accountId,accountName,rule,ruleText,kind,title,overdue,daysLeft,since,ref,note')
    expect(lines.length - 1).toBe((await patJson<any[]>(home, ['due'])).length)
  })
})
