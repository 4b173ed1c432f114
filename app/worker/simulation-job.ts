import { parseScenario, simulate, type SimulateProgress } from '../../src/index';
import type { SimulationJob, SimulationOutcome } from '../store/background-simulator';

/**
 * What a background run does, on whatever thread runs it: validate the
 * scenario, then simulate it in the job's (or its own) mode and scheduler.
 * The worker calls it; tests call it directly to get the main thread's answer.
 */
export function runSimulationJob(job: SimulationJob, onProgress?: (progress: SimulateProgress) => void): SimulationOutcome {
  const parsed = parseScenario(job.input);
  if (!parsed.ok) return parsed;
  const { scenario } = parsed;
  const trace = simulate(scenario, {
    mode: job.mode ?? scenario.mode,
    scheduler: job.scheduler ?? scenario.scheduler,
    ...(job.seed === undefined ? {} : { seed: job.seed }),
    ...(onProgress ? { onProgress } : {}),
  });
  return { ok: true, scenario, trace };
}
