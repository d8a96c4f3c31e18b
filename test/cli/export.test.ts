// Documents from templates: each built-in export of a fixture account, built through the store, is compared
// with the expected document in test/cli/expected/ (to regenerate after a deliberate template change, run
// with PAT_WRITE_EXPECTED=1 and review the diff). HTML must be well-formed and keep user text as text.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderDocument, toHtml } from '../../src/docs/documents.js'
import { htmlEscape, mdEscape } from '../../src/docs/escape.js'
import type { Store } from '../../src/store/index.js'
import { pat, patJson } from '../helpers/cli.js'
import { tempDir } from '../helpers/home.js'
import { newStore } from '../helpers/store.js'

const TODAY = '2026-11-22'
/** The fixture's edits are stamped a week before TODAY: the CIP's extension history prints the day it was recorded. */
const CLOCK = { now: () => new Date('2026-11-15T15:00:00Z') }
const EXPECTED = new URL('./expected/', import.meta.url)

/** The fixture: a port account in Improve with a realistic mix of what is recorded and what is missing. */
async function fixture (s: Store): Promise<string> {
  const { id } = await s.accounts.add({
    name: 'Fixture Imports Co.',
    iors: ['12-3456789', '98-7654321'],
    kind: 'port',
    leadPort: 'Savannah',
    stage: 'improve',
    address: '1 Dock Road, Savannah, GA',
    importValue: 25_000_000,
    duties: 1_100_000,
    pfi: ['Automotive'],
    pfiShare: 40,
    nationalRank: 350,
    categories: ['importer', 'warehouse'],
    partnerPorts: ['Charleston'],
    structure: 'Two divisions share one compliance department.',
    profileReviewed: '2025-01-15'
  })
  await s.locations.add(id, { type: 'plant', name: 'Parts plant', country: 'DE' })
  await s.locations.add(id, { type: 'headquarters', name: 'Main office', address: '1 Dock Road', country: 'US' })
  await s.related.add(id, { name: 'Rhein Teile GmbH', type: '3', role: 'manufacturer' })
  await s.related.add(id, { name: 'Coastal Brokers', type: '1', role: 'broker' })
  await s.contacts.add(id, { name: '<script>alert("x")</script>', side: 'customs', role: 'Import Specialist', phone: '555-0100' })
  await s.contacts.add(id, { name: 'Lee Park', side: 'customs', role: 'Entry Specialist' })
  await s.contacts.add(id, { name: 'Ana Ortiz', side: 'account', role: 'Compliance Manager', phone: '555-0200', email: 'ana@example.com' })
  await s.checklist.set(id, 'compliance.A', 'yes')
  await s.checklist.set(id, 'compliance.B', 'yes')
  await s.checklist.set(id, 'compliance.C', 'na', 'no quota merchandise')
  await s.checklist.set(id, 'business.A', 'yes')
  await s.checklist.set(id, 'business.C', 'na', 'broker files *remotely* | all ports')
  await s.checklist.addRequested(id, 'Drawback eligibility')
  await s.checklist.set(id, 'requested.1', 'yes')
  await s.plan.set(id, {
    periodStart: '2026-10-01',
    periodEnd: '2027-09-30',
    planDate: '2026-10-01',
    background: 'Family-owned importer of auto parts since 1985.\n\n# Customs business is run from headquarters.',
    scope: 'Classification of parts; valuation of assists.'
  })
  await s.plan.items.add(id, { title: 'Classification review', goal: 'Fewer than 2% errors', checklistItem: 'compliance.A', priority: 'high', owner: 'Lee Park', due: '2027-01-15' })
  await s.plan.items.add(id, { title: 'Assist valuation', checklistItem: 'Compliance B', priority: 'medium', due: '2026-11-01' })
  await s.plan.items.add(id, { title: 'Explore reconciliation', priority: 'low', owner: 'Ana Ortiz' })
  await s.plan.items.add(id, { title: 'Drawback claims', checklistItem: 'requested.1', priority: 'low', owner: 'Ana Ortiz', due: '2027-06-30' })
  await s.plan.items.add(id, { title: 'Old classification ruling', priority: 'high', owner: 'Lee Park', due: '2026-06-01' })
  await s.plan.items.done(id, 'Old classification ruling')
  await s.plan.approvals.add(id, { name: 'Ana Ortiz', role: 'Account (Compliance Manager)', date: '2026-10-05' })
  await s.plan.approvals.add(id, { name: 'Dana Ruiz', role: 'TCPO' })
  const cip = await s.cips.add(id, {
    deficiency: 'Misclassified brake parts',
    resultSheet: 'RS-7',
    validation: 'Test 40 entries in March 2027',
    responsibleOfficial: 'Ana Ortiz, Compliance Manager',
    prepared: '2026-09-15',
    reportDate: '2026-08-31',
    status: 'implementing'
  })
  // 004_7e84c79b4b761dce.txt: "A target date should be established for each action step"; "reference the
  // department assigned to address each action step" — the second step lacks its department.
  await s.cips.steps.add(id, cip.id, { action: 'Train classifiers.', docs: 'Training roster', target: '2027-01-31', department: 'Compliance' })
  await s.cips.steps.add(id, cip.id, { action: 'Add a second review before filing.', target: '2027-02-28' })
  await s.cips.extend(id, cip.id, { until: '2027-04-30', reason: 'significant progress' })
  // 001_f75c851ccf3a999b.txt, Identify Locations: "a physical address, postal address, telephone number, fax number or electronic mail".
  await s.locations.add(id, { type: 'phone', name: 'Compliance desk', phone: '555-0300' })
  await s.locations.add(id, { type: 'records', name: 'Records room', address: '3 Dock Road', country: 'US', reason: 'entry records, five years' })
  // Checklist: "K. Other *" — the team says what the other item is.
  await s.checklist.set(id, 'compliance.K', 'na', 'no other compliance concern')
  await s.checklist.describeOther(id, 'compliance.K', 'Country of origin marking')
  // Account Background & Structure: "countries of its chief non-related suppliers" (the other two left out: ⚠).
  await s.plan.set(id, { supplierCountries: ['DE', 'CZ'] })
  await s.ports.add(id, { name: 'Charleston', share: 25, rank: 2, concurrence: 'yes', concurrenceDate: '2026-07-01' })
  await s.ports.add(id, { name: 'Savannah', share: 60, rank: 1 })
  await s.ports.add(id, { name: 'Norfolk', share: 15, rank: 3, concurrence: 'pending' })
  return id
}

