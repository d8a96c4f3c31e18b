/**
 * The demo workspace: a few clearly fictional accounts (names say "Sample"/"Demo", IR#s in the 99- range)
 * with realistic contents — profile, locations, related companies, contacts, checklist answers, plan items
 * due around today, a CIP in its conditional period, dated events, the ports each account uses (share, rank,
 * concurrence), and lifecycle tasks marked done — so a newcomer sees a working app: `pat due` lists real
 * dates, `pat account check` passes, fails and finds data missing, and `pat stage` shows progress.
 */
import { addDays, addMonths, today } from '../domain/index.js'
import type { Store } from '../store/index.js'

interface DemoAccount {
  fields: Record<string, unknown>
  locations: Array<Record<string, unknown>>
  related: Array<Record<string, unknown>>
  contacts: Array<Record<string, unknown>>
  answers: Array<[string, string, string?]>
  plan: Record<string, unknown>
  items: Array<Record<string, unknown>>
  cips: Array<Record<string, unknown> & { steps?: Array<Record<string, unknown>> }>
  events: Array<Record<string, unknown>>
  ports: Array<Record<string, unknown>>
  tasks: string[]
  approvals?: Array<Record<string, unknown>>
}

// eslint-disable-next-line max-lines-per-function -- data, not logic: the demo accounts' contents as one literal
function demoAccounts (now: string): DemoAccount[] {
  return [
    {
      fields: {
        name: 'Harborview Sample Electronics (DEMO)',
        iors: ['99-1000001', '99-100000101'],
        kind: 'port',
        leadPort: 'Long Beach',
        stage: 'improve',
        partnerPorts: ['Los Angeles', 'Seattle'],
        importValue: 48_000_000,
        duties: 1_250_000,
        pfi: ['Electronics'],
        categories: ['importer', 'exporter'],
        structure: 'Centrally controlled; Customs business handled by the Trade Compliance department at headquarters.',
        address: '100 Example Way, Long Beach, CA',
        profileReviewed: addMonths(now, -23),
        nationalRank: 412,
        pfiShare: 62
      },
      locations: [
        { type: 'headquarters', name: 'Head office', country: 'US' }, { type: 'plant', name: 'Assembly plant', country: 'MX' },
        { type: 'records', name: 'Entry records archive', address: '200 Harbor Blvd, Long Beach, CA', country: 'US', reason: 'Customs records kept five years' },
        { type: 'phone', name: 'Trade compliance desk', phone: '555-0101' }
      ],
      related: [{ name: 'Sample Customs Brokerage LLC', type: '1', role: 'broker' }, { name: 'Example Freight Forwarding', type: '2', role: 'freight forwarder' }],
      contacts: [
        { name: 'Pat Example', side: 'customs', role: 'Import Specialist (team lead)', org: 'Port of Long Beach', phone: '555-0100', email: 'pat.example@example.gov' },
        { name: 'Jordan Sample', side: 'account', role: 'Trade Compliance Manager', org: 'Harborview Sample Electronics', phone: '555-0101', email: 'jordan@example.com' }
      ],
      answers: [['compliance.A', 'yes'], ['compliance.B', 'yes'], ['compliance.C', 'na', 'no quota or visa merchandise'], ['business.A', 'yes'], ['business.C', 'na', 'broker files all entries']],
      plan: {
        periodStart: addMonths(now, -3),
        periodEnd: addMonths(now, 9),
        planDate: addMonths(now, -3),
        reviewed: addMonths(now, -11),
        distribution: 'Port of Long Beach, Port of Los Angeles, NASC',
        background: 'Importer of consumer electronics since 1998; ranked in the top 500 by value.',
        cmResults: 'FY compliance measurement: 94% overall, 2 classification discrepancies',
        supplierCountries: ['CN', 'VN'],
        customsDepartments: 'Trade Compliance department at headquarters, with Logistics for entry filing',
        scope: 'Classification of new product lines and valuation of assists.'
      },
      items: [
        { title: 'Classification review of new product lines', goal: 'Reduce classification errors below 5%', area: 'compliance', checklistItem: 'compliance.A', priority: 'high', owner: 'Pat Example', due: addDays(now, 12) },
        { title: 'Valuation: document assists', area: 'compliance', checklistItem: 'compliance.B', priority: 'medium', owner: 'Jordan Sample', due: addDays(now, -5) },
        { title: 'Evaluate ACH for duty payments', area: 'business', checklistItem: 'business.B', priority: 'low', owner: 'Jordan Sample', due: addDays(now, 40) }
      ],
      cips: [{
        deficiency: 'Misclassified printed circuit assemblies',
        resultSheet: 'RS-1',
        validation: 'Self-test of 50 entries',
        responsibleOfficial: 'Jordan Sample',
        approvingOfficial: 'Pat Example',
        prepared: addMonths(now, -4),
        reportDate: addMonths(now, -5),
        status: 'implementing',
        steps: [
          { action: 'Train classification staff', target: addDays(now, 20), department: 'Trade Compliance' },
          { action: 'Add a review step before filing', target: addDays(now, 50), department: 'Import Operations' }
        ]
      }],
      events: [{ type: 'meeting', date: addMonths(now, -3), title: 'Action plan kick-off with the account' }, { type: 'review', subject: 'profile', date: addMonths(now, -23), title: 'Profile review' }],
      ports: [
        { name: 'Long Beach', share: 55, rank: 1 },
        { name: 'Los Angeles', share: 30, rank: 2, concurrence: 'yes', concurrenceDate: addMonths(now, -14), contact: 'TCPO, Port of Los Angeles' },
        { name: 'Seattle', share: 15, rank: 3, concurrence: 'pending', contact: 'TCPO, Port of Seattle' }
      ],
      tasks: ['select.ca-schedule', 'select.clearance', 'select.team', 'establish.iors-confirmed', 'establish.ost', 'evaluate.questionnaire-sent', 'evaluate.questionnaire-returned'],
      approvals: [{ name: 'Jordan Sample', role: 'Account (Trade Compliance Manager)', date: addMonths(now, -3) }]
    },
    {
      fields: {
        name: 'Blue Heron Demo Apparel',
        iors: ['99-2000002'],
        kind: 'port',
        leadPort: 'New York',
        stage: 'evaluate',
        partnerPorts: ['Newark'],
        importValue: 16_500_000,
        duties: 2_900_000,
        pfi: ['Textiles and Apparel'],
        categories: ['importer'],
        profileReviewed: addMonths(now, -6),
        nationalRank: 301,
        pfiShare: 85,
        definitionChanged: addDays(now, -10)
      },
      locations: [{ type: 'headquarters', country: 'US' }, { type: 'warehouse', name: 'Distribution center', country: 'US' }],
      related: [{ name: 'Demo Garment Factory', type: '3', role: 'manufacturer' }],
      contacts: [{ name: 'Casey Demo', side: 'account', role: 'Import Manager', phone: '555-0200' }, { name: 'Riley Sample', side: 'customs', role: 'Entry Specialist', org: 'Port of New York' }],
      answers: [['compliance.C', 'yes']],
      plan: {},
      items: [{ title: 'Send and walk through the questionnaire', priority: 'high', owner: 'Riley Sample', due: addDays(now, 7) }],
      cips: [],
      events: [{ type: 'interview', date: addDays(now, -14), title: 'First interview with the account' }],
      ports: [{ name: 'New York', share: 70, rank: 1 }, { name: 'Newark', share: 30, rank: 2, concurrence: 'yes', concurrenceDate: addMonths(now, -8) }],
      tasks: ['select.ca-schedule', 'select.clearance', 'select.team', 'establish.iors-confirmed', 'evaluate.questionnaire-sent']
    },
    {
      fields: { name: 'Northwind Example Foods', iors: ['99-3000003'], kind: 'port', leadPort: 'Seattle', stage: 'select', importValue: 11_200_000, categories: ['importer', 'broker'] },
      locations: [],
      related: [],
      contacts: [],
      answers: [],
      plan: {},
      items: [],
      cips: [],
      events: [],
      ports: [{ name: 'Seattle', share: 12, rank: 3 }, { name: 'Tacoma', share: 48, rank: 1 }],
      tasks: []
    }
  ]
}

