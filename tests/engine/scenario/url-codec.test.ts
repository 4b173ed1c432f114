import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import {
  decodeScenario,
  encodeScenario,
  MAX_LINK_CHARS,
  parseScenario,
  PRESET_NAMES,
  PRESETS,
  presetScenario,
  readScenarioJson,
  readScenarioJsonValue,
  simulate,
  type ScenarioInput,
  type ScenarioResult,
} from '../../../src/index';
import { propertyParams } from '../../fast-check-params';

const article = PRESETS.article!;
const withCluster = (patch: object) => ({ ...article, cluster: { ...article.cluster, ...patch } });
const pack = (value: unknown) => LZString.compressToEncodedURIComponent(typeof value === 'string' ? value : JSON.stringify(value));
const paths = (r: ScenarioResult) => (r.ok ? [] : r.errors.map((e) => e.path));
const messages = (r: ScenarioResult) => (r.ok ? '' : r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));

describe('encodeScenario', () => {
  // The scale and large presets (400 and 3,000 pods) are no preset-sized scenarios: they are
  // shared as ?preset=scale and ?preset=large, and as links they would be over the link limit (see below).
  const presetSized = PRESET_NAMES.filter((n) => n !== 'scale' && n !== 'large');

  it.each(presetSized)('keeps the %s preset under 2,000 characters of URL and reads it back', (name) => {
    const scenario = presetScenario(name)!;
    const encoded = encodeScenario(scenario);
    expect(`https://example.org/packetwalk/?s=${encoded}&view=cluster&step=12&lang=en`.length).toBeLessThan(2000);
    expect(new URLSearchParams({ s: encoded }).toString().length).toBeLessThan(2000);
    expect(decodeScenario(encoded)).toEqual({ ok: true, scenario });
  });

  it.each(PRESET_NAMES)("leaves out the %s preset's fields equal to their defaults, in cluster events too", (name) => {
    const json = LZString.decompressFromEncodedURIComponent(encodeScenario(presetScenario(name)!));
    expect(json).not.toContain('"namespace":"default"');
    expect(json).not.toContain('"ready":true');
    expect(json).not.toContain('"protocol":"TCP"');
    expect(json).not.toContain('"mode":"iptables"');
    expect(json).not.toContain('"events":[]');
    expect(json).toContain(`"name":"${name}"`);
  });

  it.each(['scale', 'large'])('says why the %s preset cannot be a link', (name) => {
    const encoded = encodeScenario(presetScenario(name)!);
    expect(encoded.length).toBeGreaterThan(MAX_LINK_CHARS);
    expect(messages(decodeScenario(encoded))).toMatch(/at most 8000/);
  });
});

