import { describe, expect, it } from 'vitest';
import {
  isPacketStep,
  narrate,
  PRESET_NAMES,
  PRESETS,
  parseScenario,
  presetScenario,
  simulate,
  type Lang,
  type PacketStep,
  type ProxyMode,
  type Step,
  type Trace,
} from '../../../src/index';
import { NARRATION } from '../../../src/trace/narration';
import { CONTROL_PLANE_NARRATION } from '../../../src/trace/narration-control-plane';
import { NFTABLES_NARRATION } from '../../../src/trace/narration-nftables';

const MODES: readonly ProxyMode[] = ['iptables', 'ipvs'];
const LANGS: readonly Lang[] = ['en', 'zh'];

const traces = new Map<string, Trace>();
/** Every preset in both modes, simulated once for the whole file. */
function traceOf(preset: string, mode: ProxyMode): Trace {
  const key = `${preset}/${mode}`;
  const cached = traces.get(key);
  if (cached) return cached;
  const trace = simulate(presetScenario(preset)!, { mode });
  traces.set(key, trace);
  return trace;
}

// Every preset in both modes, but `large` in iptables mode only: its IPVS trace takes 5-10 s to
// simulate (100 nodes each sync 1,000 virtual services). Its IPVS narration, in both languages,
// is checked in ipvs-mode.test.ts; the IPVS templates it uses are the ones `scale` checks here.
const CASES = PRESET_NAMES.flatMap((preset) =>
  MODES.filter((mode) => preset !== 'large' || mode === 'iptables').map((mode) => [preset, mode] as const),
);

/** Everything the page says at a step: its narration and, in the article's scenario, the comparison with the article. */
const told = (step: Step, lang: Lang) =>
  [step.note, ...(isPacketStep(step) && step.articleNote ? [step.articleNote] : [])].map((n) => narrate(n, lang)).join('\n');

/** The step was decided by session affinity: a KUBE-SVC `-m recent --rcheck` rule jumped, or an IPVS persistence template chose. */
const byAffinity = (s: PacketStep) =>
  s.ipvsChange?.change === 'persistent' ||
  s.rules.some((r) => r.chain.startsWith('KUBE-SVC-') && r.verdict === 'jump' && r.text.includes('--rcheck'));

describe('narration that names what the step did', () => {
  it.each(CASES)('%s (%s): a step that rewrites the destination names the new address, and the port where it changed', (preset, mode) => {
    const rewrites = traceOf(preset, mode)
      .steps.filter(isPacketStep)
      .filter((s) => s.before.dstIp !== s.after.dstIp || s.before.dstPort !== s.after.dstPort);
    for (const step of rewrites) {
      const address = step.before.dstPort !== step.after.dstPort ? `${step.after.dstIp}:${step.after.dstPort}` : step.after.dstIp;
      for (const lang of LANGS) expect(narrate(step.note, lang), `step ${step.index} (${step.note.id}), ${lang}`).toContain(address);
    }
  });

  it('has destination rewrites to check: the DNATs, the un-SNAT of replies, in both modes', () => {
    for (const mode of MODES) {
      const kinds = new Set(
        traceOf('article', mode)
          .steps.filter(isPacketStep)
          .filter((s) => s.before.dstIp !== s.after.dstIp)
          .map((s) => s.kind),
      );
      expect(kinds.has('dnat')).toBe(true);
    }
  });

  it.each(CASES)('%s (%s): no step decided by session affinity says "random"', (preset, mode) => {
    for (const step of traceOf(preset, mode).steps.filter(isPacketStep).filter(byAffinity)) {
      for (const lang of LANGS) expect(told(step, lang), `step ${step.index}, ${lang}`).not.toMatch(/random|随机/i);
    }
  });

  it.each(MODES)("session-affinity (%s): the second connection's DNAT is told as affinity, with the seconds left", (mode) => {
    const dnats = traceOf('session-affinity', mode)
      .steps.filter(isPacketStep)
      .filter((s) => s.kind === 'dnat' && s.label === 'SYN');
    expect(dnats.map(byAffinity)).toEqual([false, true]);
    const second = narrate(dnats[1]!.note, 'en');
    expect(second).toContain('10799 s');
    expect(second).toContain(`${dnats[1]!.after.dstIp}:${dnats[1]!.after.dstPort}`);
    expect(narrate(dnats[1]!.note, 'zh')).toContain('10799 秒');
  });

  it('three-replicas: the statistic rule that matched is named with its probability and the share it gives', () => {
    const dnat = traceOf('three-replicas', 'iptables')
      .steps.filter(isPacketStep)
      .find((s) => s.kind === 'dnat')!;
    const decided = dnat.rules.find((r) => r.chain.startsWith('KUBE-SVC-') && r.verdict === 'jump' && r.text.includes('KUBE-SEP-'))!;
    const probability = /--probability (\S+)/.exec(decided.text)?.[1];
    expect(probability).toBeDefined();
    const text = narrate(dnat.note, 'en');
    expect(text).toContain(`--probability ${probability}`);
    expect(text).toContain('each of the 3 endpoints gets 1/3');
  });

  it.each(CASES)('%s (%s): REJECT steps carry no article stage, nor does anything after them', (preset, mode) => {
    const steps = traceOf(preset, mode).steps.filter(isPacketStep);
    for (const reject of steps.filter((s) => s.kind === 'reject')) {
      const rest = steps.filter((s) => s.connection === reject.connection && s.index >= reject.index);
      expect(rest.map((s) => s.stage)).toEqual(rest.map(() => null));
    }
  });

  it('no-endpoints (iptables): the REJECT step, which the issue found labelled "Pod to Service, step 5", has no stage', () => {
    const reject = traceOf('no-endpoints', 'iptables')
      .steps.filter(isPacketStep)
      .find((s) => s.kind === 'reject')!;
    expect(reject.stage).toBeNull();
  });
});