/** Adds the demo accounts that are not there yet (by name); returns the ones added. */
export async function addDemoAccounts (s: Store): Promise<Array<{ id: string, name: string }>> {
  const existing = new Set(s.ws.headers().map(h => h.name))
  const added: Array<{ id: string, name: string }> = []
  for (const demo of demoAccounts(today())) {
    if (existing.has(String(demo.fields.name))) continue
    const { id, name } = await s.accounts.add(demo.fields)
    for (const l of demo.locations) await s.locations.add(id, l)
    for (const r of demo.related) await s.related.add(id, r)
    // Adding a related company records a definition change for OST (issue 17); the demo's companies were
    // known when the account was defined, so its recorded change date (or none) stands.
    if (demo.related.length) await s.accounts.set(id, { definitionChanged: (demo.fields.definitionChanged as string | undefined) ?? null })
    for (const c of demo.contacts) await s.contacts.add(id, c)
    for (const [item, answer, reason] of demo.answers) await s.checklist.set(id, item, answer, reason)
    if (Object.keys(demo.plan).length) await s.plan.set(id, demo.plan)
    for (const i of demo.items) await s.plan.items.add(id, i)
    for (const { steps, ...c } of demo.cips) {
      const cip = await s.cips.add(id, c)
      for (const step of steps ?? []) await s.cips.steps.add(id, cip.id, step)
    }
    for (const e of demo.events) await s.events.add(id, e)
    for (const p of demo.ports) await s.ports.add(id, p)
    for (const t of demo.tasks) await s.tasks.mark(id, t, true)
    for (const a of demo.approvals ?? []) await s.plan.approvals.add(id, a)
    added.push({ id, name })
  }
  return added
}
