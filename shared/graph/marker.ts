/**
 * The level marker drawn at a node's upper right (B, L, BL, VL, F): one small SVG per level, used by the map's
 * styles and by the legend alike so the two cannot differ.
 */
export function levelMarkerSvg(mark: string): string {
  const w = 6 + 7 * mark.length;
  const text = mark.replace(/[<>&"]/g, '');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="13" viewBox="0 0 ${w} 13">` +
    `<rect x="0.5" y="0.5" width="${w - 1}" height="12" rx="3" fill="#ffffff" stroke="#333333"/>` +
    `<text x="${w / 2}" y="10" font-family="DejaVu Sans, Arial, sans-serif" font-size="9.5" font-weight="bold" text-anchor="middle" fill="#1d1d1d">${text}</text>` +
    `</svg>`
  );
}

export const markerSize = (mark: string) => ({ width: 6 + 7 * mark.length, height: 13 });

export const svgDataUri = (svg: string) => `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
