import type { VocabEntry, VocabKind } from '../vocab';
import { vocabLabel } from '../vocab';
import { EDGE_COLOR, FLAG_COLOR, MEMBER_COLOR, type MapEdge, type MapElements, type MapNode } from '../graph/elements';
import { levelMarkerSvg, markerSize } from '../graph/marker';

export type Point = { x: number; y: number };
type Vocab = Record<VocabKind, VocabEntry[]>;

/** Text for SVG and HTML: the five characters that could break out of it, escaped. */
export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';
const ACTOR = 26;
const HUB = 38;
const AGREEMENT = 12;

const sizeOf = (n: MapNode) => (n.kind === 'agreement' ? AGREEMENT : n.hub ? HUB : ACTOR);

/** The outline of a node's shape (the Cytoscape shape names the map uses), centred on (x, y), as an SVG element. */
function shape(name: string, x: number, y: number, d: number, attrs: string): string {
  const r = d / 2;
  const poly = (pts: [number, number][]) => `<polygon points="${pts.map(([px, py]) => `${(x + px * r).toFixed(1)},${(y + py * r).toFixed(1)}`).join(' ')}" ${attrs}/>`;
  const regular = (k: number, turn: number) => poly(Array.from({ length: k }, (_, i) => [Math.cos(turn + (2 * Math.PI * i) / k), Math.sin(turn + (2 * Math.PI * i) / k)] as [number, number]));
  switch (name) {
    case 'round-rectangle':
      return `<rect x="${(x - r).toFixed(1)}" y="${(y - r).toFixed(1)}" width="${d}" height="${d}" rx="${(d / 5).toFixed(1)}" ${attrs}/>`;
    case 'cut-rectangle':
      return poly([[-0.7, -1], [0.7, -1], [1, -0.7], [1, 0.7], [0.7, 1], [-0.7, 1], [-1, 0.7], [-1, -0.7]]);
    case 'diamond':
      return poly([[0, -1], [1, 0], [0, 1], [-1, 0]]);
    case 'triangle':
      return poly([[0, -1], [1, 0.8], [-1, 0.8]]);
    case 'hexagon':
      return regular(6, 0);
    case 'octagon':
    case 'round-octagon':
      return regular(8, Math.PI / 8);
    default:
      return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r}" ${attrs}/>`;
  }
}

const dash = (line: MapEdge['line']) => (line === 'dashed' ? ' stroke-dasharray="6 4"' : line === 'dotted' ? ' stroke-dasharray="1.5 3"' : '');

/** A label no wider than about `max` characters: cut at a word where possible, with an ellipsis. */
export function shortLabel(s: string, max = 28): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * The network map as vector graphics: the same colours, shapes, line styles and level markers as the app's map,
 * drawn from the given positions. Edges first, then nodes, then labels, so labels stay readable. Returns a
 * self-contained <svg> with a viewBox, so it scales to any width without losing sharpness.
 */
export function mapSvg(elements: MapElements, pos: ReadonlyMap<string, Point>, opts: { title: string }): string {
  const nodes = elements.nodes.filter((n) => pos.has(n.id));
  const edges = elements.edges.filter((e) => pos.has(e.source) && pos.has(e.target));
  if (!nodes.length) return '';
  const xs = nodes.map((n) => pos.get(n.id)!.x);
  const ys = nodes.map((n) => pos.get(n.id)!.y);
  const pad = 70;
  const [minX, minY] = [Math.min(...xs) - pad, Math.min(...ys) - pad];
  const [w, h] = [Math.max(...xs) - minX + pad, Math.max(...ys) - minY + pad + 14];
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${minX.toFixed(0)} ${minY.toFixed(0)} ${w.toFixed(0)} ${h.toFixed(0)}" role="img" aria-label="${esc(opts.title)}" font-family="${FONT}">`,
    `<title>${esc(opts.title)}</title>`,
    '<defs>',
    ...[...new Set(edges.filter((e) => e.directed).map((e) => arrowColor(e)))].map(
      (c) => `<marker id="arrow-${c.slice(1)}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${c}"/></marker>`,
    ),
    '</defs>',
  );
  out.push('<g class="edges" fill="none">');
  for (const e of edges) {
    const [a, b] = [pos.get(e.source)!, pos.get(e.target)!];
    const target = elements.nodes.find((n) => n.id === e.target);
    // Stop the line at the target's rim, so the arrowhead is seen.
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const back = (target ? sizeOf(target) / 2 : ACTOR / 2) + 2;
    const [ex, ey] = [b.x - ((b.x - a.x) / len) * back, b.y - ((b.y - a.y) / len) * back];
    const color = arrowColor(e);
    out.push(
      `<line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${ex.toFixed(1)}" y2="${ey.toFixed(1)}" stroke="${color}" stroke-width="${e.flag ? Math.max(e.width, 2) : e.width}"${dash(e.line)}${e.directed ? ` marker-end="url(#arrow-${color.slice(1)})"` : ''}/>`,
    );
  }
  out.push('</g><g class="nodes">');
  for (const n of nodes) {
    const p = pos.get(n.id)!;
    const d = sizeOf(n);
    const fill = n.kind === 'actor' ? n.color : '#ffffff';
    const stroke = n.kind === 'actor' && !n.hub ? '#333333' : '#555555';
    // The full name as the node's title: labels below are shortened, a viewer shows the title on hover.
    out.push(`<g><title>${esc(n.label)}</title>${shape(n.shape, p.x, p.y, d, `fill="${fill}" stroke="${stroke}" stroke-width="${n.hub ? 2.5 : 1}"`)}</g>`);
    if (n.mark) {
      const m = markerSize(n.mark);
      const svg = levelMarkerSvg(n.mark).replace('<svg ', `<svg x="${(p.x + d / 2 - 4).toFixed(1)}" y="${(p.y - d / 2 - m.height + 4).toFixed(1)}" `);
      out.push(svg);
    }
  }
  out.push('</g><g class="labels" text-anchor="middle" fill="#1d1d1d">');
  for (const n of nodes) {
    if (n.kind === 'agreement') continue;
    const p = pos.get(n.id)!;
    const y = p.y + sizeOf(n) / 2 + 11;
    const text = esc(shortLabel(n.label));
    out.push(`<text x="${p.x.toFixed(1)}" y="${y.toFixed(1)}" font-size="${n.hub ? 10 : 9}"${n.hub ? ' font-weight="bold"' : ''} stroke="#ffffff" stroke-width="3" paint-order="stroke">${text}</text>`);
  }
  out.push('</g></svg>');
  return out.join('\n');
}

