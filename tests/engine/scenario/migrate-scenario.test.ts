import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decodeScenario, parseScenario, PRESET_NAMES, PRESETS, presetScenario, readScenarioJson } from '../../../src/index';

// A version 1 document is what a link or a file saved before version 2 holds: the same
// fields, schemaVersion 1. Each preset, written that way, must open as the same scenario.
const asVersion1 = (name: string) => ({ ...PRESETS[name]!, schemaVersion: 1 });
const smallPresets = PRESET_NAMES.filter((n) => n !== 'large' && n !== 'scale');

describe('schema version 1 documents', () => {
  it.each(smallPresets)('opens preset %s written as version 1, as the version 2 scenario', (name) => {
    const parsed = parseScenario(asVersion1(name));
    expect(parsed).toEqual({ ok: true, scenario: presetScenario(name) });
    if (parsed.ok) expect(parsed.scenario.schemaVersion).toBe(2);
  });

  it.each(smallPresets)('opens a version 1 file and link of preset %s', (name) => {
    const json = JSON.stringify(asVersion1(name));
    expect(readScenarioJson(json)).toEqual({ ok: true, scenario: presetScenario(name) });
    expect(decodeScenario(LZString.compressToEncodedURIComponent(json))).toEqual({ ok: true, scenario: presetScenario(name) });
  });

  it('still names the version of a document it cannot read', () => {
    const read = readScenarioJson(JSON.stringify({ ...PRESETS.article, schemaVersion: 3 }));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.errors[0]).toMatchObject({ path: 'schemaVersion', message: expect.stringMatching(/reads versions 1 and 2/) });
  });
});