async function expected (name: string, actual: string): Promise<string> {
  const file = new URL(name, EXPECTED)
  if (process.env.PAT_WRITE_EXPECTED) {
    await mkdir(EXPECTED, { recursive: true })
    await writeFile(file, actual)
  }
  return readFile(file, 'utf8')
}

/** A strict check of the HTML we produce: balanced tags (void elements aside), one html/head/body/main. */
function assertWellFormed (html: string): void {
  expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true)
  const VOID = new Set(['meta', 'br', 'hr', 'img', 'input', 'link'])
  const stack: string[] = []
  for (const m of html.replace(/<!DOCTYPE html>/, '').matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-z-]+(?:="[^"<>]*")?)*)\s*(\/?)>/g)) {
    const [, closing, tag] = m
    const name = tag!.toLowerCase()
    if (VOID.has(name)) continue
    if (closing) expect(stack.pop(), `closing </${name}>`).toBe(name)
    else stack.push(name)
  }
  expect(stack).toEqual([])
  // every "<" starts a tag we parsed: no stray markup
  const tags = [...html.replace(/<!DOCTYPE html>/, '').matchAll(/</g)].length
  const parsed = [...html.replace(/<!DOCTYPE html>/, '').matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-z-]+(?:="[^"<>]*")?)*)\s*(\/?)>/g)].length
  expect(parsed).toBe(tags)
  for (const t of ['html', 'head', 'body', 'main', 'title', 'h1']) expect(html.split(`<${t}`).length - 1, t).toBe(1)
}

