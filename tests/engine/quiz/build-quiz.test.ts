import { describe, expect, it } from 'vitest';
import { buildQuiz, isPacketStep, narrateQuiz, presetScenario, simulate, type QuizQuestion, type Trace } from '../../../src/index';

const run = (preset: string, mode: 'iptables' | 'ipvs' = 'iptables', seed?: number) =>
  simulate(presetScenario(preset)!, { mode, ...(seed === undefined ? {} : { seed }) });

const right = (q: QuizQuestion) => q.choices[q.answer]!;
const kinds = (quiz: readonly QuizQuestion[]) => quiz.map((q) => q.kind);
const packetStep = (trace: Trace, i: number) => {
  const step = trace.steps[i]!;
  if (!isPacketStep(step)) throw new Error(`step ${i} moves no packet`);
  return step;
};

/** What a question's right answer must be, read again from its step. */
function expectedKey(trace: Trace, q: QuizQuestion): string {
  const step = packetStep(trace, q.step);
  switch (q.kind) {
    case 'next-hop':
      return step.to;
    case 'destination':
    case 'ipvs-pick':
      return `${step.after.dstIp}:${step.after.dstPort}`;
    case 'conntrack-node':
      return step.node!;
    case 'later-packet':
      return step.rules.some((r) => r.table === 'nat') ? 'nat-again' : 'conntrack-only';
    case 'no-endpoints':
      return trace.steps.some((s) => s.kind === 'socket-error') ? 'refused' : 'timeout';
  }
}

const CASES = [
  ['article', 'iptables', ['next-hop', 'destination', 'next-hop', 'next-hop', 'conntrack-node', 'later-packet']],
  ['no-endpoints', 'iptables', ['next-hop', 'next-hop', 'no-endpoints']],
  ['session-affinity', 'iptables', ['next-hop', 'destination', 'next-hop', 'next-hop', 'conntrack-node', 'later-packet', 'destination']],
  ['article', 'ipvs', ['next-hop', 'next-hop', 'ipvs-pick', 'next-hop', 'later-packet']],
  ['no-endpoints', 'ipvs', ['next-hop', 'next-hop', 'no-endpoints']],
  ['session-affinity', 'ipvs', ['next-hop', 'next-hop', 'ipvs-pick', 'next-hop', 'later-packet', 'ipvs-pick']],
] as const;

describe.each(CASES)('the quiz of %s in %s mode', (preset, mode, expectedKinds) => {
  const trace = run(preset, mode);
  const quiz = buildQuiz(trace);

  it('asks what the trace contains, numbered from 1 in the order of the steps', () => {
    expect(kinds(quiz)).toEqual(expectedKinds);
    expect(quiz.map((q) => q.number)).toEqual(quiz.map((_, i) => i + 1));
    const steps = quiz.map((q) => q.step);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(new Set(steps).size).toBe(steps.length);
    expect(Math.min(...steps)).toBeGreaterThan(0);
  });

  it('takes every right answer from the step the question is about', () => {
    for (const q of quiz) expect(right(q).key, `question ${q.number} (${q.kind})`).toBe(expectedKey(trace, q));
  });

  it('offers 2 or 3 wrong answers, none alike and none the right one', () => {
    for (const q of quiz) {
      const keys = q.choices.map((c) => c.key);
      expect(keys.length).toBeGreaterThanOrEqual(3);
      expect(keys.length).toBeLessThanOrEqual(4);
      expect(new Set(keys).size).toBe(keys.length);
      const texts = q.choices.map((c) => narrateQuiz(c.label, 'en'));
      expect(new Set(texts).size).toBe(texts.length);
    }
  });

  it('draws wrong answers of the same sort from the same scenario', () => {
    const pods = new Set(trace.topology.pods.map((p) => p.ip));
    const nodes = new Set(trace.topology.nodes.map((n) => n.name as string));
    for (const q of quiz) {
      const wrong = q.choices.filter((_, i) => i !== q.answer).map((c) => c.key);
      if (q.kind === 'next-hop') {
        const hook = /\/(PREROUTING|INPUT|FORWARD|OUTPUT|POSTROUTING)$/;
        for (const key of wrong) expect(hook.test(key)).toBe(hook.test(right(q).key));
        expect(wrong).not.toContain(packetStep(trace, q.step).at);
      }
      if (q.kind === 'destination' || q.kind === 'ipvs-pick') {
        const vip = packetStep(trace, q.step).before.dstIp;
        for (const key of wrong) expect(pods.has(key.split(':')[0]!) || key.startsWith(`${vip}:`)).toBe(true);
      }
      if (q.kind === 'conntrack-node') for (const key of wrong) expect(nodes.has(key) || key === '(none)').toBe(true);
    }
  });

  it('deals the same choices in the same order every time', () => {
    expect(buildQuiz(run(preset, mode))).toEqual(quiz);
  });

  it('has a prompt, every choice and an explanation in both languages', () => {
    for (const q of quiz)
      for (const lang of ['en', 'zh'] as const) {
        const texts = [q.prompt, ...q.choices.map((c) => c.label), ...q.explanation].map((n) => narrateQuiz(n, lang));
        for (const text of texts) expect(text).not.toMatch(/^[a-z.-]+$|\{\w+\}/);
      }
  });
});

