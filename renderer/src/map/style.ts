import type { StylesheetJson } from 'cytoscape';
import type { VocabEntry, VocabKind } from '../../../shared/vocab';
import { FLAG_COLOR, type MapElements } from '../../../shared/graph/elements';
import { levelMarkerSvg, markerSize, svgDataUri } from '../../../shared/graph/marker';

/**
 * The map's styles, built from the document's vocabulary: sector colours, legal-form shapes, level markers and
 * agreement-type lines come from the same entries the legend reads, so the legend is always true to the map.
 */
export function mapStyle(vocab: Record<VocabKind, VocabEntry[]>, large = false): StylesheetJson {
  const markers: StylesheetJson = [];
  for (const l of vocab.level) {
    const mark = l.props?.mark;
    if (typeof mark !== 'string' || !mark) continue;
    const size = markerSize(mark);
    markers.push({
      selector: `node[mark = "${mark.replace(/"/g, '')}"]`,
      style: {
        'background-image': svgDataUri(levelMarkerSvg(mark)),
        'background-width': size.width,
        'background-height': size.height,
        'background-position-x': '100%',
        'background-position-y': '0%',
        'background-offset-x': size.width / 2 + 2,
        'background-offset-y': -7,
        'background-clip': 'none',
        'background-image-containment': 'over',
        'bounds-expansion': 10,
      } as never,
    });
  }
  return [
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
    ...markers,
    { selector: 'node[?hub]', style: { width: 34, height: 34, 'border-width': 4, 'border-style': 'double', 'font-weight': 'bold' } },
    { selector: 'node[kind = "partnership"]', style: { 'border-color': '#555555', 'background-color': '#ffffff' } },
    { selector: 'node[kind = "agreement"]', style: { width: 10, height: 10, label: '', 'background-color': '#ffffff' } },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': 'data(color)',
        'curve-style': 'bezier',
        'target-arrow-shape': 'triangle',
        'target-arrow-color': 'data(color)',
        'arrow-scale': 0.8,
      },
    },
    { selector: 'edge[!directed]', style: { 'target-arrow-shape': 'none' } },
    { selector: 'edge[line = "dashed"]', style: { 'line-style': 'dashed' } },
    { selector: 'edge[line = "dotted"]', style: { 'line-style': 'dotted' } },
    { selector: 'edge[kind = "member"]', style: { 'target-arrow-shape': 'none' } },
    // A big map (see isLargeMap) draws labels only where they can be read, and straight "haystack" edges with the
    // arrowhead at the middle: Cytoscape's own advice for thousands of elements.
    ...(large
      ? ([
          { selector: 'node', style: { 'min-zoomed-font-size': 7 } },
          { selector: 'edge', style: { 'curve-style': 'haystack', 'haystack-radius': 0, 'target-arrow-shape': 'none', 'mid-target-arrow-shape': 'triangle', 'mid-target-arrow-color': 'data(color)' } },
          { selector: 'edge[!directed], edge[kind = "member"]', style: { 'mid-target-arrow-shape': 'none' } },
        ] as StylesheetJson)
      : []),
    {
      selector: 'edge[flag = "expired"]',
      style: { 'line-color': FLAG_COLOR.expired, 'target-arrow-color': FLAG_COLOR.expired, 'mid-target-arrow-shape': 'tee', 'mid-target-arrow-color': FLAG_COLOR.expired, opacity: 0.8 },
    },
    { selector: 'edge[flag = "overdue"]', style: { 'underlay-color': FLAG_COLOR.overdue, 'underlay-opacity': 0.45, 'underlay-padding': 3 } as never },
    { selector: 'edge:selected', style: { width: 4, 'line-color': '#005fcc', 'target-arrow-color': '#005fcc' } },
    { selector: 'node:selected', style: { 'overlay-color': '#005fcc', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
    // Filters hide; a search dims what does not match and rings what does.
    { selector: '.filtered', style: { display: 'none' } },
    { selector: '.dim', style: { opacity: 0.2 } },
    { selector: 'node.match', style: { 'underlay-color': '#ffbf00', 'underlay-opacity': 0.7, 'underlay-padding': 9, 'underlay-shape': 'ellipse', 'z-index': 20 } as never },
    { selector: 'edge.match', style: { 'underlay-color': '#ffbf00', 'underlay-opacity': 0.7, 'underlay-padding': 5 } as never },
    // Drawing a new agreement: the line follows the pointer, the actor under it lights up.
    { selector: '.eh-ghost-edge, .eh-preview', style: { 'line-color': '#005fcc', 'line-style': 'dashed', 'target-arrow-color': '#005fcc', width: 2 } },
    { selector: '.eh-hover, .eh-source', style: { 'border-color': '#005fcc', 'border-width': 4 } },
  ];
}


/** From how many elements on the map the big-map style applies. */
export const isLargeMap = (e: MapElements) => e.nodes.length > 1000 || e.edges.length > 2500;
