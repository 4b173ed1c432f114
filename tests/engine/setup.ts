// The engine's tests run every mode: nftables mode's engine is registered as the CLI and the
// simulation worker register it (the page loads it on demand: tests/app).
import { nftablesBackend, registerNftBackend } from '../../src/index';

registerNftBackend(nftablesBackend);
