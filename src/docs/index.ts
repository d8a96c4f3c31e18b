/**
 * The documents layer: the SOP's documents for an account — the Action Plan, the Compliance Improvement
 * Plan, the account profile, the questionnaire — filled in from templates (built-in in `templates/`, or the
 * team's own in `<home>/templates/`), as Markdown or HTML, with the gaps the SOP would not accept marked.
 * It reads account records the store hands it and never writes to the store; the CLI (`pat export`) and
 * the app (export from the account screen) both use it.
 */
export * from './documents.js'
export { htmlEscape, mdEscape, slug } from './escape.js'
export * from './write.js'
