import { describe, expect, it } from 'vitest';
import { standaloneSvg, type StyleOf } from '../../../app/export/standalone-svg';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The page's theme, as the browser would resolve its custom properties. */
const THEME: Record<string, string> = { '--pw-node-fill': 'rgb(245, 245, 245)', '--pw-active': 'rgb(43, 108, 176)' };
const resolve = (value: string) => value.replace(/var\((--[\w-]+)\)/g, (_, name: string) => THEME[name] ?? '');

/**
 * A small stand-in for getComputedStyle (jsdom computes no SVG properties): an element's own
 * attribute or style, else its parent's value for inherited properties, var() resolved.
 */
const styleOf: StyleOf = (element) => {
  const own = (el: Element, property: string): string => {
    const inline = (el.getAttribute('style') ?? '').match(new RegExp(`(?:^|;)\\s*${property}:\\s*([^;]+)`))?.[1];
    const value = inline ?? el.getAttribute(property);
    if (value) return resolve(value.trim());
    if (property === 'opacity' || property === 'display') return property === 'opacity' ? '1' : 'inline';
    return el.parentElement && el.parentElement.namespaceURI === SVG_NS ? own(el.parentElement, property) : '';
  };
  return { getPropertyValue: (property) => own(element, property), display: own(element, 'display') };
};

function drawing(): SVGSVGElement {
  document.body.innerHTML = `
    <svg xmlns="${SVG_NS}" class="view" style="position: absolute; cursor: grab" width="100%" height="100%" font-family="Helvetica, Arial, sans-serif" fill="rgb(0, 0, 0)">
      <title>The cluster</title>
      <g transform="translate(10,20) scale(0.5)">
        <rect class="node" x="1" y="2" width="30" height="40" fill="var(--pw-node-fill)" stroke="var(--pw-active)" stroke-width="2" />
        <text x="5" y="9" font-size="12">pod1</text>
        <text x="5" y="29" font-size="12" style="display: none">hidden label</text>
        <text x="5" y="19" font-size="12" opacity="0.5">10.244.1.2</text>
      </g>
    </svg>`;
  return document.querySelector('svg')!;
}

const parse = (text: string) => new DOMParser().parseFromString(text, 'image/svg+xml');

describe('standaloneSvg', () => {
  it('writes a well-formed SVG document with xmlns, width, height and viewBox, that an editor can open', () => {
    const text = standaloneSvg(drawing(), { width: 886, height: 552, styleOf });
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    const doc = parse(text);
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe(SVG_NS);
    expect([root.getAttribute('width'), root.getAttribute('height'), root.getAttribute('viewBox')]).toEqual(['886', '552', '0 0 886 552']);
  });

  it('replaces the theme’s custom properties by their values and drops the page’s class and style', () => {
    const text = standaloneSvg(drawing(), { width: 100, height: 100, styleOf });
    expect(text).not.toContain('var(');
    expect(text).not.toMatch(/\s(class|style)=/);
    const rect = parse(text).querySelector('rect')!;
    expect(rect.getAttribute('fill')).toBe('rgb(245, 245, 245)');
    expect(rect.getAttribute('stroke')).toBe('rgb(43, 108, 176)');
  });

  it('keeps the text as <text>, with its font named, and leaves out what is not displayed', () => {
    const doc = parse(standaloneSvg(drawing(), { width: 100, height: 100, styleOf }));
    expect([...doc.querySelectorAll('text')].map((t) => t.textContent)).toEqual(['pod1', '10.244.1.2']);
    expect(doc.documentElement.getAttribute('font-family')).toBe('Helvetica, Arial, sans-serif');
    expect(doc.querySelectorAll('text')[1]!.getAttribute('opacity')).toBe('0.5');
  });

  it('writes an inherited property only where it changes, so the file stays small', () => {
    const doc = parse(standaloneSvg(drawing(), { width: 100, height: 100, styleOf }));
    const pod = doc.querySelector('text')!;
    expect(pod.hasAttribute('font-family')).toBe(false);
    expect(pod.getAttribute('font-size')).toBe('12');
    expect(doc.querySelector('g')!.hasAttribute('fill')).toBe(false);
  });

  it('paints a background behind the drawing, after its title, when asked', () => {
    const doc = parse(standaloneSvg(drawing(), { width: 100, height: 100, background: 'rgb(255, 255, 255)', styleOf }));
    const [title, back] = [...doc.documentElement.children];
    expect(title!.localName).toBe('title');
    expect(back!.localName).toBe('rect');
    expect(back!.getAttribute('fill')).toBe('rgb(255, 255, 255)');
    expect([back!.getAttribute('x'), back!.getAttribute('y'), back!.getAttribute('width'), back!.getAttribute('height')]).toEqual([
      '0',
      '0',
      '100',
      '100',
    ]);
  });

  it('paints the background over the whole viewBox of a panned and zoomed view, not from the canvas corner', () => {
    const doc = parse(standaloneSvg(drawing(), { width: 100, height: 50, viewBox: '64.5 -20 50 25', background: 'white', styleOf }));
    const back = doc.querySelector('rect')!;
    expect(doc.documentElement.getAttribute('viewBox')).toBe('64.5 -20 50 25');
    expect(['x', 'y', 'width', 'height'].map((k) => back.getAttribute(k))).toEqual(['64.5', '-20', '50', '25']);
  });

  it('leaves the drawing on the page untouched', () => {
    const svg = drawing();
    const before = svg.outerHTML;
    standaloneSvg(svg, { width: 100, height: 100, background: 'white', styleOf });
    expect(svg.outerHTML).toBe(before);
  });
});
