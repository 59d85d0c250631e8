import { useEffect, useImperativeHandle, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import edgehandles from 'cytoscape-edgehandles';
import type { Position } from '../../../shared/model';
import type { VocabEntry, VocabKind } from '../../../shared/vocab';
import type { MapElements } from '../../../shared/graph/elements';
import { isLargeMap, mapStyle } from '../map/style';
import { seedOf, withSeed } from '../../../shared/graph/seeded';
import { levelRings, sectorGroups } from '../../../shared/graph/layouts';
import { Occupancy } from '../../../shared/graph/occupancy';

cytoscape.use(fcose);
cytoscape.use(edgehandles);

interface EdgeHandles {
  enableDrawMode(): void;
  disableDrawMode(): void;
  destroy(): void;
}

/**
 * A new node's place: near its placed neighbours, else near the middle of the view, never on top of another (the
 * occupancy holds the placed nodes, so a merge or import of thousands of nodes places each in constant time).
 */
function fallbackPosition(node: NodeSingular, placed: Set<string>, occupied: Occupancy, middle: { x: number; y: number }): { x: number; y: number } {
  const nbs = node.neighborhood().nodes().filter((n) => placed.has(n.id()));
  const near = nbs.nonempty()
    ? {
        x: nbs.reduce((s, n) => s + (n as NodeSingular).position('x'), 0) / nbs.length,
        y: nbs.reduce((s, n) => s + (n as NodeSingular).position('y'), 0) / nbs.length,
      }
    : middle;
  return occupied.freeSpot(near);
}

/**
 * Whether an element's drawn data differs from what it should show (all its fields are plain values). Setting data
 * makes Cytoscape work out the element's style again, even for the same values: a refresh of a map of 40,000
 * elements after an import spent seconds on elements that had not changed.
 */
function differs(drawn: Record<string, unknown>, wanted: object): boolean {
  for (const [k, v] of Object.entries(wanted)) if (drawn[k] !== v) return true;
  return false;
}

export type MapPlacement = { nodeId: string; x: number; y: number };
export type LayoutKind = 'fcose' | 'levels' | 'sectors';

/** What the map lets its owner do to it directly. */
export interface MapApi {
  /** Lays out the shown nodes and returns where they went (not yet saved). */
  arrange(kind: LayoutKind): MapPlacement[];
  fit(): void;
  /** Where every node is drawn now. */
  positions(): MapPlacement[];
  /** The whole shown map as a PNG (base64, no data: prefix) at `scale` times the on-screen size, on white. */
  png(scale: number): string;
  /** Moves nodes by a step (keyboard); returns their new places (not yet saved). */
  nudge(ids: string[], dx: number, dy: number): MapPlacement[];
}

const fcoseOptions = (n: number, randomize: boolean) => ({
  name: 'fcose',
  animate: false,
  randomize,
  nodeRepulsion: () => 9000,
  idealEdgeLength: () => 90,
  // Draft quality at scale (design.md): a good-enough layout in a fraction of the time.
  quality: n > 1500 ? 'draft' : 'default',
});

/**
 * The network map: one Cytoscape instance driven from React through a ref. Data changes are applied as a diff
 * (nothing reshuffles after an edit); nodes sit where the view saved them; a drag is saved as a move; in connect
 * mode, dragging from one actor to another proposes an agreement between them.
 */
export function MapCanvas({
  elements,
  vocab,
  positions,
  selection,
  onSelect,
  onMove,
  onInitialLayout,
  onConnect,
  connectMode,
  readOnly,
  hidden,
  matches,
  centreIds,
  apiRef,
  hint,
}: {
  /** The map's nodes and edges (networkElements of the snapshot). */
  elements: MapElements;
  vocab: Record<VocabKind, VocabEntry[]>;
  positions: Position[];
  selection: string[];
  onSelect: (ids: string[]) => void;
  onMove: (moved: MapPlacement[]) => void;
  /** Positions the map chose itself (a first layout, a spot for a new node): saved without an undo step. */
  onInitialLayout: (placed: MapPlacement[]) => void;
  onConnect: (sourceId: string, targetId: string) => void;
  connectMode: boolean;
  readOnly: boolean;
  /** Element ids the view's filters hide. */
  hidden: ReadonlySet<string>;
  /** Element ids the search found; when non-null, everything else is dimmed. */
  matches: readonly string[] | null;
  /** Actors drawn in the centre of the "levels" layout (the local government). */
  centreIds: ReadonlySet<string>;
  apiRef?: RefObject<MapApi | null>;
  /** A line over the map saying what a click on it will do now (choosing a party), or null. */
  hint?: string | null;
}) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const ehRef = useRef<EdgeHandles | null>(null);
  const syncing = useRef(false);
  const laidOut = useRef(false);
  const renderedMark = useRef(false);
  const vocabRef = useRef(vocab);
  const largeRef = useRef(false);
  const elementsRef = useRef<MapElements>({ nodes: [], edges: [] });
  const centreRef = useRef(centreIds);
  centreRef.current = centreIds;
  const selectionRef = useRef(selection);
  selectionRef.current = selection;
  const handlers = useRef({ onSelect, onMove, onInitialLayout, onConnect });
  handlers.current = { onSelect, onMove, onInitialLayout, onConnect };

  useEffect(() => {
    const cy = cytoscape({
      container: container.current,
      style: mapStyle(vocabRef.current),
      minZoom: 0.05,
      maxZoom: 4,
      wheelSensitivity: 0.3,
      // A click selects one thing; Ctrl/Shift-click and box selection (Shift-drag) add to it.
      selectionType: 'single',
      boxSelectionEnabled: true,
      // Performance options for big maps: draw a texture while panning and zooming instead of every element.
      textureOnViewport: true,
      hideEdgesOnViewport: true,
      motionBlur: false,
    });
    let modifierTap = false;
    const report = () => {
      // A Ctrl/Shift-click already reported the extended selection itself.
      if (modifierTap) {
        modifierTap = false;
        return;
      }
      if (!syncing.current) handlers.current.onSelect(cy.$(':selected').map((e) => e.id()));
    };
    let pending: ReturnType<typeof setTimeout> | null = null;
    cy.on('select unselect', () => {
      if (pending) clearTimeout(pending);
      pending = setTimeout(report, 0);
    });
    cy.on('tap', (e) => {
      if (e.target === cy && !syncing.current) handlers.current.onSelect([]);
    });
    cy.on('tap', 'node, edge', (e) => {
      const ev = e.originalEvent as MouseEvent | undefined;
      if (!ev || !(ev.ctrlKey || ev.metaKey || ev.shiftKey)) return;
      const id = e.target.id();
      const now = selectionRef.current;
      modifierTap = true;
      handlers.current.onSelect(now.includes(id) ? now.filter((x) => x !== id) : [...now, id]);
    });
    let moved = new Map<string, MapPlacement>();
    let flush: ReturnType<typeof setTimeout> | null = null;
    cy.on('dragfree', 'node', (e) => {
      const n = e.target as NodeSingular;
      moved.set(n.id(), { nodeId: n.id(), x: n.position('x'), y: n.position('y') });
      if (flush) clearTimeout(flush);
      flush = setTimeout(() => {
        handlers.current.onMove([...moved.values()]);
        moved = new Map();
      }, 0);
    });
    const eh = (cy as unknown as { edgehandles(o: object): EdgeHandles }).edgehandles({
      canConnect: (s: NodeSingular, tg: NodeSingular) => s.id() !== tg.id() && s.data('kind') === 'actor' && tg.data('kind') === 'actor',
      edgeParams: () => ({ data: { kind: 'draft' } }),
      hoverDelay: 50,
      snap: true,
    });
    cy.on('ehcomplete', (_e, source: NodeSingular, target: NodeSingular, added: cytoscape.EdgeSingular) => {
      added.remove();
      handlers.current.onConnect(source.id(), target.id());
    });
    // Banners and panels change the map's size: Cytoscape must be told, or clicks land beside the nodes.
    const resize = new ResizeObserver(() => cy.resize());
    if (container.current) resize.observe(container.current);
    ehRef.current = eh;
    cyRef.current = cy;
    (window as unknown as { __regiekaartMap?: Core }).__regiekaartMap = cy;
    return () => {
      resize.disconnect();
      eh.destroy();
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  useEffect(() => {
    const eh = ehRef.current;
    if (!eh) return;
    if (connectMode && !readOnly) eh.enableDrawMode();
    else eh.disableDrawMode();
  }, [connectMode, readOnly]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.autoungrabify(readOnly);
  }, [readOnly]);

  // Apply the data and positions as a diff: only what changed is touched, so the map stays where it was.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const { nodes, edges } = elements;
    elementsRef.current = elements;
    // For `npm run bench`: when the first full map has been drawn (compared with bare Cytoscape in the same browser).
    if (!renderedMark.current && nodes.length) {
      renderedMark.current = true;
      cy.one('render', () => performance.mark('regiekaart:map-rendered'));
    }
    const large = isLargeMap(elements);
    if (vocabRef.current !== vocab || largeRef.current !== large) {
      vocabRef.current = vocab;
      largeRef.current = large;
      cy.style(mapStyle(vocab, large));
    }
    const saved = new Map(positions.map((p) => [p.nodeId, p]));
    const wantedNodes = new Set(nodes.map((n) => n.id));
    const wantedEdges = new Set(edges.map((e) => e.id));
    const fresh = new Set<string>();
    const autoPlaced: MapPlacement[] = [];
    syncing.current = true;
    cy.batch(() => {
      // One lookup table of what is drawn (a getElementById per element costs a collection each: seconds at 8,000).
      const existing = new Map<string, cytoscape.SingularElementReturnValue>();
      cy.elements().forEach((el) => {
        // An agreement that gains a third party turns from an edge into a node under the same id.
        if (!(el.isNode() ? wantedNodes : wantedEdges).has(el.id())) el.remove();
        else existing.set(el.id(), el);
      });
      const add: ElementDefinition[] = [];
      const placed = new Set<string>();
      for (const n of nodes) {
        const el = existing.get(n.id);
        const p = saved.get(n.id);
        if (p) placed.add(n.id);
        if (!el) {
          add.push(p ? { group: 'nodes', data: { ...n }, position: { x: p.x, y: p.y } } : { group: 'nodes', data: { ...n } });
          fresh.add(n.id);
          continue;
        }
        placed.add(n.id);
        if (differs(el.data(), n)) el.data({ ...n });
        if (p && (el.position('x') !== p.x || el.position('y') !== p.y)) el.position({ x: p.x, y: p.y });
      }
      for (const e of edges) {
        const el = existing.get(e.id);
        if (el && (el.group() === 'nodes' || el.data('source') !== e.source || el.data('target') !== e.target)) el.remove();
        else if (el) {
          if (differs(el.data(), e)) el.data({ ...e });
          continue;
        }
        add.push({ group: 'edges', data: { ...e } });
      }
      cy.add(add);
      // New nodes without a saved place get a free spot near the middle (the occupancy of 2,000 placed nodes is only
      // worked out when there is such a node, not on every edit).
      const unplaced = [...fresh].some((id) => !placed.has(id));
      if (unplaced && (positions.length > 0 || laidOut.current)) {
        const occupied = new Occupancy();
        for (const id of placed) {
          const at = cy.getElementById(id).position();
          occupied.add({ x: at.x, y: at.y });
        }
        const ext = cy.extent();
        const middle = { x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2 };
        for (const id of fresh) {
          if (placed.has(id)) continue;
          const p = fallbackPosition(cy.getElementById(id), placed, occupied, middle);
          cy.getElementById(id).position(p);
          placed.add(id);
          autoPlaced.push({ nodeId: id, ...p });
        }
      }
    });
    syncing.current = false;
    // A new node keeps the spot it was given: saved, so hiding and showing it or reloading does not move it.
    if (autoPlaced.length) handlers.current.onInitialLayout(autoPlaced);
    if (positions.length === 0 && !laidOut.current && nodes.length > 0) {
      // A map nobody has arranged yet: lay it out once (draft quality at scale) and keep the result.
      laidOut.current = true;
      // Seeded by the map's own ids: the same map comes out the same every time (see seeded.ts).
      withSeed(seedOf(nodes.map((n) => n.id).sort()), () => cy.layout(fcoseOptions(nodes.length, true) as never).run());
      cy.fit(undefined, 30);
      handlers.current.onInitialLayout(cy.nodes().map((n) => ({ nodeId: n.id(), x: n.position('x'), y: n.position('y') })));
    } else if (!laidOut.current) {
      laidOut.current = true;
      cy.fit(undefined, 30);
    }
  }, [elements, vocab, positions]);

  // The view's filters: hidden elements stay in the graph with their positions, so showing them again is instant.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.elements().forEach((el) => {
        const h = hidden.has(el.id());
        if (h !== el.hasClass('filtered')) el.toggleClass('filtered', h);
      });
    });
  }, [hidden, elements, positions]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const m = matches ? new Set(matches) : null;
    cy.batch(() => {
      cy.elements().forEach((el) => {
        const hit = !!m && m.has(el.id());
        if (hit !== el.hasClass('match')) el.toggleClass('match', hit);
        const dim = !!m && !hit;
        if (dim !== el.hasClass('dim')) el.toggleClass('dim', dim);
      });
    });
  }, [matches, elements]);

  useImperativeHandle(
    apiRef,
    () => ({
      fit: () => cyRef.current?.fit(cyRef.current.elements(':visible'), 30),
      positions: () => cyRef.current?.nodes().map((n) => ({ nodeId: n.id(), x: n.position('x'), y: n.position('y') })) ?? [],
      png: (scale) => (cyRef.current?.png({ output: 'base64', full: true, scale, bg: '#ffffff' }) as string | undefined) ?? '',
      nudge(ids, dx, dy) {
        const cy = cyRef.current;
        if (!cy) return [];
        const want = new Set(ids);
        const nodes = cy.nodes().filter((n) => want.has(n.id()));
        nodes.forEach((n) => {
          (n as NodeSingular).position({ x: (n as NodeSingular).position('x') + dx, y: (n as NodeSingular).position('y') + dy });
        });
        return nodes.map((n) => ({ nodeId: n.id(), x: (n as NodeSingular).position('x'), y: (n as NodeSingular).position('y') }));
      },
      arrange(kind) {
        const cy = cyRef.current;
        if (!cy) return [];
        const shown = cy.nodes(':visible');
        if (kind === 'fcose') {
          // From where the nodes are now, so the user's mental map survives as far as it can.
          withSeed(seedOf(shown.map((n) => n.id()).sort()), () => cy.elements(':visible').layout(fcoseOptions(shown.length, false) as never).run());
        } else {
          const ids = new Set(shown.map((n) => n.id()));
          const nodes = elementsRef.current.nodes.filter((n) => ids.has(n.id));
          const edges = elementsRef.current.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
          const pos = kind === 'levels' ? levelRings(nodes, edges, vocabRef.current, centreRef.current) : sectorGroups(nodes, edges, vocabRef.current);
          cy.batch(() => pos.forEach((p, id) => cy.getElementById(id).position(p)));
        }
        cy.fit(cy.elements(':visible'), 30);
        return shown.map((n) => ({ nodeId: n.id(), x: n.position('x'), y: n.position('y') }));
      },
    }),
    [],
  );

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    syncing.current = true;
    const want = new Set(selection);
    cy.batch(() => {
      cy.$(':selected').forEach((el) => {
        if (!want.has(el.id())) el.unselect();
      });
      for (const id of selection) cy.getElementById(id).select();
    });
    syncing.current = false;
    if (selection.length === 1) {
      const el = cy.getElementById(selection[0]);
      if (el.nonempty()) {
        const bb = el.renderedBoundingBox();
        const visible = bb.x1 >= 0 && bb.y1 >= 0 && bb.x2 <= cy.width() && bb.y2 <= cy.height();
        if (!visible) cy.animate({ center: { eles: el } }, { duration: 200 });
      }
    }
  }, [selection, elements]);

  return (
    <div className={`map-wrap${connectMode ? ' connecting' : ''}`}>
      <div ref={container} className="map" data-testid="map" role="img" aria-label={t('map.label')} />
      <button type="button" className="map-fit" onClick={() => cyRef.current?.fit(cyRef.current.elements(':visible'), 30)}>
        {t('map.fit')}
      </button>
      {connectMode && !readOnly && (
        <p className="map-hint" role="status" data-testid="connect-banner">
          {t('toolbar.connectHint')}
        </p>
      )}
      {hint && (
        <p className="map-hint" role="status" data-testid="map-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
