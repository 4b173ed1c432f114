import { describe, expect, it } from 'vitest';
import { compareFirstAnswer } from './compare';

describe('compareFirstAnswer', () => {
  it('takes a client that timed out for a connection the engine drops', () => {
    expect(compareFirstAnswer('lb', { error: 'ETIMEDOUT' }, 'dropped', ['pod4']).status).toBe('PASS');
  });

  it('fails a dropped connection that was answered or refused', () => {
    expect(compareFirstAnswer('lb', { pod: 'pod4', peer: '198.51.100.77:40000' }, 'dropped', ['pod4']).status).toBe('FAIL');
    expect(compareFirstAnswer('lb', { error: 'ECONNREFUSED' }, 'dropped', ['pod4']).status).toBe('FAIL');
  });
});
