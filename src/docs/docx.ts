/**
 * The SOP documents as Word files. A .docx is made from the very Markdown the template renders (the same
 * document context, the same template — the team's own included), read with marked's lexer and rebuilt
 * with the `docx` library: Markdown headings become Word headings, Markdown tables real Word tables (the
 * checklist, the project list, the CIP action steps), lists and emphasis stay what they are, and ⚠ gaps are
 * kept as written. Word fills in the table of contents (a TOC field, refreshed when the file is opened) and
 * the page numbers in the footer. So Markdown, HTML and Word can never disagree about what a document says.
 */
import type * as Docx from 'docx'
import type { Token, Tokens } from 'marked'
import type { AccountRecord } from '../store/index.js'
import { renderDocument, type RenderedDocument } from './documents.js'
import type { ExportRequest } from './write.js'

type Lib = typeof Docx
type Block = Docx.Paragraph | Docx.Table | Docx.TableOfContents
interface RunStyle { bold?: boolean, italics?: boolean, strike?: boolean, code?: boolean }

const TOC_TITLE = /^table of contents$/i

export interface RenderedDocx extends Omit<RenderedDocument, 'document' | 'format'> { bytes: Uint8Array, format: 'docx' }

/** Renders the template as Markdown, then as a Word document. */
export async function renderDocx (record: AccountRecord, req: Omit<ExportRequest, 'format'>): Promise<RenderedDocx> {
  const md = await renderDocument(record, { ...req, format: 'md' })
  const [lib, { Lexer }] = await Promise.all([import('docx'), import('marked')])
  const tokens = new Lexer({ gfm: true }).lex(md.document)
  const title = (tokens.find((t): t is Tokens.Heading => t.type === 'heading' && t.depth === 1)?.text ?? req.template).replace(/\\(.)/g, '$1')
  const doc = new lib.Document({
    title,
    creator: 'PAT Desk',
    features: { updateFields: true }, // Word offers to fill in the TOC and page fields on opening
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{
      footers: { default: footer(lib) },
      children: blocks(lib, tokens)
    }]
  })
  const bytes = new Uint8Array(await lib.Packer.toBuffer(doc))
  return { bytes, warnings: md.warnings, template: md.template, format: 'docx' }
}

function footer (lib: Lib): Docx.Footer {
  return new lib.Footer({
    children: [new lib.Paragraph({
      alignment: lib.AlignmentType.CENTER,
      children: [new lib.TextRun({ children: ['Page ', lib.PageNumber.CURRENT, ' of ', lib.PageNumber.TOTAL_PAGES], size: 18 })]
    })]
  })
}

/** The document's blocks; the Markdown's own table of contents (links) becomes Word's TOC field. */
function blocks (lib: Lib, tokens: readonly Token[]): Block[] {
  const out: Block[] = []
  let hasToc = false
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    if (t.type === 'heading' && TOC_TITLE.test(t.text)) {
      out.push(heading(lib, t as Tokens.Heading), toc(lib))
      hasToc = true
      while (tokens[i + 1] && tokens[i + 1]!.type !== 'heading') i++ // the Markdown's list of links
      continue
    }
    out.push(...block(lib, t))
    if (t.type === 'heading' && (t as Tokens.Heading).depth === 1 && !hasToc && !tokens.some(x => x.type === 'heading' && TOC_TITLE.test((x as Tokens.Heading).text))) {
      out.push(new lib.Paragraph({ heading: lib.HeadingLevel.HEADING_2, children: [new lib.TextRun('Contents')] }), toc(lib))
      hasToc = true
    }
  }
  return out
}

function toc (lib: Lib): Docx.TableOfContents {
  return new lib.TableOfContents('Table of Contents', { hyperlink: true, headingStyleRange: '1-2' })
}

const HEADINGS = ['TITLE', 'HEADING_1', 'HEADING_2', 'HEADING_3', 'HEADING_4', 'HEADING_5', 'HEADING_6'] as const

function heading (lib: Lib, t: Tokens.Heading): Docx.Paragraph {
  return new lib.Paragraph({ heading: lib.HeadingLevel[HEADINGS[t.depth - 1] ?? 'HEADING_6'], children: inline(lib, t.tokens) })
}

