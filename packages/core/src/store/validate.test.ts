import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CaseEvent } from '../cases/case-event.js';
import { checkAppend, checkQuery, INSTANT_PATTERN, isInstant, loadStoreValidation } from './validate.js';

const zodInstant = z.iso.datetime({ offset: true });

describe('store argument checks without zod on read paths', () => {
  it('INSTANT_PATTERN is the pattern of zod z.iso.datetime({ offset: true })', () => {
    expect(INSTANT_PATTERN.source).toBe(zodInstant._zod.pattern?.source);
  });

  it('isInstant accepts exactly what zod accepts', () => {
    const samples = [
      '2025-03-01T00:00:00Z',
      '2025-03-01T08:00:00+08:00',
      '2025-03-01T08:00:00.123+08:00',
      '2024-02-29T00:00:00Z',
      '2025-02-29T00:00:00Z',
      '2025-03-01',
      '2025-03-01T08:00Z',
      '2025-03-01T24:00:00Z',
      'tomorrow',
      '',
    ];
    for (const s of [...samples, 42, null, undefined])
      expect(isInstant(s)).toBe(zodInstant.safeParse(s).success);
    const digit = fc.constantFrom(...'0123456789');
    const part = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));
    const arb = fc
      .tuple(
        part(4),
        part(2),
        part(2),
        part(2),
        part(2),
        part(2),
        fc.constantFrom('Z', '+08:00', '-23:59', '+24:00', ''),
      )
      .map(([y, mo, d, h, mi, s, off]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${off}`);
    fc.assert(fc.property(arb, (s) => isInstant(s) === zodInstant.safeParse(s).success));
  });

  it('checkQuery refuses a dueBefore that is not an instant with the same message', () => {
    expect(() => checkQuery({ dueBefore: 'tomorrow' })).toThrow(
      'dueBefore must be an ISO-8601 instant, got tomorrow.',
    );
    expect(() => checkQuery({ dueBefore: '2025-03-01T00:00:00+08:00' })).not.toThrow();
  });

  it('checkAppend reports zod issues of a malformed event, as before the lazy load', async () => {
    await loadStoreValidation();
    const bad = { id: 'e1', caseId: 'C1', type: 'x', unit: 'nobody', actor: 'a', at: 'soon', payload: {} };
    const parsed = CaseEvent.safeParse(bad);
    expect(parsed.success).toBe(false);
    const issues = parsed
      .error!.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    const summary = {
      caseId: 'C1',
      itemCode: 'I',
      mode: 'window',
      state: 'received',
      applicantId: 'x',
      createdAt: '2025-03-01T00:00:00Z',
      updatedAt: '2025-03-01T00:00:00Z',
      units: ['window'],
      length: 1,
    };
    expect(() => checkAppend('C1', [bad as CaseEvent], summary)).toThrow(
      `Event 0 of case C1 is malformed: ${issues}.`,
    );
    expect(() =>
      checkAppend('C1', [{ ...bad, unit: 'window', at: '2025-03-01T00:00:00Z' }], summary),
    ).not.toThrow();
    expect(() =>
      checkAppend('C1', [{ ...bad, unit: 'window', at: '2025-03-01T00:00:00Z' }], { ...summary, length: 0 }),
    ).toThrow('The summary of case C1 is malformed: length: Too small: expected number to be >=1.');
  });
});
