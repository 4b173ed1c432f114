import type { IpvsScheduler, ProxyMode } from '../../src/index';
import type { SimulationPurpose } from '../store/types';
import type { Lang } from './lang';

/** The background simulation's progress bar and its failure message. */
export interface SimulationStrings {
  /** What is being simulated: a scenario that was opened, or the one on screen in another mode or with another scheduler. */
  readonly running: (purpose: SimulationPurpose, mode: ProxyMode, scheduler: IpvsScheduler) => string;
  readonly cancel: string;
  /** The Cancel button's description: Escape does the same, and the page stays as it is. */
  readonly cancelHint: string;
  readonly failed: (reason: string) => string;
  readonly dismiss: string;
}

export const simulationStrings: Readonly<Record<Lang, SimulationStrings>> = {
  en: {
    running: (purpose, mode, scheduler) =>
      purpose === 'scenario'
        ? 'Simulating the scenario…'
        : purpose === 'mode'
          ? `Simulating in ${mode === 'ipvs' ? 'IPVS' : mode} mode…`
          : `Simulating with the ${scheduler} scheduler…`,
    cancel: 'Cancel',
    cancelHint: 'Stops the simulation (also Escape); the scenario on screen stays.',
    failed: (reason) => `The scenario could not be simulated (${reason}). The previous one is still on screen.`,
    dismiss: 'Dismiss',
  },
  zh: {
    running: (purpose, mode, scheduler) =>
      purpose === 'scenario'
        ? '正在模拟场景…'
        : purpose === 'mode'
          ? `正在以 ${mode === 'ipvs' ? 'IPVS' : mode} 模式模拟…`
          : `正在用 ${scheduler} 调度算法模拟…`,
    cancel: '取消',
    cancelHint: '停止模拟（也可按 Esc），页面上的场景保持不变。',
    failed: (reason) => `无法模拟该场景（${reason}）。页面仍显示之前的场景。`,
    dismiss: '关闭',
  },
};
