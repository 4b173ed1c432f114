/**
 * packetwalk's engine: the public API the app and the CLI use. Pure and
 * deterministic; no DOM, no React, no clock.
 */

/**
 * Simulates a scenario's traffic hop by hop through veths, the cbr0 bridge,
 * netfilter hooks with kube-proxy's iptables rules, and conntrack.
 * @example simulate(presetScenario('article')!).connections[0]?.endpointPod // 'pod4'
 */
export { simulate, type SimulateOptions, type SimulateProgress } from './trace/simulate';
/**
 * What is on screen at a cursor `{ step, t }`.
 * @example frameAt(trace, { step: 0, t: 0 })?.from // 'pod1/eth0'
 */
export { frameAt } from './trace/frame-at';
/**
 * Validates untrusted scenario JSON (a file, a URL, pasted text) into a Scenario or readable errors.
 * @example parseScenario({}).ok // false
 */
export { parseScenario, type ScenarioError, type ScenarioResult } from './scenario/parse-scenario';
/**
 * The named scenarios: `article` (the article's cluster), `same-node`, `cross-node`,
 * `no-endpoints`, `hairpin`, `session-affinity`, `node-to-service`, `three-replicas`.
 * @example presetScenario('article')?.cluster.nodes.length // 2
 */
export { PRESETS, PRESET_NAMES, presetScenario } from './scenario/presets';
export { SCENARIO_SCHEMA_VERSION, type ClusterEvent, type Scenario, type ScenarioInput } from './scenario/schema';
/**
 * The English and Chinese text for a step's note, or its `articleNote` (the article's
 * wording where it covers the step; how the article tells it, in its own scenario).
 * @example narrate(step.note, 'zh')
 */
export { narrate, type Lang } from './trace/narration';
/**
 * kube-proxy's rules for one node, as `iptables-save` prints them on that node.
 * @example nodeIptablesSave(presetScenario('article')!, 'vm1')
 */
export { nodeIptablesSave, nodeConntrackList, nodeIpvsadm, nodeIpsetList, nodeKubeIpvs0 } from './trace/node-views';
/**
 * kube-proxy's table for one node in nftables mode, as `nft list table ip kube-proxy` prints it
 * (the table `simulate(scenario, { mode: 'nftables' })` walks packets through).
 * @example nodeNftList(presetScenario('article')!, 'vm1')
 */
export { nodeNftList } from './trace/node-views';
/**
 * IPVS and nftables mode's engines, reached only through the ones registered: a program that
 * runs those modes calls `registerEveryModeEngine()` once before simulating in them or
 * printing a node's tables. The page's first chunk leaves them out and registers each on demand.
 * @example registerEveryModeEngine()
 */
export { registerModeEngine, hasModeEngine, type ModeEngines, type NftBackend, type IpvsBackend } from './dataplane/mode-engines';
export { registerEveryModeEngine } from './dataplane/register-every-mode';
export { nftablesBackend } from './dataplane/nftables-backend';
export { ipvsBackend } from './dataplane/ipvs-backend';
/**
 * Control-plane events' engine (an event applied, kube-proxy's resync on every node, the
 * sentences of those steps), reached only through the one registered: a program that checks,
 * simulates or narrates a scenario with `events` calls `registerClusterEvents(clusterEventsBackend)`
 * once first. The page's first chunk leaves it out and registers it on demand.
 * @example registerClusterEvents(clusterEventsBackend)
 */
export { registerClusterEvents, hasClusterEvents, type ClusterEventsEngine } from './trace/cluster-events';
export { clusterEventsBackend } from './trace/cluster-events-backend';
/**
 * What the nftables panel draws for a step: its rules by chain, the lookups with the
 * matched element, the node's listing (as it stood at the step) with the matched lines marked.
 * @example nftStepView(nodeNftListAt(scenario, trace, 5, 'vm1')!, step.nftRules).groups
 */
export { nodeNftListAt } from './trace/nft-list-at';
export {
  nftStepView,
  type NftStepView,
  type NftChainGroup,
  type NftRuleView,
  type NftLookupView,
  type NftLineMark,
} from './nftables/list-view';
/**
 * The line `conntrack -L` prints after its listing (on stderr).
 * @example formatConntrackSummary(1) // 'conntrack v1.4.7 (conntrack-tools): 1 flow entries have been shown.'
 */
export { formatConntrackSummary } from './conntrack/format-conntrack';
/**
 * The cluster as it was at a step of a trace (pods and Services come and go with events).
 * @example topologyAt(trace, 0).pods.length
 */
export { topologyAt } from './trace/topology';
/**
 * Whether a step moves a packet (a hop of a connection) or is a control-plane
 * event (the API server's `api-event`, a node's `kube-proxy-sync`): narrow with
 * it before reading a step's packet, rules or stage.
 * @example trace.steps.filter(isPacketStep).map((s) => s.after.dstIp)
 */
export { isControlPlaneStep, isPacketStep } from './trace/is-packet-step';
/**
 * The step of another mode's trace that shows the same packet at the same place.
 *
 * @example matchingStep(iptablesTrace, cursor.step, ipvsTrace)
 */
export { matchingStep } from './trace/matching-step';
export type * from './trace/types';
export type { EvaluatedRule, RuleVerdict, TableName } from './netfilter/evaluated-rule';
export type { EvaluatedNftRule, NftLookup, NftRuleVerdict } from './nftables/evaluated-rule';
export type { IptablesRuleDetail, NftNote, NftRuleDetail, RuleDetail, RuleDetailCode, RuleDetailPart } from './netfilter/rule-detail';
/**
 * Why an evaluated rule (iptables, nftables, or a pasted dump's) did what it did, in English
 * or Chinese: the evaluator records a code and the tokens a node prints (a failed match as
 * iptables-save writes it, xt_statistic's draw, the DNAT address), the words are the reader's.
 *
 * @example ruleDetailText({ code: 'dnat', ip: '10.244.2.3', port: 8080 }, 'zh') // '--to-destination 10.244.2.3:8080'
 */
