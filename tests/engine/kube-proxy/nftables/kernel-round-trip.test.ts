import { describe, expect, it } from 'vitest';
import { buildCluster } from '../../../../src/cluster/build-cluster';
import { endpointSliceInputs, nftablesConfigFor, serviceInputs } from '../../../../src/dataplane/node-proxier';
import { printNftList, printNftTransaction, syncNftablesRules, type NftTable } from '../../../../src/kube-proxy/nftables';
import { PRESETS, presetScenario } from '../../../../src/scenario/presets';
import { kernelUnavailableReason, loadAndList } from './kernel-nft';
import { LIST_SCENARIOS } from './list-scenarios';

// The engine's `nft list` text is what the kernel itself prints: `nft -f` loads the engine's
// transaction into a fresh network namespace and `nft list table` there must print the
// engine's listing back byte for byte. Runs as root with nft (CI installs Debian's
// nftables); anywhere else every test here is reported skipped, with the reason in its name.
const unavailable = kernelUnavailableReason();
const suffix = unavailable === null ? '' : ` (skipped: ${unavailable})`;

/** The large preset has 100 nodes of 1,000 Services each; its first three stand for the rest. */
const NODES_PER_PRESET = (preset: string, count: number): number => (preset === 'large' ? Math.min(3, count) : count);

function presetTables(preset: string): [string, NftTable][] {
  const scenario = presetScenario(preset);
  if (scenario === undefined) throw new Error(`no preset ${preset}`);
  const built = buildCluster(scenario);
  if (!built.ok) throw new Error(`preset ${preset} does not build`);
  const { cluster } = built;
  const services = serviceInputs(cluster);
  const slices = endpointSliceInputs(cluster);
  return cluster.nodes
    .slice(0, NODES_PER_PRESET(preset, cluster.nodes.length))
    .map((node) => [node.name, syncNftablesRules(nftablesConfigFor(cluster, node), services, slices)]);
}

function expectRoundTrip(table: NftTable): void {
  expect(loadAndList(printNftTransaction(table), table.family, table.name)).toBe(printNftList(table));
}

describe(`the kernel lists the engine's table as the engine prints it${suffix}`, () => {
  it.skipIf(unavailable !== null).each(Object.keys(LIST_SCENARIOS))(`scenario %s${suffix}`, (name) => {
    expectRoundTrip(LIST_SCENARIOS[name]!());
  });

  it.skipIf(unavailable !== null).each(Object.keys(PRESETS))(
    `every node of preset %s (large: its first 3 of 100)${suffix}`,
    (preset) => {
      const tables = presetTables(preset);
      expect(tables.length).toBeGreaterThan(0);
      for (const [, table] of tables) expectRoundTrip(table);
    },
    60_000,
  );
});