describe('comparisons with the article', () => {
  it.each(CASES.filter(([preset]) => preset !== 'article'))('%s (%s) never mentions the article', (preset, mode) => {
    for (const step of traceOf(preset, mode).steps) {
      if (isPacketStep(step)) expect(step.articleNote).toBeNull();
      for (const lang of LANGS) expect(narrate(step.note, lang), `step ${step.index} (${step.note.id})`).not.toMatch(/article|文章/i);
    }
  });

  it('the article preset keeps them apart from the narration, on the steps its figures draw', () => {
    const steps = traceOf('article', 'iptables').steps.filter(isPacketStep);
    for (const step of steps) for (const lang of LANGS) expect(narrate(step.note, lang)).not.toMatch(/article|文章/i);
    const compared = steps.filter((s) => s.articleNote !== null);
    expect(compared.map((s) => [s.kind, s.stage])).toEqual([
      ['bridge-miss', { figure: 'pod-to-service', n: 3 }],
      ['dnat', { figure: 'pod-to-service', n: 4 }],
      ['reverse-nat', { figure: 'service-to-pod', n: 2 }],
    ]);
    for (const step of compared) {
      expect(narrate(step.articleNote!, 'en')).toMatch(/^The article/);
      expect(narrate(step.articleNote!, 'zh')).toMatch(/^文章说/);
    }
  });

  it("are the article's story, not its name: an edited copy has none, a renamed identical one has them", () => {
    const article = PRESETS.article!;
    const edited = parseScenario({ ...article, traffic: [...article.traffic, ...article.traffic] });
    const renamed = parseScenario({ ...article, name: 'my-copy', seed: 7 });
    if (!edited.ok || !renamed.ok) throw new Error('invalid scenario');
    expect(simulate(edited.scenario).steps.some((s) => isPacketStep(s) && s.articleNote)).toBe(false);
    expect(simulate(renamed.scenario).steps.some((s) => isPacketStep(s) && s.articleNote)).toBe(true);
  });
});

/** Chinese characters (CJK Unified Ideographs and Extension A). */
const CJK = '[\\u3400-\\u9fff]';
const ASCII_NEXT_TO_CJK = new RegExp(`${CJK} ?[,;:()]|[,;:(] ?${CJK}`);
const SPACE_AFTER_FULL_WIDTH = /[，。；：？！] /;

/** Where Chinese text breaks the house style: the offending characters and a little context. */
function punctuationFaults(text: string): string[] {
  const faults: string[] = [];
  for (const re of [ASCII_NEXT_TO_CJK, SPACE_AFTER_FULL_WIDTH, /, (?=\S*[\u3400-\u9fff])/]) {
    const m = new RegExp(re.source, 'g').exec(text);
    if (m) faults.push(JSON.stringify(text.slice(Math.max(0, m.index - 12), m.index + 12)));
  }
  return faults;
}

describe('Chinese punctuation', () => {
  it('every Chinese template uses full-width punctuation: no ASCII , ; : ( ) beside a Chinese character, no space after 。，；：', () => {
    // nftables mode's sentences are in its engine's chunk (narration-nftables.ts), control-plane steps' in the cluster events' one.
    const faults = Object.entries({ ...NARRATION, ...NFTABLES_NARRATION, ...CONTROL_PLANE_NARRATION }).flatMap(([id, text]) =>
      punctuationFaults(text.zh.replace(/\{\w+\}/g, 'x')).map((f) => `${id}: ${f}`),
    );
    expect(faults).toEqual([]);
  });

  it.each(CASES)('%s (%s): the rendered Chinese narration keeps it, parameters filled in', (preset, mode) => {
    const faults = traceOf(preset, mode).steps.flatMap((s) => punctuationFaults(told(s, 'zh')).map((f) => `step ${s.index}: ${f}`));
    expect(faults).toEqual([]);
  });

  it('finds the faults it looks for', () => {
    expect(punctuationFaults('节点 vm1 上, 数据包')).not.toEqual([]);
    expect(punctuationFaults('重新计算。 然后')).not.toEqual([]);
    expect(punctuationFaults('端点(pod4)')).not.toEqual([]);
    expect(punctuationFaults('目标地址为 10.244.2.3:8080（pod4）。')).toEqual([]);
  });
});
