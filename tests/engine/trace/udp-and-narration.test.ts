import { describe, expect, it } from 'vitest';
import { isPacketStep, narrate, parseScenario, PRESET_NAMES, PRESETS, presetScenario, simulate } from '../../../src/index';

describe('a UDP request and its reply', () => {
  const input = {
    ...PRESETS.article!,
    name: 'udp',
    cluster: {
      ...PRESETS.article!.cluster,
      services: [
        {
          name: 'dns',
          selector: { app: 'web' },
          clusterIP: '10.96.0.53',
          ports: [{ name: 'dns', port: 53, protocol: 'UDP' as const, targetPort: 5353 }],
        },
      ],
    },
    traffic: [{ from: 'pod1', to: 'dns', port: 53, protocol: 'UDP' as const }],
  };
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const trace = simulate(parsed.scenario);

  it('is a request and a reply, answered from the Service address', () => {
    expect([...new Set(trace.steps.map((s) => s.label))]).toEqual(['request', 'reply']);
    expect(trace.connections[0]!.outcome).toBe('answered');
    const delivered = trace.steps.filter(isPacketStep).at(-1)!;
    expect(`${delivered.after.srcIp}:${delivered.after.srcPort}`).toBe('10.96.0.53:53');
  });

  it('leaves entries with neither [UNREPLIED] nor [ASSURED], on a 30 s timer, as the kernel printed', () => {
    const tables = trace.steps.at(-1)!.conntrack;
    const vm1 = tables.find((t) => t.node === 'vm1')!.entries[0]!.text;
    expect(vm1).toMatch(
      /^udp {6}17 30 src=10\.244\.1\.2 dst=10\.96\.0\.53 sport=\d+ dport=53 src=10\.244\.2\.\d dst=10\.244\.1\.2 sport=5353 dport=\d+ mark=0 use=1$/,
    );
    const request = trace.steps.find((s) => s.kind === 'conntrack-new' && s.node === 'vm1')!;
    expect(request.conntrack.find((t) => t.node === 'vm1')!.entries[0]!.text).toContain('[UNREPLIED]');
  });
});

describe('narration', () => {
  it.each(PRESET_NAMES)('has English and Chinese text for every step of %s, with every parameter filled', (name) => {
    for (const step of simulate(presetScenario(name)!).steps) {
      for (const lang of ['en', 'zh'] as const) {
        const text = narrate(step.note, lang);
        expect(text).not.toBe(step.note.id);
        expect(text).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it("follows the article's Chinese wording for the rewrite and says, apart, where the article simplifies", () => {
    const trace = simulate(presetScenario('article')!);
    const dnat = trace.steps.filter(isPacketStep).find((s) => s.kind === 'dnat')!;
    expect(narrate(dnat.note, 'zh')).toContain('重写数据包的目标地址');
    expect(narrate(dnat.note, 'zh')).not.toContain('文章');
    expect(narrate(dnat.articleNote!, 'zh')).toContain('文章说');
    const undo = trace.steps.filter(isPacketStep).find((s) => s.kind === 'reverse-nat')!;
    expect(narrate(undo.note, 'en')).toContain('POSTROUTING');
    expect(narrate(undo.articleNote!, 'en')).toContain('The article says');
  });
});