describe('exports of a fixture account', () => {
  it.each([
    ['action-plan', [
      'cover sheet: no phone number for representative Lee Park',
      'cover sheet: no distribution',
      'checklist: 13 of 20 items not answered (compliance.D, compliance.E, compliance.F, compliance.G, compliance.H, compliance.I, compliance.J, business.B, business.D, business.E, business.F, business.G, business.H)',
      'checklist: answered Yes but no project item addresses it (business.A)',
      'account background & structure: no Compliance Measurement results from the past year',
      'account background & structure: no description of the department(s) that handle Customs business',
      'project list: "Assist valuation" has no owner',
      'project list: "Explore reconciliation" has no due date',
      'approvals: not yet approved by Port Account Team',
      'approvals: no date for TCPO'
    ]],
    ['cip', ['CIP "Misclassified brake parts": no supporting documentation, no approving official, no approval date (date issued), no responsible department for step 2']],
    ['profile', []],
    ['questionnaire', []]
  ])('%s matches the expected document and lists its gaps', async (template, warnings) => {
    const s = await newStore('Dana Ruiz', CLOCK)
    const id = await fixture(s)
    const record = await s.accounts.show(id)
    const out = await renderDocument(record, { template, format: 'md', today: TODAY, homeTemplates: join(s.ws.paths.root, 'templates') })
    await s.close()
    expect(out.template.origin).toBe('built-in')
    expect(out.document).toBe(await expected(`${template}.md`, out.document))
    expect(out.warnings).toEqual(warnings)
  })

  it('renders the action plan as a well-formed HTML page that keeps user text as text', async () => {
    const s = await newStore()
    const id = await fixture(s)
    const record = await s.accounts.show(id)
    const out = await renderDocument(record, { template: 'action-plan', format: 'html', today: TODAY, homeTemplates: join(s.ws.paths.root, 'templates') })
    await s.close()
    const html = out.document
    assertWellFormed(html)
    expect(html).not.toMatch(/<script/i)
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    expect(html).toContain('<title>Account Action Plan: Fixture Imports Co.</title>')
    expect(html).toContain('<h2 id="2-account-background--structure">2. Account Background &amp; Structure</h2>')
    expect(html).toContain('<a href="#2-account-background--structure">')
    // "# Customs business…" in the background stays a sentence, "*remotely* | all" stays literal
    expect(html).not.toContain('<h1 id="customs-business')
    expect(html).toContain('# Customs business is run from headquarters.')
    expect(html).toContain('broker files *remotely* | all ports')
    for (const label of ['Classification', 'Valuation', 'Quota/Visa', 'ADD/CVD', 'Remote Filing', 'Entry Filing Method', 'Drawback eligibility']) expect(html).toContain(label)
  })

  it('escapes Markdown and HTML in user text', async () => {
    expect(mdEscape('<script>alert(1)</script>')).toBe('\\<script\\>alert(1)\\</script\\>')
    expect(mdEscape('# not a heading\n- not a list\n1. not a list\n---')).toBe('\\# not a heading\n\\- not a list\n1\\. not a list\n\\---')
    expect(mdEscape('a *b* _c_ [d](e) `f` | g & h')).toBe('a \\*b\\* \\_c\\_ \\[d\\](e) \\`f\\` \\| g \\& h')
    expect(mdEscape('99-1000001, $10,000,000 (15%)')).toBe('99-1000001, $10,000,000 (15%)')
    expect(mdEscape(undefined)).toBe('')
    expect(htmlEscape('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;')
    const html = await toHtml(`# T\n\n${mdEscape('<img src=x onerror=alert(1)> **bold** [x](javascript:alert(1))')}\n`, '<T>')
    expect(html).toContain('<title>&lt;T&gt;</title>')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; **bold** [x](javascript:alert(1))')
    expect(html).not.toMatch(/<img|<strong|<a /)
  })

  it('uses the workspace\'s own templates, and one account\'s own over them', async () => {
    const s = await newStore()
    const id = await fixture(s)
    const other = (await s.accounts.add({ name: 'Other Account' })).id
    const dir = join(s.ws.paths.root, 'templates')
    await mkdir(dir, { recursive: true })
    await writeFile(join(dir, 'questionnaire.md.eta'), '# Our questionnaire for <%= it.name %>\n')
    await writeFile(join(dir, `questionnaire.${id}.md.eta`), '# Only for <%= it.name %>: <%= it.cover.representatives[0].name %>\n')
    await writeFile(join(dir, 'summary.md.eta'), '<%= it.name %>: <%= it.due.length %> dates, stage <%= it.stageLabel %>\n')
    const render = async (ref: string, template: string) => renderDocument(await s.accounts.show(ref), { template, format: 'md', today: TODAY, homeTemplates: dir })
    expect(await render(other, 'questionnaire')).toMatchObject({ document: '# Our questionnaire for Other Account\n', template: { origin: 'workspace' } })
    expect((await render(id, 'questionnaire')).document).toBe('# Only for Fixture Imports Co.: \\<script\\>alert("x")\\</script\\>\n')
    expect((await render(id, 'summary')).document).toMatch(/^Fixture Imports Co\.: \d+ dates, stage Improve\n$/)
    await expect(render(id, 'nope')).rejects.toThrow(/unknown template "nope": use action-plan, cip, profile, questionnaire, summary/)
    await expect(render(id, '../etc/passwd')).rejects.toThrow(/invalid template name/)
    await writeFile(join(dir, 'broken.md.eta'), '<%= it.nothing.here %>')
    await expect(render(id, 'broken')).rejects.toThrow(/template .*broken\.md\.eta failed/)
    await s.close()
  })
})

// Issue 17, "documents exactly as the SOP lays them out": each point read off the fixture's documents, with
// the seed sentence it comes from (../shared/seeds/).
describe('the data the SOP names, in the documents', () => {
  const render = async (template: string) => {
    const s = await newStore('Dana Ruiz', CLOCK)
    const id = await fixture(s)
    const out = await renderDocument(await s.accounts.show(id), { template, format: 'md', today: TODAY, homeTemplates: join(s.ws.paths.root, 'templates') })
    await s.close()
    return out
  }
  const row = (doc: string, first: string) => doc.split('\n').find(l => l.startsWith(`| ${first} |`))

  it('"Other *" items (001_f75c851ccf3a999b.txt, "K. Other *"): what the team says the item is, and the SOP\'s footnote', async () => {
    const { document: doc } = await render('action-plan')
    expect(row(doc, 'K.')).toBe('| K. | Other \\*: Country of origin marking | ☐ | ☒ | see reasons below |')
    expect(doc).toContain('\n| H. | Other \\* | ☐ | ☐ | ⚠ not answered |\n') // Business H: nothing said yet
    // "*Additional Items can be added by the Account Manager/Port Account Team or account"
    expect(doc).toContain('\n\\*Additional Items can be added by the Account Manager/Port Account Team or account\n')
    expect(row(doc, 'Compliance K. Other: Country of origin marking')).toBe('| Compliance K. Other: Country of origin marking | no other compliance concern |')
  })

  it('the Background (001_f75c851ccf3a999b.txt, "Provide Compliance Measurement results from the past year"): each fact shown, ⚠ when missing', async () => {
    const out = await render('action-plan')
    // "countries of its chief non-related suppliers" is recorded; the other two are not.
    expect(out.document).toContain('- **Countries of chief non-related suppliers:** DE, CZ\n')
    expect(out.document).toContain('- **Compliance Measurement results from the past year:** ⚠ not recorded\n')
    // "Provide a brief description of the department(s) which handle(s) Customs business."
    expect(out.document).toContain('- **Department(s) that handle Customs business:** ⚠ not recorded\n')
    expect(out.warnings).toContain('account background & structure: no Compliance Measurement results from the past year')
    expect(out.warnings).toContain('account background & structure: no description of the department(s) that handle Customs business')
    expect(out.warnings.join('\n')).not.toMatch(/supplier/)
  })

  it('approvals (001_f75c851ccf3a999b.txt, "approved by the account, the Port Account Team, and the TCPO"): a missing date is ⚠ like any gap', async () => {
    const out = await render('action-plan')
    expect(row(out.document, 'TCPO')).toBe('| TCPO | Dana Ruiz | TCPO | ⚠ no date |')
    expect(row(out.document, 'Account')).toBe('| Account | Ana Ortiz | Account (Compliance Manager) | 2026-10-05 |')
    expect(out.warnings).toContain('approvals: no date for TCPO')
  })

  it('the CIP (004_7e84c79b4b761dce.txt, "Date Compliance Improvement Plan Prepared"; "the date issued"): the CIP\'s own dates, never the export\'s', async () => {
    const out = await render('cip')
    expect(row(out.document, '**Date Compliance Improvement Plan Prepared**')).toBe('| **Date Compliance Improvement Plan Prepared** | 2026-09-15 |')
    expect(out.document.split('\n').filter(l => l.includes(TODAY))).toEqual([expect.stringMatching(/^Exported 2026-11-22 with PAT Desk; the dates above are the CIP's own\./)])
    // "include the name and the position title of the office and the date issued": not recorded, so ⚠.
    expect(out.document).toContain('| ⚠ not recorded | ⚠ no approval date |')
    expect(out.warnings[0]).toMatch(/no approving official, no approval date \(date issued\)/)
  })

  it('CIP action steps (004_7e84c79b4b761dce.txt, "A target date should be established for each action step"): target and department per step', async () => {
    const out = await render('cip')
    expect(row(out.document, '1')).toBe('| 1 | Train classifiers. | Training roster | 2027-01-31 | Compliance |')
    // "The action plan should reference the department assigned to address each action step."
    expect(row(out.document, '2')).toBe('| 2 | Add a second review before filing. |  | 2027-02-28 | ⚠ no department |')
    expect(out.warnings[0]).toMatch(/no responsible department for step 2$/)
  })

  it('the extension history (004_7e84c79b4b761dce.txt, "extensions may be granted, if requested by the company"): when, from, until and why', async () => {
    const { document: doc } = await render('cip')
    expect(doc).toContain('| Recorded | Period ran until | Extended until | Reason |\n| --- | --- | --- | --- |\n| 2026-11-15 | 2027-02-28 | 2027-04-30 | significant progress |\n')
    expect(row(doc, '**Conditional period ends**')).toBe('| **Conditional period ends** | 2027-04-30 (extended) |')
  })
})

describe('pat export', () => {
  it('writes the document, warns on stderr about the gaps, and exports anyway', async () => {
    const H = await tempDir()
    await pat(H, ['init', '--name', 'Dana Ruiz'])
    const acc = await patJson(H, ['account', 'add', '--name', 'Harbor Imports', '--ior', '12-3456789', '--lead-port', 'Savannah'])
    await pat(H, ['contact', 'add', acc.id, '--name', '<script>x</script>', '--side', 'account', '--phone', '555-0100'])
    await pat(H, ['checklist', 'set', acc.id, 'compliance.A', 'yes'])
    await pat(H, ['plan', 'add', acc.id, '--title', 'Classification review', '--priority', 'high'])
    const file = join(H, 'plan.md')
    const r = await pat(H, ['export', acc.id, '--template', 'action-plan', '--out', file])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/wrote action-plan for Harbor Imports to .*plan\.md \(\d+ gaps marked ⚠\)/)
    expect(r.stderr).toMatch(/^warning: checklist: 18 of 19 items not answered/m)
    expect(r.stderr).toMatch(/^warning: project list: "Classification review" has no owner and no due date$/m)
    const doc = await readFile(file, 'utf8')
    expect(doc).toMatch(/^# Account Action Plan: Harbor Imports$/m)
    for (const item of ['Classification', 'Valuation', 'Quota/Visa', 'ADD/CVD', 'Quantity', 'Special Trade Programs', 'Admissibility', 'Invoice Requirements',
      'Internal Controls', 'OGA', 'ABI', 'ACH', 'Remote Filing', 'Reconciliation', 'Manifests', 'Entry Filing Method', 'Cover Sheet', 'Scope of Plan', 'Background']) {
      expect(doc).toContain(item)
    }
    expect(doc).toContain('⚠ not answered')
    expect(doc).toContain('⚠ no owner')
    expect(doc).toContain('\\<script\\>x\\</script\\>')

    const html = await pat(H, ['export', 'Harbor', '-t', 'profile', '--out', join(H, 'profile.html')])
    expect(html.code).toBe(0)
    assertWellFormed(await readFile(join(H, 'profile.html'), 'utf8'))

    const json = await patJson(H, ['export', 'Harbor', '-t', 'questionnaire', '--format', 'md'])
    expect(json).toMatchObject({ account: { id: acc.id }, template: 'questionnaire', source: 'built-in', format: 'md', warnings: [] })
    expect(json.document).toMatch(/## E\. Customs Value Information/)

    const stdout = await pat(H, ['export', 'Harbor', '-t', 'cip'])
    expect(stdout.stdout).toMatch(/No Compliance Improvement Plan is recorded/)
    expect(stdout.stderr).toMatch(/warning: no Compliance Improvement Plan/)

    const bad = await pat(H, ['export', 'Harbor', '-t', 'cip', '--format', 'pdf'])
    expect(bad.code).toBe(1)
    expect(bad.stderr.trim()).toBe('error: invalid format "pdf": use md, html or docx (pdf is not built: export docx and print it from Word)')
  })
})
