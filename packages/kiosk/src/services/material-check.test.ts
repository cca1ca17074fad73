import { ServiceItem } from '@tongban/core/catalogue';
import { describe, expect, it } from 'vitest';
import { sampleItems } from './kiosk-services.js';
import { checkMaterials } from './material-check.js';

const items = sampleItems().map((i) => ServiceItem.parse(i));
const withTolerable = items.find(
  (i) =>
    i.materials.some((m) => m.tolerable) &&
    i.materials.filter((m) => !m.eLicence && m.kind === 'key').length >= 1,
)!;

describe('material check at the kiosk', () => {
  it('complete when every material to bring is ticked; e-licence materials count as handed in (seed 003 九)', () => {
    const ticked = new Set(withTolerable.materials.filter((m) => !m.eLicence).map((m) => m.name));
    const v = checkMaterials(withTolerable, ticked);
    expect(v.kind).toBe('complete');
    // handed in = what the applicant brings; the e-licences are fetched and recorded by core at submission
    if (v.kind === 'complete') expect(v.submitted).toEqual([...ticked]);
  });

  it('tolerance when only tolerable secondary materials are missing (seed 002 3.5, seed 004 6.5)', () => {
    const ticked = new Set(
      withTolerable.materials.filter((m) => !m.eLicence && !m.tolerable).map((m) => m.name),
    );
    const v = checkMaterials(withTolerable, ticked);
    expect(v.kind).toBe(withTolerable.caseKind === 'immediate' ? 'missing' : 'tolerance');
  });

  it('never offers 容缺 on a 即办件 (seed 002 3.5: 承诺件 only)', () => {
    const immediate = ServiceItem.parse({
      ...withTolerable,
      caseKind: 'immediate',
      promisedDays: 0,
    });
    const ticked = new Set(immediate.materials.filter((m) => !m.eLicence && !m.tolerable).map((m) => m.name));
    expect(checkMaterials(immediate, ticked).kind).toBe('missing');
  });

  it('lists every missing material at once, never piecemeal (seed 001 6.1.3 一次性告知)', () => {
    const v = checkMaterials(withTolerable, new Set());
    expect(v.kind).toBe('missing');
    if (v.kind === 'missing')
      expect(v.missing).toEqual(withTolerable.materials.filter((m) => !m.eLicence).map((m) => m.name));
  });
});