const arrowColor = (e: MapEdge) => (e.flag ? FLAG_COLOR[e.flag] : e.kind === 'member' ? MEMBER_COLOR : e.color || EDGE_COLOR);

/** The legend beside the map: what colour, shape, line and marker mean, for what the map shows. */
export function legendHtml(elements: MapElements, vocab: Vocab, lang: 'nl' | 'en', t: (k: string) => string): string {
  const swatch = (svg: string) => `<svg class="swatch" viewBox="0 0 20 20" width="14" height="14">${svg}</svg>`;
  const used = <K extends keyof MapNode>(key: K) => new Set(elements.nodes.filter((n) => n.kind === 'actor').map((n) => n[key]));
  const sectors = used('sector');
  const forms = used('legalForm');
  const levels = used('level');
  const types = new Set(elements.edges.filter((e) => e.kind === 'agreement').map((e) => e.type));
  const row = (icon: string, label: string) => `<li>${icon}<span>${esc(label)}</span></li>`;
  const block = (title: string, rows: string[]) => (rows.length ? `<h4>${esc(title)}</h4><ul>${rows.join('')}</ul>` : '');
  const line = (color: string, style: MapEdge['line'], arrow: boolean) =>
    `<svg class="swatch" viewBox="0 0 28 10" width="28" height="10"><line x1="1" y1="5" x2="${arrow ? 22 : 27}" y2="5" stroke="${color}" stroke-width="2"${dash(style)}/>${arrow ? `<path d="M21,1 L27,5 L21,9 z" fill="${color}"/>` : ''}</svg>`;
  return [
    block(
      t('legend.sector'),
      vocab.sector.filter((s) => sectors.has(s.code)).map((s) => row(swatch(`<rect x="2" y="2" width="16" height="16" fill="${String(s.props?.color ?? '#7f7f7f')}" stroke="#333"/>`), s[lang])),
    ),
    block(
      t('legend.form'),
      vocab.legalForm.filter((f) => forms.has(f.code)).map((f) => row(swatch(shape(String(f.props?.shape ?? 'ellipse'), 10, 10, 16, 'fill="#ffffff" stroke="#333"')), f[lang])),
    ),
    block(
      t('legend.level'),
      vocab.level.filter((l) => levels.has(l.code) && l.props?.mark).map((l) => row(`<img class="mark" alt="" src="data:image/svg+xml;utf8,${encodeURIComponent(levelMarkerSvg(String(l.props!.mark)))}">`, l[lang])),
    ),
    block(t('legend.lines'), [
      ...vocab.agreementType
        .filter((a) => types.has(a.code))
        .map((a) => row(line(String(a.props?.color ?? EDGE_COLOR), (a.props?.line as MapEdge['line']) ?? 'solid', a.props?.directed !== false), vocabLabel(vocab, 'agreementType', a.code, lang))),
      row(line('#555555', 'dashed', true), t('legend.concept')),
      row(line(MEMBER_COLOR, 'dotted', false), t('legend.member')),
      row(line(FLAG_COLOR.expired, 'solid', true), t('legend.expired')),
      row(line(FLAG_COLOR.overdue, 'solid', true), t('legend.overdue')),
    ]),
  ].join('');
}
