import { z } from 'zod';

/*
 * The fidelity corpus format (tests/fidelity/kube-proxy-cases.json, schemaVersion 1).
 * Objects are loose: fields this runner does not read (descriptions, isLocal, selector...)
 * pass through. The file's envelope is checked as a whole (corpusSchema); each case and
 * each auxiliary table is checked on its own (parse-entry.ts), so one case this runner
 * cannot read is reported as that case and the others still run.
 */

const conditions = z.looseObject({
  ready: z.boolean().nullable().optional(),
  serving: z.boolean().nullable().optional(),
  terminating: z.boolean().nullable().optional(),
});

export const endpointSliceSchema = z.looseObject({
  namespace: z.string(),
  serviceName: z.string(),
  name: z.string(),
  addressType: z.enum(['IPv4', 'IPv6', 'FQDN']),
  endpoints: z.array(
    z.looseObject({
      addresses: z.array(z.string()),
      nodeName: z.string().nullable().optional(),
      conditions: conditions.nullable().optional(),
      zone: z.string().nullable().optional(),
      hints: z
        .looseObject({
          forZones: z.array(z.looseObject({ name: z.string() })).optional(),
          forNodes: z.array(z.looseObject({ name: z.string() })).optional(),
        })
        .nullable()
        .optional(),
    }),
  ),
  ports: z.array(
    z.looseObject({
      name: z.string().nullable().optional(),
      port: z.number().int().nullable().optional(),
      protocol: z.string().nullable().optional(),
    }),
  ),
});

