/**
 * The overlays over the route, oldest first: only the top one shows, the ones under it stay mounted (a
 * knowledge search under the reader it opened keeps its query and selection).
 */
import { Layer } from '../components/layer.js'
import type { NewOverlay, Overlay } from '../hooks/use-overlays.js'
import { HelpScreen } from './help-screen.js'
import { KnowledgeOverlay } from './knowledge-overlay.js'
import { Reader } from './reader.js'

export interface OverlayStackProps {
  overlays: readonly Overlay[]
  push: (o: NewOverlay) => void
  pop: () => void
  height: number
  width: number
}

export function OverlayStack ({ overlays, push, pop, height, width }: OverlayStackProps) {
  const size = { height, width }
  return (
    <>
      {overlays.map((o, i) => (
        <Layer key={o.id} visible={i === overlays.length - 1}>
          {o.kind === 'help' ? <HelpScreen {...size} screen={o.screen} onClose={pop} /> : null}
          {o.kind === 'knowledge' ? <KnowledgeOverlay {...size} query={o.query} onClose={pop} onOpen={sectionId => push({ kind: 'reader', sectionId })} /> : null}
          {o.kind === 'reader' ? <Reader {...size} sectionId={o.sectionId} {...(o.find ? { find: o.find } : {})} onClose={pop} /> : null}
        </Layer>
      ))}
    </>
  )
}
