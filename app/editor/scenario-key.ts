const keys = new WeakMap<object, number>();
let next = 1;

/**
 * A number per scenario object. Forms are keyed by it, so a form's draft
 * survives a refused edit (the scenario stays the same object) and starts
 * afresh from the scenario after any change that went through (an edit, undo,
 * another preset).
 */
export function scenarioKey(scenario: object): number {
  let key = keys.get(scenario);
  if (key === undefined) {
    key = next++;
    keys.set(scenario, key);
  }
  return key;
}