export const serviceSchema = z.looseObject({
  namespace: z.string(),
  name: z.string(),
  type: z.enum(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']).optional(),
  clusterIP: z.string().optional(),
  clusterIPs: z.array(z.string()).optional(),
  ports: z.array(
    z.looseObject({
      name: z.string(),
      port: z.number().int(),
      protocol: z.string(),
      nodePort: z.number().int().optional(),
      targetPort: z.union([z.number(), z.string()]).optional(),
    }),
  ),
  externalIPs: z.array(z.string()).optional(),
  loadBalancerIngress: z
    .array(z.looseObject({ ip: z.string().optional(), hostname: z.string().optional(), ipMode: z.string().optional() }))
    .optional(),
  loadBalancerSourceRanges: z.array(z.string()).optional(),
  externalTrafficPolicy: z.enum(['Cluster', 'Local']).optional(),
  internalTrafficPolicy: z.enum(['Cluster', 'Local']).optional(),
  healthCheckNodePort: z.number().int().optional(),
  sessionAffinity: z.enum(['None', 'ClientIP']).optional(),
  sessionAffinityTimeoutSeconds: z.number().int().optional(),
});

export const proxierConfigSchema = z.looseObject({
  ipFamily: z.enum(['IPv4', 'IPv6']),
  nodeName: z.string(),
  nodeIP: z.string(),
  // null or NoOp: proxyutil.NewNoOpLocalDetector(), no pod CIDR to tell pod traffic by.
  localDetector: z
    .discriminatedUnion('mode', [
      z.looseObject({ mode: z.literal('ClusterCIDR'), cidr: z.string() }),
      z.looseObject({ mode: z.literal('NoOp') }),
    ])
    .nullable(),
  masqueradeAll: z.boolean(),
  masqueradeMark: z.string(),
  localhostNodePorts: z.boolean(),
  nodePortAddresses: z.array(z.string()).nullable(),
  nfacctCounters: z.record(z.string(), z.boolean()),
  conntrackTCPLiberal: z.boolean(),
  hasRandomFully: z.boolean(),
  largeClusterEndpointsThreshold: z.number().int(),
});

export const packetFlowSchema = z.looseObject({
  name: z.string(),
  sourceIP: z.string(),
  protocol: z.string(),
  destIP: z.string(),
  destPort: z.number().int(),
  output: z.string(),
  masq: z.boolean(),
});

const chainExpectation = z.looseObject({ table: z.enum(['filter', 'nat']), chain: z.string(), rules: z.string() });

export const opSchema = z.looseObject({ op: z.string() });

const stepSchema = z.looseObject({
  ops: z.array(opSchema).optional(),
  packetFlows: z.array(packetFlowSchema).optional(),
  syncType: z.string().optional(),
});

/** TestSyncProxyRulesLargeClusterMode's countEndpointsAndComments: a field is there only where the test asserts it. */
const endpointCount = z.looseObject({
  matchEndpoint: z.string(),
  matched: z.string().optional(),
  numEndpoints: z.number().int().optional(),
  numComments: z.number().int().optional(),
});

const largeClusterStep = z.looseObject({
  ops: z.array(opSchema),
  syncType: z.enum(['full', 'partial']),
  staleChainCleanupDue: z.boolean().optional(),
  countEndpointsAndComments: endpointCount.optional(),
  contains: z.array(z.string()).optional(),
  notContains: z.array(z.string()).optional(),
});

const base = { id: z.string(), goTest: z.string().optional(), description: z.string().optional() };
const generated = {
  ...base,
  config: proxierConfigSchema,
  services: z.array(serviceSchema),
  endpointSlices: z.array(endpointSliceSchema),
  packetFlows: z.array(packetFlowSchema).optional(),
  chainExpectations: z.array(chainExpectation).optional(),
};

export const caseSchema = z.discriminatedUnion('kind', [
  z.looseObject({
    ...base,
    kind: z.literal('static-rules-trace'),
    config: z.looseObject({ nodeIPsTreatedAsLOCAL: z.array(z.string()).optional() }),
    rules: z.string(),
    packetFlows: z.array(packetFlowSchema),
  }),
  z.looseObject({ ...generated, kind: z.literal('rules'), expected: z.looseObject({ iptablesRestore: z.string() }) }),
  z.looseObject({ ...generated, kind: z.literal('flows'), packetFlows: z.array(packetFlowSchema) }),
  z.looseObject({ ...generated, kind: z.literal('chain'), chainExpectations: z.array(chainExpectation) }),
  z.looseObject({ ...base, kind: z.literal('sequence-flows'), config: proxierConfigSchema, steps: z.array(stepSchema) }),
  z.looseObject({ ...base, kind: z.literal('sequence'), config: proxierConfigSchema, steps: z.array(stepSchema) }),
  z.looseObject({ ...base, kind: z.literal('large-cluster-assertions'), config: proxierConfigSchema, steps: z.array(largeClusterStep) }),
]);

/** The envelope: what the runner needs before it can report any case. */
export const corpusSchema = z.looseObject({
  schemaVersion: z.literal(1),
  conventions: z
    .looseObject({
      testNodeIPs_treatedAsLOCAL_byTracer: z.array(z.string()).optional(),
      fakeNetworkInterfaces: z.record(z.string(), z.array(z.string())).optional(),
    })
    .optional(),
  cases: z.array(z.looseObject({ id: z.string() })),
  auxiliary: z.record(z.string(), z.unknown()).optional(),
});

/** The auxiliary tables this runner checks, by their key in `auxiliary`. */
export const auxiliarySchemas = {
  chainNames: z.array(z.looseObject({ prefix: z.string(), hashInput: z.string(), expectedChain: z.string() })),
  computeProbability: z.looseObject({ values: z.record(z.string(), z.string()) }),
  sortNormalizationCases: z.array(z.looseObject({ name: z.string(), input: z.string(), output: z.string() })),
};

export type Corpus = z.infer<typeof corpusSchema>;
/** A case as the envelope sees it: an id and fields not checked yet. */
export type RawCase = Corpus['cases'][number];
export type FidelityCase = z.infer<typeof caseSchema>;
export type PacketFlow = z.infer<typeof packetFlowSchema>;

/** Validates parsed JSON; the error names the first offending path. */
export function parseCorpus(json: unknown): { ok: true; value: Corpus } | { ok: false; error: string } {
  const r = corpusSchema.safeParse(json);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  const path = issue ? issue.path.map(String).join('.') : '';
  return { ok: false, error: `does not match the fidelity schema at ${path || '(root)'}: ${issue?.message ?? 'invalid'}` };
}
