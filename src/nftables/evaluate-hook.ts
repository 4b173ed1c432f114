import type { NftHook } from '../kube-proxy/nftables/table';
import type { CompiledChain, CompiledTable, NftProgram } from './compile';
import { evaluateBaseChain, type NftNatDecision } from './evaluate-chain';
import type { EvaluatedNftRule } from './evaluated-rule';
import type { WalkState } from './evaluate-rule';
import type { NftDynamicSets, NftEnv, NftPacket, NftPacketContext } from './packet-context';
import type { NftRulesetBaseChain } from './ruleset';

/** Which of the hook's base chains to run (default: all); the engine's walk runs a hook's chains in slices, one per step. */
export interface NftHookOptions {
  readonly chains?: (base: NftRulesetBaseChain) => boolean;
}

/** One base chain the packet went through at the hook, and how it ended. */
export interface NftChainPass {
  readonly table: string;
  readonly chain: string;
  readonly type: 'filter' | 'nat';
  readonly priority: number;
  readonly verdict: 'accept' | 'drop' | 'reject';
  readonly nat: NftNatDecision | null;
}

export interface NftHookResult {
  /** accept unless a base chain dropped or rejected the packet. */
  readonly verdict: 'accept' | 'drop' | 'reject';
  /** The packet after any DNAT. */
  readonly packet: NftPacket;
  readonly mark: number;
  /** The base chains run, in order (those after a drop or reject are not). */
  readonly chains: readonly NftChainPass[];
  /** Every rule evaluated, in order. */
  readonly evaluated: readonly EvaluatedNftRule[];
  /** The dynamic sets after the `update` statements met. */
  readonly dynamicSets: NftDynamicSets;
}

/**
 * Runs a packet through every base chain of its family at one hook, in priority order
 * (a lower number first; at the same priority, in the order the chains were created), as
 * netfilter calls them: an accept only ends that chain, and the next one runs; a drop or
 * reject ends the hook; a DNAT rewrites the packet the later chains see. Pure: the env's
 * numgen is the only thing drawn from.
 *
 * @example evaluateNftHook(program, 'prerouting', { packet, mark: 0, ctState: 'new', ctStatus: [] }, env).evaluated
 */
export function evaluateNftHook(
  program: NftProgram,
  hook: NftHook,
  ctx: NftPacketContext,
  env: NftEnv,
  options: NftHookOptions = {},
): NftHookResult {
  const s: WalkState = { ctx, mark: ctx.mark, dynamic: { ...env.dynamicSets } as WalkState['dynamic'] };
  const evaluated: EvaluatedNftRule[] = [];
  const chains: NftChainPass[] = [];
  let verdict: NftHookResult['verdict'] = 'accept';
  for (const [t, chain] of baseChainsAt(program, ctx.packet.family, hook)) {
    if (options.chains && !options.chains(chain.base!)) continue;
    const end = evaluateBaseChain(t, chain, s, env, evaluated);
    const base = chain.base!;
    chains.push({ table: `${t.table.family} ${t.table.name}`, chain: chain.name, type: base.type, priority: base.priority, ...end });
    if (end.verdict !== 'accept') {
      verdict = end.verdict;
      break;
    }
  }
  return { verdict, packet: s.ctx.packet, mark: s.mark, chains, evaluated, dynamicSets: s.dynamic };
}

/** The base chains of a family at a hook, by priority, stable. */
export function baseChainsAt(program: NftProgram, family: string, hook: NftHook): [CompiledTable, CompiledChain][] {
  const found: [CompiledTable, CompiledChain][] = [];
  for (const t of program.tables) {
    if (t.table.family !== family) continue;
    for (const c of t.chains.values()) if (c.base?.hook === hook) found.push([t, c]);
  }
  return found.sort((a, b) => a[1].base!.priority - b[1].base!.priority);
}
