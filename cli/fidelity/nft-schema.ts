import { z } from 'zod';
import { endpointSliceSchema, opSchema, packetFlowSchema, serviceSchema } from './schema';

/*
 * The nftables corpus' cases (tests/fidelity/kube-proxy-nftables-cases.json): the same
 * envelope, services, slices and packet flows as the iptables corpus, with the nftables
 * proxier's config and its own case kinds and auxiliary tables.
 */

export const nftConfigSchema = z.looseObject({
  ipFamily: z.enum(['IPv4', 'IPv6']),
  nftablesFamily: z.enum(['ip', 'ip6']),
  table: z.literal('kube-proxy'),
  nodeName: z.string(),
  nodeIP: z.string(),
  localDetector: z.looseObject({ mode: z.literal('ClusterCIDR'), cidr: z.string() }).nullable(),
  masqueradeAll: z.boolean(),
  masqueradeMark: z.string(),
  nodePortAddresses: z.array(z.string()).nullable(),
  /** Comma-separated, as the test passes it. */
  serviceCIDRs: z.string(),
  tracerNodeIPs: z.array(z.string()).optional(),
});

const base = { id: z.string(), goTest: z.string().optional(), description: z.string().optional(), config: nftConfigSchema };
const inputs = { services: z.array(serviceSchema), endpointSlices: z.array(endpointSliceSchema) };

const stepSchema = z.looseObject({ ops: z.array(opSchema), packetFlows: z.array(packetFlowSchema).optional() });

export const nftCaseSchema = z.discriminatedUnion('kind', [
  z.looseObject({
    ...base,
    ...inputs,
    kind: z.literal('rules'),
    expected: z.looseObject({ nftDump: z.string(), nftDumpSorted: z.string() }),
  }),
  z.looseObject({ ...base, ...inputs, kind: z.literal('flows'), packetFlows: z.array(packetFlowSchema) }),
  z.looseObject({ ...base, kind: z.literal('sequence-flows'), steps: z.array(stepSchema) }),
  z.looseObject({
    ...base,
    ...inputs,
    kind: z.literal('map-element'),
    expected: z.looseObject({ map: z.string(), elementKey: z.array(z.string()), present: z.boolean() }),
  }),
]);

export type NftCase = z.infer<typeof nftCaseSchema>;
export type NftConfig = z.infer<typeof nftConfigSchema>;

/** The auxiliary tables the nftables runner checks, by their key in `auxiliary`. */
export const nftAuxiliarySchemas = {
  chainNames: z.array(
    z.looseObject({
      kind: z.enum(['servicePort', 'endpoint']),
      namespace: z.string(),
      service: z.string(),
      protocol: z.string(),
      portName: z.string(),
      endpoint: z.string().nullable(),
      expectedBase: z.string(),
    }),
  ),
  chainNameRules: z.looseObject({ prefixes: z.record(z.string(), z.string()) }),
  sortNormalizationCases: z.array(z.looseObject({ name: z.string(), input: z.string(), output: z.string() })),
};
