import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { MapElements } from '../../../shared/graph/elements';
import { seedOf, withSeed } from '../../../shared/graph/seeded';
import type { Position } from '../../../shared/model';
import type { Point } from '../../../shared/report/svg';

cytoscape.use(fcose);

/**
 * Where each map node goes in a report: where the view keeps it; nodes the view has no place for yet are laid out
 * around the kept ones (fcose, the map's own layout, with the kept nodes fixed). A view nobody has arranged gets the
 * layout the app would give it on first opening.
 */
export function reportPositions(elements: MapElements, stored: readonly Position[]): Map<string, Point> {
  const ids = new Set(elements.nodes.map((n) => n.id));
  const kept = new Map(stored.filter((p) => ids.has(p.nodeId)).map((p) => [p.nodeId, { x: p.x, y: p.y }]));
  if (kept.size === ids.size) return kept;
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      ...elements.nodes.map((n) => ({ data: { id: n.id }, position: kept.get(n.id) ?? { x: 0, y: 0 } })),
      ...elements.edges.map((e) => ({ data: { id: e.id, source: e.source, target: e.target } })),
    ],
    style: [{ selector: 'node', style: { width: 30, height: 30 } }],
  });
  try {
    const fixed = [...kept].map(([nodeId, position]) => ({ nodeId, position }));
    // Seeded by the map's ids, as the app does: the same report of the same map twice is the same picture.
    withSeed(seedOf([...ids].sort()), () =>
      cy.layout({ name: 'fcose', animate: false, randomize: fixed.length === 0, nodeRepulsion: () => 9000, idealEdgeLength: () => 90, ...(fixed.length ? { fixedNodeConstraint: fixed } : {}) } as never).run(),
    );
    return new Map(cy.nodes().map((n) => [n.id(), { x: n.position('x'), y: n.position('y') }]));
  } finally {
    // A headless instance keeps a timer alive until destroyed (a command-line run would not end).
    cy.destroy();
  }
}
