import { describe, expect, it } from 'vitest';
import { nftStepView, nodeNftList, presetScenario } from '../../../src/index';
import { evaluateNftHook } from '../../../src/nftables';
import { MAX_SHOWN } from '../../../src/nftables/list-view';
import { env, load, packet } from './nft-fixtures';

/** pod1's SYN to svc1 at vm1's prerouting, through the table kube-proxy wrote there; numgen picks `pick`. */
function synAtPrerouting(preset: string, node: string, daddr: string, pick: number) {
  const listing = nodeNftList(presetScenario(preset)!, node)!;
  const ctx = packet({ saddr: '10.244.1.2', daddr, dport: 80 });
  const { evaluated } = evaluateNftHook(load(listing), 'prerouting', ctx, env({ numgen: () => pick }));
  return { listing, view: nftStepView(listing, evaluated) };
}

describe('nftStepView: the article, pod1 -> svc1 at vm1 prerouting', () => {
  const { view } = synAtPrerouting('article', 'vm1', '10.96.0.10', 1);

  it('groups the rules by chain in the order the packet met them, each base chain with its hook and priority as nft lists it', () => {
    expect(view.groups.map((g) => [g.chain, g.head])).toEqual([
      ['filter-prerouting-pre-dnat', 'type filter hook prerouting priority dstnat - 10; policy accept;'],
      ['firewall-check', null],
      ['nat-prerouting', 'type nat hook prerouting priority dstnat; policy accept;'],
      ['services', null],
      ['service-7CIZXSQ5-default/svc1/tcp/http', null],
      ['endpoint-QQR2H6K7-default/svc1/tcp/http__10.244.2.3/8080', null],
    ]);
  });

  it('shows the service-ips lookup with its key and the matched element', () => {
    const services = view.groups.find((g) => g.chain === 'services')!.rules[0]!;
    expect(services.lookups).toEqual([
      {
        name: '@service-ips',
        key: '10.96.0.10 . tcp . 80',
        matched: true,
        elements: [{ text: '10.96.0.10 . tcp . 80 : goto service-7CIZXSQ5-default/svc1/tcp/http', matched: true }],
        total: 1,
      },
    ]);
    const firewall = view.groups.find((g) => g.chain === 'firewall-check')!.rules[0]!;
    expect(firewall.lookups[0]).toMatchObject({ name: '@firewall-ips', matched: false, elements: [], total: 0 });
  });

  it('names the numgen map by its expression and marks the endpoint it drew', () => {
    const numgen = view.groups.find((g) => g.chain.startsWith('service-'))!.rules[1]!.lookups[0]!;
    expect(numgen.name).toBe('numgen random mod 2');
    expect(numgen.key).toBe('1');
    expect(numgen.elements.map((e) => e.matched)).toEqual([false, true]);
    expect(numgen.elements[1]!.text).toBe('1 : goto endpoint-QQR2H6K7-default/svc1/tcp/http__10.244.2.3/8080');
  });

  it("marks the listing's lines: the decided dnat, the matched rules and the service-ips element, not the rules that failed", () => {
    const marked = view.lines.filter((l) => l.mark !== null).map((l) => [l.mark, l.text.trim()]);
    expect(marked).toContainEqual(['decided', 'meta l4proto tcp dnat to 10.244.2.3:8080']);
    expect(marked).toContainEqual(['element', 'elements = { 10.96.0.10 . tcp . 80 : goto service-7CIZXSQ5-default/svc1/tcp/http }']);
    expect(marked).toContainEqual(['matched', 'ip daddr . meta l4proto . th dport vmap @service-ips']);
    expect(marked.map(([, t]) => t)).not.toContain('meta l4proto tcp dnat to 10.244.2.2:8080');
    expect(marked.map(([, t]) => t)).not.toContain('ip saddr 10.244.2.3 jump mark-for-masquerade');
    expect(view.lines.filter((l) => l.mark === 'decided')).toHaveLength(1);
  });
});

describe('nftStepView: a big service-ips map', () => {
  it('shows only the matched element of a map of hundreds, with how many it holds, and marks its line', () => {
    const { view } = synAtPrerouting('scale', 'node1', '10.96.0.11', 0);
    const lookup = view.groups.find((g) => g.chain === 'services')!.rules[0]!.lookups[0]!;
    expect(lookup.total).toBeGreaterThan(MAX_SHOWN);
    expect(lookup.elements).toHaveLength(1);
    expect(lookup.elements[0]!.text.startsWith('10.96.0.11 . tcp . 80 : goto service-')).toBe(true);
    const line = view.lines.find((l) => l.mark === 'element')!;
    expect(line.text).toContain('10.96.0.11 . tcp . 80 :');
  });
});
