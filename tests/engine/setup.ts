// The engine's tests run every mode: their engines are registered as the CLI and the
// simulation worker register them (the page loads each on demand: tests/app).
import { registerEveryModeEngine } from '../../src/index';

registerEveryModeEngine();
