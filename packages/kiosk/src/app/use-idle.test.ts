import { describe, expect, it } from 'vitest';
import { idlePhase } from './use-idle.js';

describe('idle phase (issue 18: the warning and the reset come every time)', () => {
  it('is quiet before idleSeconds, warns with the seconds left, then ends', () => {
    expect(idlePhase(0, 90, 15)).toEqual({ kind: 'quiet' });
    expect(idlePhase(89_999, 90, 15)).toEqual({ kind: 'quiet' });
    expect(idlePhase(90_000, 90, 15)).toEqual({ kind: 'warn', secondsLeft: 15 });
    expect(idlePhase(100_500, 90, 15)).toEqual({ kind: 'warn', secondsLeft: 5 });
    expect(idlePhase(105_000, 90, 15)).toEqual({ kind: 'end' });
  });
  it('ends a session that sat far past both (a clock that ran late still ends it, never waits on)', () => {
    expect(idlePhase(189_000, 90, 15)).toEqual({ kind: 'end' });
  });
});
