/**
 * The domain layer: plain types and pure functions of the Account Management SOP — accounts and their
 * profile (IR#s, locations, related companies Types One–Four), contacts of the Customs network, the Action
 * Plan checklist (Compliance A–K, Business A–H, account-requested items), the Action Plan and its project
 * list, Compliance Improvement Plans, dated events, and the activity-log vocabulary. Nothing here knows
 * about Yjs, files or the network: every function takes plain values and returns plain values, and every
 * rule the SOP states is checked here so that the CLI, the app and sync all enforce it the same way.
 */
export * from './errors.js'
export * from './dates.js'
export * from './ior.js'
export * from './account.js'
export * from './location.js'
export * from './contact.js'
export * from './checklist.js'
export * from './plan.js'
export * from './cip.js'
export * from './events.js'
export * from './activity.js'
export * from './fields.js'
export * from './lifecycle.js'
export * from './cadence.js'
export * from './eligibility.js'
export * from './record.js'
export * from './completeness.js'
export * from './assessment.js'
export * from './ost.js'
export * from './stage-gate.js'
export * from './cip-extension.js'
