import { PRESET_NAMES, presetScenario, type Scenario } from '../../src/index';
import { udpVariant } from './expectations';

/** Presets bigger than this many pods are left out: a namespace and a server per pod would not fit the CI's two minutes. */
const MAX_PODS = 12;

/** Presets replayed over UDP too (the "UDP variant": reply and TTL, plain and hairpinned). */
const UDP_VARIANTS = ['article', 'hairpin'];

/** A scenario to replay, or the reason it cannot be replayed here. */
export type ParityScenario = { readonly scenario: Scenario } | { readonly name: string; readonly skip: string };

/** Every iptables-mode preset that fits (with control-plane events or not), the UDP variants, and the rest with the reason they are left out. */
export function parityScenarios(): ParityScenario[] {
  const list: ParityScenario[] = PRESET_NAMES.map((name) => {
    const scenario = presetScenario(name)!;
    if (scenario.mode !== 'iptables') return { name, skip: `${scenario.mode} mode` };
    if (scenario.cluster.pods.length > MAX_PODS)
      return { name, skip: `${scenario.cluster.nodes.length} nodes and ${scenario.cluster.pods.length} pods: too big for a quick run` };
    return { scenario };
  });
  for (const name of UDP_VARIANTS) {
    const scenario = udpVariant(name);
    if (scenario) list.push({ scenario });
  }
  return list;
}