describe('the quiz of the article preset', () => {
  const quiz = buildQuiz(run('article'));

  it('asks where the SYN goes after cbr0 (PREROUTING), what the DNAT makes its destination and which node un-DNATs the reply', () => {
    expect(right(quiz[0]!).key).toBe('vm1/PREROUTING');
    expect(narrateQuiz(right(quiz[1]!).label, 'en')).toBe('10.244.2.3:8080 (pod4)');
    expect(quiz[1]!.choices.map((c) => c.key)).toContain('10.244.2.2:8080');
    expect(quiz[1]!.choices.map((c) => c.key)).toContain('10.96.0.10:80');
    expect(right(quiz[4]!).key).toBe('vm1');
    expect(quiz[4]!.choices.map((c) => c.key)).toEqual(expect.arrayContaining(['vm2', '(none)']));
  });

  it('explains with the deciding rule and the conntrack entry', () => {
    expect(narrateQuiz(quiz[1]!.explanation[1]!, 'en')).toContain('-j DNAT --to-destination 10.244.2.3:8080');
    expect(narrateQuiz(quiz[4]!.explanation[1]!, 'en')).toContain('src=10.244.2.3 dst=10.244.1.2 sport=8080');
  });

  it('says the ACK is not evaluated by the Service rules again: conntrack reverses it', () => {
    const ack = quiz[5]!;
    expect(narrateQuiz(ack.prompt, 'en')).toContain('ACK');
    expect(right(ack).key).toBe('conntrack-only');
    expect(narrateQuiz(right(ack).label, 'zh')).toContain('只有连接的第一个数据包经过 nat 表');
  });

  it('deals the choices by the seed: another seed, another order, the same right answers where the trace agrees', () => {
    const orders = [1, 2, 3, 4, 5].map((seed) =>
      buildQuiz(run('article', 'iptables', seed))[0]!
        .choices.map((c) => c.key)
        .join(),
    );
    expect(new Set(orders).size).toBeGreaterThan(1);
  });
});

describe('the quiz of a Service with no endpoints', () => {
  it('asks what the client sees: connection refused, after REJECT and an ICMP port unreachable', () => {
    const q = buildQuiz(run('no-endpoints')).at(-1)!;
    expect(narrateQuiz(right(q).label, 'en')).toMatch(/ICMP port unreachable.*ECONNREFUSED/);
    expect(q.explanation.map((n) => narrateQuiz(n, 'en')).join(' ')).toContain('connect() fails at once with ECONNREFUSED');
  });
});

describe('the quiz in IPVS mode', () => {
  it('asks which real server rr picks for each new connection, and nothing about iptables DNAT', () => {
    const quiz = buildQuiz(run('session-affinity', 'ipvs'));
    expect(kinds(quiz)).not.toContain('destination');
    expect(kinds(quiz)).not.toContain('conntrack-node');
    const picks = quiz.filter((q) => q.kind === 'ipvs-pick');
    expect(narrateQuiz(picks[0]!.prompt, 'en')).toContain('scheduler rr');
    expect(picks.map((q) => right(q).key)).toEqual(
      picks.map((q) => packetStep(run('session-affinity', 'ipvs'), q.step).ipvsChange!.realServer),
    );
  });
});
