import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StepList } from '../../app/StepList';
import { stringsFor } from '../../app/i18n';
import { isPacketStep, narrate, presetScenario, simulate } from '../../src/index';

const trace = simulate(presetScenario('article')!);
const packetSteps = trace.steps.filter(isPacketStep);

function renderList(lang: 'en' | 'zh' = 'en') {
  render(<StepList trace={trace} lang={lang} strings={stringsFor(lang)} />);
  return screen.getByRole('list', { name: stringsFor(lang).stepsLabel });
}

/** The top-level items of the step list (each item also holds a nested list of changes). */
function stepItems(list: HTMLElement): HTMLElement[] {
  return within(list)
    .getAllByRole('listitem')
    .filter((li) => li.parentElement === list);
}

describe('StepList', () => {
  it('lists every step of the trace, in order, named by its number and kind', () => {
    const items = stepItems(renderList());
    expect(items).toHaveLength(trace.steps.length);
    trace.steps.forEach((step, i) => {
      const heading = within(items[i]!).getByRole('heading');
      expect(heading.textContent).toContain(String(step.index + 1));
      expect(heading.textContent).toContain(step.kind);
      expect(items[i]!.textContent).toContain(`${step.at} → ${step.to}`);
    });
  });

  it('shows the DNAT step with the KUBE-SEP rule that decided it and the rewritten destination', () => {
    const items = stepItems(renderList());
    const dnat = packetSteps.find((s) => s.kind === 'dnat');
    expect(dnat).toBeDefined();
    const item = items[dnat!.index]!;
    const rule = dnat!.rules.find((r) => r.decided);
    expect(rule?.text).toMatch(/KUBE-SEP-/);
    expect(within(item).getByText('Deciding rule').nextElementSibling?.textContent).toBe(`[${rule!.table}] ${rule!.text}`);
    const before = `${dnat!.before.dstIp}:${dnat!.before.dstPort}`;
    const after = `${dnat!.after.dstIp}:${dnat!.after.dstPort}`;
    // The header diff: the Service address struck out, the endpoint inserted.
    expect(within(item).getByText(before, { selector: 'del' })).toBeTruthy();
    expect(within(item).getByText(after, { selector: 'ins' })).toBeTruthy();
  });

  it('shows the packet in src:sport -> dst:dport form with its protocol and flags', () => {
    const items = stepItems(renderList());
    const first = packetSteps[0]!;
    const p = first.after;
    const text = `${p.srcIp}:${p.srcPort} -> ${p.dstIp}:${p.dstPort} ${p.protocol}`;
    expect(items[0]!.textContent).toContain(text);
    if (p.flags.length > 0) expect(items[0]!.textContent).toContain(p.flags.join(','));
  });

  it('shows the conntrack change and the article stage where a step has them', () => {
    const items = stepItems(renderList());
    const withCt = packetSteps.find((s) => s.conntrackChange !== null);
    expect(withCt).toBeDefined();
    expect(within(items[withCt!.index]!).getByText('Conntrack')).toBeTruthy();
    const staged = packetSteps.filter((s) => s.stage !== null);
    expect(staged.length).toBeGreaterThan(0);
    const { figures } = stringsFor('en');
    for (const s of staged) {
      const stage = within(items[s.index]!).getByText(/^Article/);
      expect(stage.textContent).toBe(`Article: ${figures[s.stage!.figure]} · Step ${s.stage!.n}`);
    }
  });

  it('narrates each step in the chosen language', () => {
    const items = stepItems(renderList('zh'));
    trace.steps.forEach((step, i) => {
      expect(within(items[i]!).getByText(narrate(step.note, 'zh'))).toBeTruthy();
    });
  });

  it('lists a control-plane step without a packet: no headers, no direction', () => {
    const churn = simulate(presetScenario('pod-churn')!);
    render(<StepList trace={churn} lang="en" strings={stringsFor('en')} />);
    const items = stepItems(screen.getByRole('list', { name: stringsFor('en').stepsLabel }));
    const event = churn.steps.find((s) => s.kind === 'api-event')!;
    const item = items[event.index]!;
    expect(item.textContent).toContain('apiserver → apiserver · control-plane');
    expect(item.textContent).not.toMatch(/0\.0\.0\.0|original direction/);
    expect(item.getAttribute('data-direction')).toBeNull();
    expect(within(item).queryByText('Packet')).toBeNull();
    const first = items[0]!;
    expect(within(first).getByText('Packet')).toBeTruthy();
    expect(first.getAttribute('data-direction')).toBe('original');
  });

  it('labels the page in Chinese when asked', () => {
    const items = stepItems(renderList('zh'));
    expect(items).toHaveLength(trace.steps.length);
    expect(within(items[0]!).getAllByText('数据包').length).toBeGreaterThan(0);
  });
});
