import { describe, expect, it } from 'vitest';
import { identifyReducer, initialIdentifyState } from './use-identify-state.js';

const typeAll = (text: string) =>
  [...text].reduce((s, ch) => identifyReducer(s, { type: 'key', input: ch }), initialIdentifyState);

describe('ID number on the keypad (GB 11643 check digit, ISO 7064 MOD 11-2)', () => {
  it('accepts a valid number with X typed as "." and moves on to the name', () => {
    const s = identifyReducer(typeAll('11010519491231002.'), { type: 'enter' });
    expect(s.digits).toBe('11010519491231002X');
    expect(s.phase).toBe('name');
  });

  it('refuses a wrong check digit and a short number before going on', () => {
    expect(identifyReducer(typeAll('110105194912310021'), { type: 'enter' }).problem).toBe('bad');
    expect(identifyReducer(typeAll('1101051949'), { type: 'enter' }).problem).toBe('short');
  });

  it('takes X only as the 18th character and nothing beyond 18', () => {
    expect(typeAll('1X').digits).toBe('1');
    expect(typeAll('4405241880010100149').digits).toBe('440524188001010014');
  });
});

describe('keypad bursts (issue 18)', () => {
  it('takes an 18-digit burst at once, with . for X', () => {
    let s = identifyReducer(initialIdentifyState, { type: 'key', input: '65010219920304002.' });
    expect(s.digits).toBe('65010219920304002X');
    s = identifyReducer(s, { type: 'enter' });
    expect(s.phase).toBe('name');
  });
});
