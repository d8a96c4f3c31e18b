/**
 * Command-line options generated from the domain's field specs, so every field of an account, contact,
 * plan item or CIP can be set with `--kebab-name VALUE` and its help text says what it accepts. List
 * fields take comma-separated values or the option repeated.
 */
import type { Command } from 'commander'
import type { FieldInput, FieldSpec } from '../domain/index.js'

const kebab = (s: string) => s.replace(/[A-Z]/g, c => '-' + c.toLowerCase())
const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
/** Commander collector for a repeatable option. */
export const collect = (value: string, prev: string[] | undefined): string[] => [...(prev ?? []), value]

export interface FieldOptionNames { [key: string]: string }

function describe (spec: FieldSpec): string {
  const what = spec.kind === 'date'
    ? ' (YYYY-MM-DD)'
    : spec.kind === 'enum'
      ? ` (${spec.values!.join('|')})`
      : spec.kind === 'money'
        ? ' (US$, e.g. 12000000 or 12M)'
        : spec.kind === 'percent'
          ? ' (0–100)'
          : spec.kind === 'list'
            ? `${spec.values ? ` (${spec.values.join('|')})` : ''}, comma-separated or repeated`
            : ''
  // A required field cannot be cleared, so its help does not offer it.
  return `${spec.label}${what}${spec.required ? ' [required]' : '; "" clears'}`
}

/** Adds one option per field; `names` renames a field's flag (e.g. iors → --ior). */
export function addFieldOptions (cmd: Command, specs: readonly FieldSpec[], names: FieldOptionNames = {}): Command {
  for (const spec of specs) {
    const flag = names[spec.key] ?? kebab(spec.key)
    if (spec.kind === 'list') cmd.option(`--${flag} <value>`, describe(spec), collect)
    else cmd.option(`--${flag} <value>`, describe(spec))
  }
  return cmd
}

/** Collects the given field options back into a field input keyed by field. */
export function fieldInput (opts: Record<string, unknown>, specs: readonly FieldSpec[], names: FieldOptionNames = {}): FieldInput {
  const input: FieldInput = {}
  for (const spec of specs) {
    const v = opts[camel(names[spec.key] ?? kebab(spec.key))]
    if (v === undefined) continue
    input[spec.key] = Array.isArray(v) ? v.flatMap(s => String(s).split(',')).map(s => s.trim()).filter(Boolean) : v
  }
  return input
}
