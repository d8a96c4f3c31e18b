// A port account built by hand, as the domain rules see it (AccountSnapshot), for the tests of src/domain.
import type { AccountSnapshot } from '../../src/domain/index.js'

/**
 * Harbor Imports (id acc-1), a Port Account Team account led from Savannah, in the establish stage with
 * nothing recorded yet: every collection present and empty. A test overrides what its rule reads.
 */
export function portAccount (over: Partial<AccountSnapshot> = {}): AccountSnapshot {
  return {
    id: 'acc-1',
    name: 'Harbor Imports',
    stage: 'establish',
    kind: 'port',
    leadPort: 'Savannah',
    iors: [],
    profile: {},
    locations: [],
    related: [],
    contacts: [],
    checklist: [],
    plan: { items: [], approvals: [] },
    cips: [],
    events: [],
    ports: [],
    tasks: {},
    ...over
  }
}