function block (lib: Lib, t: Token, level = 0): Block[] {
  switch (t.type) {
    case 'heading': return [heading(lib, t as Tokens.Heading)]
    case 'paragraph': return [new lib.Paragraph({ children: inline(lib, (t as Tokens.Paragraph).tokens), spacing: { after: 120 } })]
    case 'text': return [new lib.Paragraph({ children: inline(lib, (t as Tokens.Text).tokens ?? [t]) })]
    case 'table': return [table(lib, t as Tokens.Table), new lib.Paragraph({ children: [] })]
    case 'list': return list(lib, t as Tokens.List, level)
    case 'blockquote': return (t as Tokens.Blockquote).tokens.flatMap(x => block(lib, x, level))
    case 'code': return (t as Tokens.Code).text.split('\n').map(line => new lib.Paragraph({ children: [run(lib, line, { code: true })] }))
    case 'hr': return [new lib.Paragraph({ border: { bottom: { style: lib.BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } }, children: [] })]
    case 'space': case 'def': return []
    default: return 'text' in t && typeof t.text === 'string' ? [new lib.Paragraph({ children: [run(lib, t.text, {})] })] : []
  }
}

function list (lib: Lib, t: Tokens.List, level: number): Block[] {
  return t.items.flatMap((item, i) => {
    const [first, ...rest] = item.tokens
    const marker = t.ordered ? `${Number(t.start || 1) + i}. ` : ''
    const head = first && (first.type === 'text' || first.type === 'paragraph')
      ? [new lib.Paragraph({
          ...(t.ordered ? { indent: { left: 360 * (level + 1) } } : { bullet: { level } }),
          children: [...(marker ? [run(lib, marker, {})] : []), ...inline(lib, (first as Tokens.Text).tokens ?? [first])]
        })]
      : first ? block(lib, first, level + 1) : []
    return [...head, ...rest.flatMap(x => x.type === 'list' ? list(lib, x as Tokens.List, level + 1) : block(lib, x, level + 1))]
  })
}

function table (lib: Lib, t: Tokens.Table): Docx.Table {
  const align = (a: string | null) => a === 'center' ? lib.AlignmentType.CENTER : a === 'right' ? lib.AlignmentType.RIGHT : lib.AlignmentType.LEFT
  const cell = (c: Tokens.TableCell, header: boolean) => new lib.TableCell({
    children: [new lib.Paragraph({ alignment: align(c.align), children: inline(lib, c.tokens, header ? { bold: true } : {}) })],
    ...(header ? { shading: { type: lib.ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } } : {})
  })
  const hasHeader = t.header.some(h => h.text.trim() !== '')
  return new lib.Table({
    width: { size: 100, type: lib.WidthType.PERCENTAGE },
    rows: [
      ...(hasHeader ? [new lib.TableRow({ tableHeader: true, children: t.header.map(h => cell(h, true)) })] : []),
      ...t.rows.map(r => new lib.TableRow({ children: r.map(c => cell(c, false)) }))
    ]
  })
}

function inline (lib: Lib, tokens: readonly Token[] | undefined, style: RunStyle = {}): Docx.ParagraphChild[] {
  const out: Docx.ParagraphChild[] = []
  for (const t of tokens ?? []) {
    switch (t.type) {
      case 'strong': out.push(...inline(lib, (t as Tokens.Strong).tokens, { ...style, bold: true })); break
      case 'em': out.push(...inline(lib, (t as Tokens.Em).tokens, { ...style, italics: true })); break
      case 'del': out.push(...inline(lib, (t as Tokens.Del).tokens, { ...style, strike: true })); break
      case 'codespan': out.push(run(lib, (t as Tokens.Codespan).text, { ...style, code: true })); break
      case 'br': out.push(new lib.TextRun({ break: 1 })); break
      case 'link': out.push(...inline(lib, (t as Tokens.Link).tokens, style)); break // anchors of the Markdown TOC; Word has its own
      case 'text': out.push(...('tokens' in t && t.tokens ? inline(lib, t.tokens as Token[], style) : [run(lib, (t as Tokens.Text).text, style)])); break
      default: if ('text' in t && typeof t.text === 'string') out.push(run(lib, t.text, style))
    }
  }
  return out
}

/** A run of text; marked leaves HTML entities of escaped text in `text`, so they are decoded here. */
function run (lib: Lib, text: string, style: RunStyle): Docx.TextRun {
  const plain = text.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!)
  return new lib.TextRun({
    text: plain,
    ...(style.bold ? { bold: true } : {}),
    ...(style.italics ? { italics: true } : {}),
    ...(style.strike ? { strike: true } : {}),
    ...(style.code ? { font: 'Consolas' } : {})
  })
}
