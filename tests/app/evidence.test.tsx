import { act, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EvidencePanel } from '../../app/panels/EvidencePanel';
import { decidingPath, shownInFull, splitConntrackLine, stepEvidence } from '../../app/panels/evidence';
import { createAppStore, type AppStoreOptions } from '../../app/store/create-app-store';
import { StoreProvider } from '../../app/store/StoreProvider';
import { isPacketStep, type Step, type Trace } from '../../src/index';

const traceOf = (options: AppStoreOptions) => createAppStore(options).getState().trace;
const article = traceOf({ preset: 'article' });
const find = (trace: Trace, pred: (s: Step) => boolean): Step => {
  const step = trace.steps.find(pred);
  if (!step) throw new Error('no such step');
  return step;
};
const dnat = find(article, (s) => s.kind === 'dnat');
const confirmed = find(article, (s) => s.kind === 'conntrack-new');

function renderAt(options: AppStoreOptions) {
  const store = createAppStore(options);
  render(
    <StoreProvider store={store}>
      <EvidencePanel />
    </StoreProvider>,
  );
  return { store, panel: screen.getByRole('region', { name: options.lang === 'zh' ? '这一步' : 'This step' }) };
}

describe('splitConntrackLine', () => {
  it.each([
    [
      'tcp      6 120 SYN_SENT src=10.244.1.2 dst=10.96.0.10 sport=50637 dport=80 [UNREPLIED] src=10.244.2.3 dst=10.244.1.2 sport=8080 dport=50637 mark=0 use=1',
      'tcp      6 120 SYN_SENT src=10.244.1.2 dst=10.96.0.10 sport=50637 dport=80 [UNREPLIED]',
      'src=10.244.2.3 dst=10.244.1.2 sport=8080 dport=50637 mark=0 use=1',
    ],
    [
      'udp      17 29 src=10.244.1.2 dst=10.96.0.10 sport=49844 dport=53 src=10.244.2.3 dst=10.244.1.2 sport=5353 dport=49844 mark=0 use=1',
      'udp      17 29 src=10.244.1.2 dst=10.96.0.10 sport=49844 dport=53',
      'src=10.244.2.3 dst=10.244.1.2 sport=5353 dport=49844 mark=0 use=1',
    ],
  ])('cuts %s at its reply tuple', (line, original, reply) => {
    expect(splitConntrackLine(line)).toEqual({ original, reply });
  });

  it('keeps a line without a reply tuple whole', () => {
    expect(splitConntrackLine('tcp 6 120 SYN_SENT src=1.2.3.4')).toEqual({ original: 'tcp 6 120 SYN_SENT src=1.2.3.4', reply: '' });
  });
});

describe('the evidence of a step', () => {
  it('on the DNAT: the rewritten destination and the rules that matched, down to the deciding DNAT', () => {
    const evidence = stepEvidence(dnat);
    expect(evidence.fields.map((f) => [f.key, f.before, f.after])).toEqual([['dst', '10.96.0.10:80', '10.244.2.3:8080']]);
    const path = evidence.rulePath;
    expect(path.map((r) => r.chain.replace(/-[A-Z0-9]{16}$/, ''))).toEqual(['PREROUTING', 'KUBE-SERVICES', 'KUBE-SVC', 'KUBE-SEP']);
    expect(path.at(-1)!.decided).toBe(true);
    expect(path.at(-1)!.text).toMatch(/-j DNAT --to-destination 10\.244\.2\.3:8080$/);
    // The jump that chose the endpoint's chain and the DNAT itself are printed; the routing jumps are named only.
    expect(path.map((r) => shownInFull(r, path))).toEqual([false, false, true, true]);
  });

  it('no path when the chain policy decided', () => {
    const forward = find(
      article,
      (s) => isPacketStep(s) && s.kind === 'hook' && s.hook === 'FORWARD' && s.rules.length > 0 && !s.rules.some((r) => r.decided),
    );
    expect(decidingPath(isPacketStep(forward) ? forward.rules : [])).toEqual([]);
  });

  it('on the conntrack step: the entry the step made, in two tuples', () => {
    const evidence = stepEvidence(confirmed);
    expect(evidence.conntrack?.change).toMatchObject({ node: 'vm1', change: 'new', to: 'SYN_SENT' });
    expect(evidence.conntrack?.tuples.reply).toMatch(/^src=10\.244\.2\.3 dst=10\.244\.1\.2 sport=8080 /);
  });

  it('on a kube-proxy sync: every line it removed and added, and the conntrack entries it deleted', () => {
    const churn = traceOf({ preset: 'pod-churn' });
    const sync = find(churn, (s) => s.kind === 'kube-proxy-sync' && s.node === 'vm1');
    const groups = stepEvidence(sync).diff;
    const diff = sync.rulesDiff!;
    const expected = diff.tables.reduce((n, t) => n + t.added.length + t.removed.length, 0) + diff.conntrackDeleted.length;
    expect(groups.flatMap((g) => g.lines)).toHaveLength(expected);
    expect(groups.at(-1)).toMatchObject({ source: { kind: 'conntrack' } });
  });

  it('in IPVS mode: the real server the scheduler chose', () => {
    const ipvs = traceOf({ preset: 'article', mode: 'ipvs' });
    const scheduled = find(ipvs, (s) => isPacketStep(s) && s.ipvsChange?.change === 'scheduled');
    expect(stepEvidence(scheduled).ipvs).toMatchObject({ realServer: '10.244.2.3:8080', scheduler: 'rr' });
  });
});

