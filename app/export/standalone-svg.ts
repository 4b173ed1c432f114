/**
 * A drawing on screen as a standalone SVG file: what a vector editor (Inkscape, Illustrator,
 * Figma) or an <img> shows the same as the page, with no stylesheet and no script. The page
 * draws with CSS custom properties (the theme's colours) and stylesheet rules; a file has
 * neither, so every property that changes how the drawing looks is written on its element as
 * the browser computed it (`var(--pw-active)` becomes the theme's `rgb(...)`). Text stays
 * `<text>` with its fonts named, so it stays editable.
 */

/** The presentation properties that are inherited: written where an element's value differs from its parent's. */
export const INHERITED_PROPERTIES = [
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-miterlimit',
  'paint-order',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'letter-spacing',
  'visibility',
] as const;

/**
 * The ones that are not inherited, as [CSS property, SVG attribute, initial value]: written where
 * an element's value is another (a struck-through address is `text-decoration` in a file).
 */
export const OWN_PROPERTIES: readonly (readonly [string, string, string])[] = [
  ['opacity', 'opacity', '1'],
  ['text-decoration-line', 'text-decoration', 'none'],
  ['clip-path', 'clip-path', 'none'],
  ['mask', 'mask', 'none'],
  ['filter', 'filter', 'none'],
];

/** An element's computed value of a property ('' when unknown). The page passes getComputedStyle's; tests pass their own. */
export type StyleOf = (element: Element) => { getPropertyValue(property: string): string; readonly display?: string };

export interface StandaloneSvgOptions {
  /** The file's size in CSS px: also its viewBox (from 0,0) unless `viewBox` is given. */
  readonly width: number;
  readonly height: number;
  readonly viewBox?: string;
  /** A colour to paint behind the drawing (the cluster view's background lives on its HTML frame, not in the svg). */
  readonly background?: string;
  readonly styleOf?: StyleOf;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const defaultStyleOf: StyleOf = (element) => getComputedStyle(element);
/** Values that cannot mean anything in a file: the page's custom properties and its stylesheet hooks. */
const pageOnly = (value: string) => value.includes('var(');

/**
 * Serialises `svg` (an element in the document, so its styles are computed) as a standalone
 * SVG document: the XML declaration, `xmlns`, width, height and viewBox, the computed
 * presentation properties on every element, and no `style` or `class` attribute. Elements
 * that are not displayed are left out.
 */
export function standaloneSvg(svg: SVGSVGElement, options: StandaloneSvgOptions): string {
  const styleOf = options.styleOf ?? defaultStyleOf;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, copy, null, styleOf);
  for (const name of ['style', 'class', 'width', 'height', 'viewBox', 'xmlns']) copy.removeAttribute(name);
  copy.setAttribute('width', String(options.width));
  copy.setAttribute('height', String(options.height));
  const viewBox = options.viewBox ?? `0 0 ${options.width} ${options.height}`;
  copy.setAttribute('viewBox', viewBox);
  if (options.background) {
    // The whole viewBox, wherever it starts (the cluster view's is the canvas in sight): a rect at 0,0
    // 100% wide would leave a strip of a panned view bare, black in a GIF.
    const [x = '0', y = '0', width = '100%', height = '100%'] = viewBox.trim().split(/[\s,]+/);
    const back = copy.ownerDocument.createElementNS(SVG_NS, 'rect');
    for (const [k, v] of [
      ['x', x],
      ['y', y],
      ['width', width],
      ['height', height],
      ['fill', options.background],
    ] as const)
      back.setAttribute(k, v);
    copy.insertBefore(back, firstDrawn(copy));
  }
  // The serialiser writes the SVG namespace of an element made in it (as React makes them); xmlns said once.
  const xml = new XMLSerializer().serializeToString(copy);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${/^<svg[^>]*\sxmlns="/.test(xml) ? xml : xml.replace('<svg', `<svg xmlns="${SVG_NS}"`)}\n`;
}

/** The background goes after the title and description, before the first thing drawn. */
const firstDrawn = (svg: SVGSVGElement): ChildNode | null => {
  let node = svg.firstChild;
  while (node && (node.nodeType !== 1 || ['title', 'desc', 'defs'].includes((node as Element).localName))) node = node.nextSibling;
  return node;
};

type Computed = ReadonlyMap<string, string>;

/** Writes `live`'s computed properties on `copy` (the same element in the clone), then its children's. */
function inlineStyles(live: Element, copy: Element, parent: Computed | null, styleOf: StyleOf): void {
  const style = styleOf(live);
  const computed = new Map<string, string>();
  for (const property of INHERITED_PROPERTIES) {
    const value = style.getPropertyValue(property).trim();
    computed.set(property, value);
    if (value && !pageOnly(value) && value !== parent?.get(property)) copy.setAttribute(property, value);
    else if (pageOnly(copy.getAttribute(property) ?? '')) copy.removeAttribute(property);
  }
  for (const [property, attribute, initial] of OWN_PROPERTIES) {
    const value = style.getPropertyValue(property).trim();
    if (value && value !== initial && !pageOnly(value)) copy.setAttribute(attribute, value);
    else if (pageOnly(copy.getAttribute(attribute) ?? '')) copy.removeAttribute(attribute);
  }
  copy.removeAttribute('style');
  copy.removeAttribute('class');
  const liveChildren = Array.from(live.children);
  const copyChildren = Array.from(copy.children);
  liveChildren.forEach((child, i) => {
    const twin = copyChildren[i]!;
    if (styleOf(child).display === 'none') twin.remove();
    else inlineStyles(child, twin, computed, styleOf);
  });
}
