import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import cytoscape, { type Core, type StylesheetJson } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { NetworkData } from '../../../shared/model';
import type { VocabEntry, VocabKind } from '../../../shared/vocab';
import { networkElements } from '../../../shared/graph/elements';

cytoscape.use(fcose);

const STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(color)',
      shape: 'data(shape)' as never,
      label: 'data(label)',
      'font-size': 9,
      'text-wrap': 'ellipsis',
      'text-max-width': '110px',
      'text-valign': 'bottom',
      'text-margin-y': 3,
      color: '#1d1d1d',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.75,
      'text-background-padding': '1px',
      width: 22,
      height: 22,
      'border-width': 1,
      'border-color': '#333333',
    },
  },
  { selector: 'node[?hub]', style: { width: 34, height: 34, 'border-width': 4, 'border-style': 'double', 'font-weight': 'bold' } },
  { selector: 'node[kind = "partnership"]', style: { 'border-color': '#555555', 'background-color': '#ffffff' } },
  { selector: 'node[kind = "agreement"]', style: { width: 10, height: 10, label: '', 'background-color': '#ffffff' } },
  {
    selector: 'edge',
    style: { width: 1.5, 'line-color': '#8a8a8a', 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'target-arrow-color': '#8a8a8a', 'arrow-scale': 0.7 },
  },
  { selector: 'edge[line = "dashed"]', style: { 'line-style': 'dashed' } },
  { selector: 'edge[line = "dotted"]', style: { 'line-style': 'dotted' } },
  { selector: 'edge[kind = "member"]', style: { 'line-color': '#b0b0b0', 'target-arrow-shape': 'none', width: 1 } },
  { selector: ':selected', style: { 'overlay-color': '#005fcc', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
];

/** The network map: Cytoscape driven from React through one ref. */
export function MapCanvas({
  data,
  vocab,
  selected,
  onSelect,
}: {
  data: NetworkData;
  vocab: Record<VocabKind, VocabEntry[]>;
  selected: string | null;
  onSelect: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  useEffect(() => {
    const { nodes, edges } = networkElements(data, vocab);
    const cy = cytoscape({
      container: container.current,
      elements: [...nodes.map((n) => ({ group: 'nodes' as const, data: { ...n } })), ...edges.map((e) => ({ group: 'edges' as const, data: { ...e } }))],
      style: STYLE,
      layout: { name: 'fcose', animate: false, randomize: true, nodeRepulsion: () => 9000, idealEdgeLength: () => 90, quality: nodes.length > 1500 ? 'draft' : 'default' } as never,
      minZoom: 0.1,
      maxZoom: 4,
      wheelSensitivity: 0.3,
      selectionType: 'single',
    });
    cy.on('tap', 'node[kind = "actor"]', (e) => onSelectRef.current(e.target.id()));
    cy.on('tap', (e) => {
      if (e.target === cy) onSelectRef.current(null);
    });
    cyRef.current = cy;
    (window as unknown as { __regiekaartMap?: Core }).__regiekaartMap = cy;
    return () => {
      cy.destroy();
      cyRef.current = null;
    };
  }, [data, vocab]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.elements().unselect();
    if (selected) {
      const node = cy.getElementById(selected);
      if (node.nonempty()) {
        node.select();
        cy.animate({ center: { eles: node } }, { duration: 200 });
      }
    }
  }, [selected]);

  return (
    <div className="map-wrap">
      <div ref={container} className="map" data-testid="map" role="img" aria-label={t('map.label')} />
      <button type="button" className="map-fit" onClick={() => cyRef.current?.fit(undefined, 30)}>
        {t('map.fit')}
      </button>
    </div>
  );
}
