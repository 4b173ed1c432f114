import { encodeScenario, parseScenario, readScenarioJsonValue, simulate, type SimulateProgress } from '../../src/index';
import type { SimulationJob, SimulationOutcome } from '../store/background-simulator';

/**
 * What a background run does, on whatever thread runs it: read the JSON text
 * (for a file), validate the scenario, then simulate it in the job's (or its own) mode and scheduler,
 * and encode its `s=` link when asked (compressing a 10,000-Service scenario takes the main thread 140 ms).
 * The worker calls it; tests call it directly to get the main thread's answer.
 */
export function runSimulationJob(job: SimulationJob, onProgress?: (progress: SimulateProgress) => void): SimulationOutcome {
  const read = job.textLimit === undefined ? null : readScenarioJsonValue(String(job.input), { maxChars: job.textLimit });
  if (read && !read.ok) return read;
  const parsed = parseScenario(read ? read.value : job.input);
  if (!parsed.ok) return parsed;
  const { scenario } = parsed;
  const trace = simulate(scenario, {
    mode: job.mode ?? scenario.mode,
    scheduler: job.scheduler ?? scenario.scheduler,
    ...(job.seed === undefined ? {} : { seed: job.seed }),
    ...(onProgress ? { onProgress } : {}),
  });
  return { ok: true, scenario, trace, ...(job.link ? { link: encodeScenario(scenario) } : {}) };
}
