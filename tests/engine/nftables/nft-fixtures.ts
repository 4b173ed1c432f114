// Small rulesets and packets for the evaluator's tests.
import { unwrap } from '../../../src/net/result';
import { compileNft, parseNft, type NftEnv, type NftPacketContext, type NftProgram } from '../../../src/nftables';

/** A table `ip t` with these lines after `add table ip t` (chains, sets, rules in nft -f form). */
export const program = (...lines: string[]): NftProgram => load(['add table ip t', ...lines].join('\n'));

/** Any nft input, parsed and compiled (it must be valid). */
export const load = (text: string): NftProgram => unwrap(compileNft(unwrap(parseNft(text))));

/** A new TCP connection from pod 10.0.0.2 to 172.30.0.41:80 (or as overridden). */
export function packet(
  over: Partial<NftPacketContext['packet']> = {},
  ctx: Partial<Omit<NftPacketContext, 'packet'>> = {},
): NftPacketContext {
  return {
    packet: { family: 'ip', saddr: '10.0.0.2', daddr: '172.30.0.41', l4proto: 'tcp', sport: 40000, dport: 80, ...over },
    mark: 0,
    ctState: 'new',
    ctStatus: [],
    ...ctx,
  };
}

/** numgen always answers 0 unless told; the node owns 192.168.0.2. */
export function env(over: Partial<NftEnv> = {}): NftEnv {
  return { numgen: () => 0, now: 0, isLocalAddress: (ip) => ip === '192.168.0.2', dynamicSets: {}, ...over };
}

/** A filter chain at `hook` whose one rule is `rule` (then accept by policy). */
export const oneRule = (rule: string, hook = 'prerouting'): NftProgram =>
  program(`add chain ip t c { type filter hook ${hook} priority 0 ; }`, `add rule ip t c ${rule}`);
