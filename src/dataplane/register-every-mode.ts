import { ipvsBackend } from './ipvs-backend';
import { registerModeEngine } from './mode-engines';
import { nftablesBackend } from './nftables-backend';

/** Registers IPVS and nftables mode's engines: for a program that runs every mode (the CLI, the simulation worker, the tests). */
export function registerEveryModeEngine(): void {
  registerModeEngine('ipvs', ipvsBackend);
  registerModeEngine('nftables', nftablesBackend);
}