describe('EvidencePanel', () => {
  it('shows the deciding rule in full, marked, and the destination before and after', () => {
    const { panel } = renderAt({ preset: 'article', step: dnat.index });
    const rule = panel.querySelector('[data-id="evidence-deciding-rule"]')!;
    expect(rule.textContent).toMatch(/-j DNAT --to-destination 10\.244\.2\.3:8080$/);
    expect(within(panel).getByText('decides', { exact: false })).toBeTruthy();
    const dst = panel.querySelector('[data-field="dst"]')!;
    expect(dst.querySelector('del')!.textContent).toBe('10.96.0.10:80');
    expect(dst.querySelector('ins')!.textContent).toBe('10.244.2.3:8080');
  });

  it('shows the conntrack entry as an original and a reply line, in Chinese too', () => {
    const { panel } = renderAt({ preset: 'article', step: confirmed.index, lang: 'zh' });
    expect(within(panel).getByText('去程')).toBeTruthy();
    expect(within(panel).getByText('回程')).toBeTruthy();
    expect(panel.querySelector('[data-id="evidence-reply"]')!.textContent).toMatch(/^src=10\.244\.2\.3 dst=10\.244\.1\.2 sport=8080/);
  });

  it('on session affinity’s second connection, prints the recent match that chose the endpoint', () => {
    const trace = traceOf({ preset: 'session-affinity' });
    const second = trace.steps.filter((s) => s.kind === 'dnat')[1]!;
    const { panel } = renderAt({ preset: 'session-affinity', step: second.index });
    const chooser = within(panel)
      .getAllByRole('listitem')
      .find((li) => li.textContent?.includes('--rcheck'));
    expect(chooser?.textContent).toMatch(/recent: 10\.244\.1\.2 seen \d+s ago/);
  });

  it('on the Chinese page the rule path says why in Chinese: the recent match that chose the endpoint', () => {
    const trace = traceOf({ preset: 'session-affinity' });
    const second = trace.steps.filter((s) => s.kind === 'dnat')[1]!;
    const { panel } = renderAt({ preset: 'session-affinity', step: second.index, lang: 'zh' });
    const chooser = within(panel)
      .getAllByRole('listitem')
      .find((li) => li.textContent?.includes('--rcheck'));
    expect(chooser?.querySelector('.pw-rule-detail')?.textContent).toMatch(
      /^ · KUBE-SEP-\w+（recent：10\.244\.1\.2 在 \d+ 秒前记入 KUBE-SEP-\w+）$/,
    );
  });

  it('in nftables mode on the Chinese page: the service-ips lookup that held the key, then the goto', () => {
    const nft = traceOf({ preset: 'article', mode: 'nftables' });
    const dnatStep = find(nft, (s) => s.kind === 'dnat');
    const { panel } = renderAt({ preset: 'article', mode: 'nftables', step: dnatStep.index, lang: 'zh' });
    expect(panel.textContent).toContain('ip daddr . meta l4proto . th dport 10.96.0.10 . tcp . 80 在 @service-ips 中；goto service-');
    expect(panel.textContent).not.toContain(' in @service-ips');
  });

  it('on a refused connection: the ICMP error from cbr0 to the client, and the SYN it quotes', () => {
    const refused = traceOf({ preset: 'no-endpoints' });
    const error = find(refused, (s) => s.kind === 'icmp-error');
    expect(stepEvidence(error).icmp).toEqual({
      src: '10.244.1.1',
      dst: '10.244.1.2',
      quoted: expect.stringMatching(/^10\.244\.1\.2:\d+ -> 10\.96\.0\.10:80 TCP$/),
    });
    const { panel } = renderAt({ preset: 'no-endpoints', step: error.index, lang: 'zh' });
    const block = panel.querySelector('[data-id="evidence-icmp"]')!;
    expect(block.textContent).toContain('端口不可达');
    expect(block.textContent).toContain('10.244.1.1 → 10.244.1.2');
  });

  it('follows the store to the next step', () => {
    const { store, panel } = renderAt({ preset: 'article', step: dnat.index });
    act(() => store.getState().seek(confirmed.index));
    expect(panel.querySelector('[data-id="evidence-deciding-rule"]')).toBeNull();
    expect(panel.querySelector('[data-id="evidence-reply"]')).not.toBeNull();
  });

  it('says so when a step rewrote nothing and nothing decided', () => {
    const veth = find(article, (s) => s.kind === 'veth');
    const { panel } = renderAt({ preset: 'article', step: veth.index });
    expect(panel.textContent).toContain('Nothing rewritten, no rule decided and no conntrack entry touched at this step.');
  });
});
