import { parseArgs } from 'node:util';
import { clusterEventsBackend, registerClusterEvents } from '../../src/index';
import { BREAKS } from './break-rules';
import { engineExpectation } from './expectations';
import { existingParityNamespaces, ParityRun } from './namespaces';
import { missingPrerequisite } from './prerequisites';
import { check, formatCheck, formatSummary, skipped, type Check } from './report';
import { runScenario } from './run-scenario';
import { runTimeline } from './run-timeline';
import { parityScenarios } from './scenario-list';
import { run as runCommand } from './shell';

// The timelines' scenarios have control-plane events: their engine is registered as the CLI registers it.
registerClusterEvents(clusterEventsBackend);

/**
 * `npm run -s parity`: the engine's scenarios replayed on this machine's kernel, in network
 * namespaces of their own (tests/parity/README section in the project README). Exit code 1
 * on any failure; everything SKIPPED, exit code 0, when the machine cannot do it.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { break: { type: 'string' }, only: { type: 'string' } } });
  const spoil = values.break === undefined ? undefined : BREAKS[values.break];
  if (values.break !== undefined && !spoil) throw new Error(`--break must be one of ${Object.keys(BREAKS).join(', ')}`);
  const only = values.only?.split(',');
  const scenarios = parityScenarios().filter((s) => !only || only.includes('scenario' in s ? s.scenario.name : s.name));
  const checks: Check[] = [];
  const report = (c: Check) => {
    checks.push(c);
    process.stdout.write(`${formatCheck(c)}\n`);
  };
  const missing = missingPrerequisite();
  if (missing) {
    for (const s of scenarios) report(skipped('scenario' in s ? s.scenario.name : s.name, missing));
    report(skipped('ipvs', missing));
    return finish(checks);
  }
  const parity = new ParityRun(Date.now().toString(36).slice(-6));
  const stop = (code: number) => () => {
    parity.cleanup();
    process.exit(code);
  };
  process.on('SIGINT', stop(130));
  process.on('SIGTERM', stop(143));
  process.on('exit', () => parity.cleanup());
  parity.start();
  try {
    report(ipvsCheck(parity));
    let n = 0;
    for (const s of scenarios) {
      if (!('scenario' in s)) report(skipped(s.name, s.skip));
      else {
        const exp = engineExpectation(s.scenario);
        const tag = `s${n++}`;
        // Events, or clients outside (a connection dropped after one answered): every connection in order.
        const inOrder = s.scenario.events.length > 0 || (s.scenario.cluster.externalClients ?? []).length > 0;
        const results = inOrder ? await runTimeline(parity, exp, tag) : await runScenario(parity, exp, tag, { spoil });
        results.forEach(report);
      }
    }
  } finally {
    parity.cleanup();
  }
  report(await leftoversCheck(parity));
  return finish(checks);
}

/** IPVS mode needs the ip_vs module, which this suite never loads: say whether the kernel has it. */
function ipvsCheck(parity: ParityRun): Check {
  const probe = parity.addNamespace('probe');
  const hasIpvs = runCommand('ip', ['netns', 'exec', probe, 'cat', '/proc/net/ip_vs']).ok;
  parity.teardown([probe]);
  return skipped(
    'ipvs',
    hasIpvs ? 'IPVS mode is not replayed yet' : 'this kernel has no IPVS (no /proc/net/ip_vs; the suite loads no module)',
  );
}

/** The suite's own last check: no `pwpar-` namespace and none of its processes remain. */
async function leftoversCheck(parity: ParityRun): Promise<Check> {
  for (let i = 0; i < 30 && parity.livePids().length > 0; i++) await new Promise((r) => setTimeout(r, 100));
  const namespaces = existingParityNamespaces();
  const pids = parity.livePids();
  const clean = namespaces.length === 0 && pids.length === 0;
  const detail = clean
    ? 'no pwpar- namespace and no process of this run remain'
    : `left: namespaces ${namespaces.join(', ') || 'none'}; PIDs ${pids.join(', ') || 'none'}`;
  return check(clean, 'cleanup', detail);
}

function finish(checks: readonly Check[]): number {
  process.stdout.write(`${formatSummary(checks)}\n`);
  return checks.some((c) => c.status === 'FAIL') ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`parity: ${(e as Error).message}\n`);
    process.exit(1);
  },
);
