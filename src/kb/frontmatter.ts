/**
 * Front matter of a content file: a leading `---` block of `key: value` lines (values may be quoted).
 * Only flat string fields are used (title, id, source), so a YAML library is not needed.
 */
export interface FrontMatter { title?: string, id?: string, source?: string }

export function splitFrontMatter (markdown: string): { meta: FrontMatter, body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(markdown)
  if (!m) return { meta: {}, body: markdown }
  const meta: Record<string, string> = {}
  for (const line of m[1]!.split(/\r?\n/)) {
    const kv = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(line)
    if (!kv) continue
    let value = kv[2]!.trim()
    if (/^".*"$/.test(value)) value = JSON.parse(value) as string
    else if (/^'.*'$/.test(value)) value = value.slice(1, -1).replace(/''/g, "'")
    meta[kv[1]!] = value
  }
  return { meta, body: markdown.slice(m[0].length) }
}
