import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ClassicView } from '../../app/topology/ClassicView';
import { nodeLabel } from '../../app/topology/classic/picture';
import { presetScenario, simulate, type Figure, type Trace } from '../../src/index';

const article = presetScenario('article')!;
const trace = simulate(article);

/** A seed whose random endpoint choice (KUBE-SVC's statistic rule) falls on pod3 rather than pod4. */
function traceChoosing(pod: string): Trace {
  for (let seed = 0; seed < 100; seed++) {
    const t = simulate(article, { seed });
    if (t.connections[0]?.endpointPod === pod) return t;
  }
  throw new Error(`no seed below 100 sends the article's connection to ${pod}`);
}

function renderPicture(figure: Figure, n: number, t: Trace = trace) {
  const { container } = render(<ClassicView trace={t} figure={figure} n={n} />);
  const svg = container.querySelector<SVGSVGElement>('svg[data-id="classic-view"]')!;
  const card = svg.querySelector('[data-id="classic-card"]')!;
  const lines = [...card.querySelectorAll('text')].map((el) => ({
    text: el.textContent,
    y: Number(el.getAttribute('y')),
    struck: el.parentElement?.querySelector('[data-id="classic-strike"]') !== null,
  }));
  const has = (id: string) => svg.querySelector(`[data-id="${id}"]`) !== null;
  return { svg, lines, has };
}

describe('ClassicView', () => {
  it('draws at the GIFs own size, with an accessible name and a title', () => {
    renderPicture('pod-to-service', 4);
    const svg = screen.getByRole('img', {
      name: /^Pod-to-Service, step 4: iptables rewrites the destination from svc1 to pod4/,
    });
    expect(svg.getAttribute('viewBox')).toBe('0 0 1012 702');
    expect(svg.getAttribute('width')).toBe('1012');
    expect(svg.getAttribute('height')).toBe('702');
    expect(svg.querySelector('title')?.textContent).toBe('Pod-to-Service, step 4');
  });

  it('strikes dst: svc1 and adds dst: pod4 under it at Pod-to-Service step 4 (the DNAT)', () => {
    const { lines } = renderPicture('pod-to-service', 4);
    expect(lines).toEqual([
      { text: 'src: pod1', y: 566, struck: false },
      { text: 'dst: svc1', y: 594, struck: true },
      { text: 'dst: pod4', y: 622, struck: false },
    ]);
  });

  it('names the endpoint the trace chose: pod3 with a seed that picks pod3', () => {
    const t = traceChoosing('pod3');
    const { lines } = renderPicture('pod-to-service', 4, t);
    expect(lines.map((l) => l.text)).toEqual(['src: pod1', 'dst: svc1', 'dst: pod3']);
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('from svc1 to pod3');
    render(<ClassicView trace={t} figure="service-to-pod" n={1} />);
    expect(screen.getAllByRole('img')[1]!.textContent).toContain('src: pod3');
  });

  it('shows the request on two lines before iptables rewrites it', () => {
    const { lines } = renderPicture('pod-to-service', 2);
    expect(lines).toEqual([
      { text: 'src: pod1', y: 580, struck: false },
      { text: 'dst: svc1', y: 608, struck: false },
    ]);
  });

  it('puts src: svc1 directly under the struck src: pod4 on the way back (the reverse NAT)', () => {
    const { lines } = renderPicture('service-to-pod', 3);
    expect(lines).toEqual([
      { text: 'src: pod4', y: 566, struck: true },
      { text: 'src: svc1', y: 594, struck: false },
      { text: 'dst: pod1', y: 622, struck: false },
    ]);
  });

  it('labels the client node, its two pods and their veths from the trace', () => {
    const { svg } = renderPicture('service-to-pod', 1);
    const texts = [...svg.querySelectorAll('[data-id="classic-static"] text')].map((t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(['VM 1', 'root netns', 'pod1 netns', 'pod2 netns', 'veth0', 'veth1', 'eth0', 'cbr0']));
  });

  // seed-gifs.md: the direct eth0 - cbr0 link only in Pod-to-Service 3; iptables from
  // Pod-to-Service 4 and in all of Service-to-Pod; the arrow from the rewrite on.
  it.each([
    ['pod-to-service', 1, { direct: false, iptables: false, arrow: false, dot: [521, 485] }],
    ['pod-to-service', 2, { direct: false, iptables: false, arrow: false, dot: [521, 373] }],
    ['pod-to-service', 3, { direct: true, iptables: false, arrow: false, dot: [621, 291] }],
    ['pod-to-service', 4, { direct: false, iptables: true, arrow: true, dot: [617, 283] }],
    ['pod-to-service', 5, { direct: false, iptables: true, arrow: true, dot: [631, 159] }],
    ['service-to-pod', 1, { direct: false, iptables: true, arrow: false, dot: [631, 159] }],
    ['service-to-pod', 2, { direct: false, iptables: true, arrow: true, dot: [617, 283] }],
    ['service-to-pod', 3, { direct: false, iptables: true, arrow: true, dot: [521, 373] }],
    ['service-to-pod', 4, { direct: false, iptables: true, arrow: true, dot: [521, 485] }],
  ] as const)('%s step %i draws the links, iptables, the arrow and the dot as the GIF does', (figure, n, want) => {
    const { svg, has } = renderPicture(figure, n);
    expect(has('classic-direct-link')).toBe(want.direct);
    expect(has('classic-iptables')).toBe(want.iptables);
    expect(has('classic-arrow')).toBe(want.arrow);
    const dots = svg.querySelectorAll('[data-id="classic-dot"]');
    expect(dots).toHaveLength(1);
    const circle = dots[0]!.querySelector('circle')!;
    expect([Number(circle.getAttribute('cx')), Number(circle.getAttribute('cy'))]).toEqual(want.dot);
    expect(dots[0]!.querySelector('text')?.textContent).toBe(String(n));
    expect(svg.getAttribute('aria-label')).toMatch(new RegExp(`, step ${n}: `));
  });

  it.each([
    ['vm1', 'VM 1'],
    ['vm2', 'VM 2'],
    ['node12', 'Node 12'],
    ['worker-a', 'worker-a'],
  ])('labels node %s as "%s", in the article\'s style', (name, label) => {
    expect(nodeLabel(name)).toBe(label);
  });

  it('says the figure does not fit when the trace has no endpoint to draw', () => {
    render(<ClassicView trace={simulate(presetScenario('no-endpoints')!)} figure="pod-to-service" n={1} />);
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByRole('status').textContent).toMatch(/does not fit/);
  });
});