describe('decodeScenario on hostile links', () => {
  it.each([
    ['an empty value', '', /is empty/],
    ['characters lz-string never writes', '<script>alert(1)</script>', /not valid compressed data/],
    ['garbage in the right alphabet', 'AAAAAAAAAAAAAAAA', /not valid compressed data|not valid JSON/],
    ['a truncated link', encodeScenario(presetScenario('article')!).slice(0, 200), /not valid compressed data|not valid JSON/],
    ['a 10 MB value', 'A'.repeat(10_000_000), /10000000 characters long; a link's scenario may have at most 8000/],
    ['compressed text that is not JSON', pack('{"schemaVersion": 1, oops'), /not valid JSON/],
    ['a decompression bomb', pack(`{"name":"${'a'.repeat(300_000)}"}`), /KB of JSON; the limit is 256 KB/],
  ])('rejects %s with a clear message', (_what, text, message) => {
    const r = decodeScenario(text);
    expect(r.ok).toBe(false);
    expect(messages(r)).toMatch(message);
  });

  it.each([
    ['a wrong schema version', { ...article, schemaVersion: 3 }, 'schemaVersion', /version 3 is not one this page reads/],
    [
      'HTML in a pod name',
      withCluster({ pods: [{ name: '<img src=x onerror=alert(1)>', node: 'vm1' }] }),
      'cluster.pods[0].name',
      /DNS label/,
    ],
    ['an unknown node', withCluster({ pods: [{ name: 'p', node: 'vm9' }] }), 'cluster.pods[0].node', /no node named "vm9"/],
    [
      'duplicate pod names',
      withCluster({
        pods: [
          { name: 'p', node: 'vm1' },
          { name: 'p', node: 'vm2' },
        ],
      }),
      'cluster.pods[1].name',
      /declared twice/,
    ],
    ['a pod IP outside its CIDR', withCluster({ pods: [{ name: 'p', node: 'vm1', ip: '10.244.2.9' }] }), 'cluster.pods[0].ip', /outside/],
    ['a `constructor` key where none belongs', { ...article, constructor: { prototype: { polluted: true } } }, '', /constructor/],
  ])('rejects %s, naming where', (_what, input, path, message) => {
    const r = decodeScenario(pack(input));
    expect(paths(r)).toContain(path);
    expect(messages(r)).toMatch(message);
  });

  it('rejects __proto__ keys without polluting any prototype', () => {
    const text = JSON.stringify(article)
      .replace('{', '{"__proto__":{"polluted":"yes"},')
      .replace('"labels":{', '"labels":{"__proto__":{"polluted":"yes"},');
    for (const r of [decodeScenario(pack(text)), readScenarioJson(text)]) {
      expect(paths(r)).toEqual(expect.arrayContaining(['__proto__', 'cluster.pods[0].labels.__proto__']));
      expect(messages(r)).toMatch(/"__proto__" is not allowed/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('accepts a `constructor` label, which matches only a pod that has it', () => {
    const input = withCluster({ services: [{ name: 'svc1', selector: { constructor: 'x' }, ports: [{ port: 80 }] }] });
    const r = decodeScenario(pack(input));
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (r.ok) expect(simulate(r.scenario).connections[0]!.outcome).toBe('rejected');
  });

  it('accepts a selector that matches nothing: the Service REJECTs', () => {
    const input = withCluster({ services: [{ name: 'svc1', selector: { app: 'nobody' }, ports: [{ port: 80 }] }] });
    const r = decodeScenario(pack(input));
    expect(r.ok).toBe(true);
    if (r.ok) expect(simulate(r.scenario).connections[0]!.outcome).toBe('rejected');
  });

  it('stops a nesting bomb before walking it', () => {
    const r = readScenarioJson(`${'['.repeat(50_000)}${']'.repeat(50_000)}`);
    expect(messages(r)).toMatch(/nested more than 32 levels/);
  });
});

// ---- property tests ----

const dnsLabel = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/);
const app = fc.constantFrom('web', 'client', 'db');

/** A cluster like the article's (nodes vm-ish, pods with an app label, Services selecting an app), with random counts and names. */
const scenarioInput: fc.Arbitrary<ScenarioInput> = fc
  .record({
    name: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
    seed: fc.nat({ max: 0xffffffff }),
    mode: fc.constantFrom('iptables', 'ipvs', undefined),
    nodeNames: fc.uniqueArray(dnsLabel, { minLength: 1, maxLength: 3 }),
    pods: fc.uniqueArray(fc.record({ name: dnsLabel, node: fc.nat(), app, ready: fc.boolean(), named: fc.boolean() }), {
      minLength: 1,
      maxLength: 8,
      selector: (p) => p.name,
    }),
    services: fc.uniqueArray(
      fc.record({
        name: dnsLabel,
        app,
        port: fc.integer({ min: 1, max: 65535 }),
        target: fc.option(fc.integer({ min: 1, max: 65535 })),
        affinity: fc.boolean(),
      }),
      { minLength: 1, maxLength: 4, selector: (s) => s.name },
    ),
    traffic: fc.array(fc.record({ pod: fc.nat(), service: fc.nat() }), { maxLength: 3 }),
    events: fc.array(fc.record({ at: fc.integer({ min: 0, max: 5 }), pod: fc.nat(), ready: fc.boolean() }), { maxLength: 2 }),
  })
  .map(({ name, seed, mode, nodeNames, pods, services, traffic, events }) => ({
    schemaVersion: 2 as const,
    name,
    seed,
    ...(mode ? { mode } : {}),
    cluster: {
      nodes: nodeNames.map((n, i) => ({ name: n, ip: `192.168.0.${11 + i}`, podCIDR: `10.244.${i + 1}.0/24` })),
      pods: pods.map((p) => ({
        name: p.name,
        node: nodeNames[p.node % nodeNames.length]!,
        labels: { app: p.app },
        ready: p.ready,
        ...(p.named ? { namespace: 'default', ports: [{ name: 'http', containerPort: 8080 }] } : {}),
      })),
      services: services.map((s) => ({
        name: s.name,
        selector: { app: s.app },
        ports: [{ port: s.port, ...(s.target === null ? {} : { targetPort: s.target }) }],
        ...(s.affinity ? { sessionAffinity: 'ClientIP' as const } : {}),
      })),
    },
    traffic: traffic.map((t) => {
      const service = services[t.service % services.length]!;
      return { from: pods[t.pod % pods.length]!.name, to: service.name, port: service.port };
    }),
    // Readiness flips: control-plane events that keep every pod, so any traffic stays valid.
    events: events.map((e) => ({
      at: e.at,
      action: e.ready ? ('set-ready' as const) : ('set-not-ready' as const),
      pod: pods[e.pod % pods.length]!.name,
    })),
  }));

const neverThrows = (text: string) => {
  const r = decodeScenario(text);
  if (r.ok) expect(parseScenario(r.scenario)).toEqual(r);
  else for (const e of r.errors) expect(typeof e.path === 'string' && e.message.length > 3).toBe(true);
};

describe('properties', () => {
  it('round-trips every valid generated scenario to the same parsed scenario', () => {
    fc.assert(
      fc.property(scenarioInput, (input) => {
        const parsed = parseScenario(input);
        if (!parsed.ok) throw new Error(`the generator made an invalid scenario: ${messages(parsed)}`);
        expect(decodeScenario(encodeScenario(parsed.scenario))).toEqual(parsed);
      }),
      propertyParams(300),
    );
  });

  it('never throws on arbitrary strings, and gives a valid scenario or errors', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), neverThrows), propertyParams(500));
  });

  it('never throws on strings in lz-string alphabet, which reach the decompressor', () => {
    const alphabet = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$ ');
    fc.assert(fc.property(fc.string({ unit: alphabet, minLength: 1, maxLength: 2000 }), neverThrows), propertyParams(500));
  });

  it('never throws on a valid link cut short or with a character changed', () => {
    const encoded = encodeScenario(presetScenario('session-affinity')!);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
    fc.assert(
      fc.property(fc.nat({ max: encoded.length - 1 }), fc.nat({ max: alphabet.length - 1 }), fc.boolean(), (at, c, cut) => {
        neverThrows(cut ? encoded.slice(0, at) : encoded.slice(0, at) + alphabet[c] + encoded.slice(at + 1));
      }),
      propertyParams(500),
    );
  });

  it('never throws on arbitrary JSON, compressed or as a file', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 6 }), (json) => {
        neverThrows(pack(json));
        const r = readScenarioJson(json);
        expect(r.ok || r.errors.length > 0).toBe(true);
      }),
      propertyParams(300),
    );
  });
});

describe('readScenarioJsonValue: the checks before the schema, for a scenario validated elsewhere', () => {
  it('hands back the JSON value, even one the schema would refuse', () => {
    expect(readScenarioJsonValue('{"schemaVersion": 1, "name": 3}')).toEqual({ ok: true, value: { schemaVersion: 1, name: 3 } });
  });

  it.each([
    ['broken JSON', '{', 'is not valid JSON'],
    ['another schema version', '{"schemaVersion": 3}', 'is not one this page reads'],
    ['a __proto__ key', '{"__proto__": {}}', '"__proto__" is not allowed as a key'],
    ['300 KB', 'x'.repeat(300 * 1024), 'the limit is 256 KB'],
  ])('refuses %s with the same error readScenarioJson gives', (_what, text, message) => {
    const r = readScenarioJsonValue(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toContain(message);
    expect(readScenarioJson(text)).toEqual(r);
  });
});