export { ruleDetailText } from './netfilter/rule-detail-text';
/**
 * The chain a jump or goto rule went to, from its detail (null for another detail).
 *
 * @example jumpedChain(step.rules[1].detail) // 'KUBE-SVC-6FQZKDMVESNX7NUN'
 */
export { jumpedChain } from './netfilter/rule-detail';
export type { IcmpError, IcmpPacket, Packet, Protocol, QuotedPacket, StepPacket, TcpFlag } from './net/packet';
/**
 * A step's packet addresses as text: "10.244.1.2:39916", or the bare IP for an ICMP
 * error, which has no ports; and the refused packet an ICMP error quotes.
 * @example packetAddress(step.after, 'dst') // '10.244.2.3:8080'
 */
export { formatQuoted, packetAddress } from './net/packet';
/**
 * Branded ids (declared once, in src/net/ids.ts): a node name, a pod name and a device on
 * the drawing ("vm1/cbr0", "pod1/eth0") are distinct types, so one cannot be passed for another.
 * @example const from: DeviceId | undefined = frameAt(trace, { step: 0, t: 0 })?.from // 'pod1/eth0'
 */
export type { DeviceId, NodeName, PodName } from './net/ids';
/** IPVS schedulers kube-proxy can use (`ipvs.scheduler`), with the kernel's semantics. */
export { IPVS_SCHEDULERS, type IpvsScheduler } from './ipvs';
/**
 * A scenario in a link (`s=`, lz-string compressed, defaults left out) and back, and untrusted scenario JSON from a file; never throw.
 * @example decodeScenario(encodeScenario(presetScenario('article')!)).ok // true
 */
export {
  decodeScenario,
  encodeScenario,
  readScenarioJson,
  readScenarioJsonValue,
  MAX_LINK_CHARS,
  MAX_SCENARIO_JSON_CHARS,
} from './scenario/url-codec';
/**
 * Text in a link's parameter, lz-string compressed into URI-safe characters, and back from an untrusted link; never throws.
 * @example decompressLinkText(compressLinkText('-A KUBE-SERVICES'), { maxChars: 100 }) // { ok: true, text: '-A KUBE-SERVICES' }
 */
export { compressLinkText, decompressLinkText, type DecompressLinkOptions, type LinkTextProblem } from './scenario/link-compression';
/**
 * Quiz mode (predict the next hop): questions built from a trace, each asked
 * before the step it is about, with choices from the same scenario and an
 * explanation from the step's own narration; their text in English or Chinese.
 * @example const q = buildQuiz(simulate(presetScenario('article')!))[0]!; narrateQuiz(q.prompt, 'en')
 */
export { buildQuiz, narrateQuiz, type QuizChoice, type QuizKind, type QuizQuestion } from './quiz';

/**
 * The commands that show a step on a real node (iptables, iptables-save, conntrack, ipvsadm,
 * ip route, bridge, tcpdump, a TRACE rule with xtables-monitor or nft monitor trace), filled
 * with the step's values, where each runs (`kubectl debug node/...`, a pod's netns through
 * crictl and nsenter) and, where the engine can print it, what each prints.
 * @example verifyCommands(trace, 3, scenario)[0]?.commands[0]?.command // 'iptables -t nat -L KUBE-SVC-6FQZKDMVESNX7NUN -n -v --line-numbers'
 */
export { verifyCommands } from './verify/verify-commands';
export type * from './verify/types';

/**
 * The load-balancing lab: N new connections from chosen clients to a Service port, each
 * through kube-proxy's real rules (iptables `statistic` draws, `recent` affinity) or IPVS
 * (scheduler, connection counters, persistence), counted per endpoint against the share
 * the rules give, with Pearson's chi-square and its p-value where the draws are random.
 * @example runLbLab(presetScenario('three-replicas')!, { connections: 3000 }) // ok: ~1000 per endpoint
 */
export { runLbLab } from './lab/run-lb-lab';
export {
  LAB_MAX_CONNECTIONS,
  LAB_MIN_CONNECTIONS,
  type LbLabDeterminism,
  type LbLabEndpoint,
  type LbLabOptions,
  type LbLabResult,
  type LbLabRules,
  type LbLabTest,
  type LbStatisticRule,
} from './lab/lb-lab-types';
export type { Result } from './net/result';

/**
 * A node's own rules: `iptables-save` output pasted from a real node (kube-proxy, Calico,
 * Cilium, Flannel or Docker chains; counters; iptables-legacy or iptables-nft) read
 * tolerantly, and one packet followed through raw, mangle, nat and filter at each hook in
 * the kernel's order, each rule with its line in the pasted text, the deciding rule, the
 * packet after NAT and its conntrack entry. Lines that are not rules and matches the engine
 * does not model are listed by line. Plain JSON in and out, for a Web Worker.
 * @example traceNodeDump({ text, packet: { src: '10.244.1.2', dst: '10.96.0.10', sport: 40000, dport: 53, protocol: 'udp' }, origin: 'pod', facts: { localAddresses: ['10.0.0.2'] } })
 */
export { traceNodeDump, readNodeDump, parseIpsetSave, detectDumpKind, noteText } from './node-trace';
export type * from './node-trace';
