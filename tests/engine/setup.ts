// The engine's tests run every mode and every scenario: the modes' engines, and control-plane
// events', are registered as the CLI and the simulation worker register them (the page loads
// each on demand: tests/app).
import { clusterEventsBackend, registerClusterEvents, registerEveryModeEngine } from '../../src/index';

registerEveryModeEngine();
registerClusterEvents(clusterEventsBackend);
