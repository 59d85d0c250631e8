/**
 * The benchmark's floor: bare Cytoscape drawing the very elements (with positions) and styles the app draws, in the
 * same browser, with nothing else on the page. The elements come as one JSON file made by the bench from the document.
 */
import cytoscape, { type ElementDefinition } from 'cytoscape';
import { isLargeMap, mapStyle } from '../../../renderer/src/map/style';
import type { VocabEntry, VocabKind } from '../../../shared/vocab';

interface Payload {
  vocab: Record<VocabKind, VocabEntry[]>;
  elements: ElementDefinition[];
}

async function main() {
  const payload = (await (await fetch('./elements.json')).json()) as Payload;
  const nodes = payload.elements.filter((e) => e.group === 'nodes');
  const edges = payload.elements.filter((e) => e.group === 'edges');
  const cy = cytoscape({
    container: document.getElementById('map'),
    style: mapStyle(payload.vocab, isLargeMap({ nodes, edges } as never)),
    elements: payload.elements,
    layout: { name: 'preset' },
    textureOnViewport: true,
    hideEdgesOnViewport: true,
  });
  cy.fit(undefined, 30);
  cy.one('render', () => performance.mark('baseline:map-rendered'));
  // The floor of an edit: one node's label changed, until the frame after the one that drew it (as the bench's rename).
  (window as unknown as { rename: (id: string, label: string) => Promise<number> }).rename = (id, label) =>
    new Promise((resolve) => {
      const t0 = performance.now();
      cy.getElementById(id).data('label', label);
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
    });
}
void main();
