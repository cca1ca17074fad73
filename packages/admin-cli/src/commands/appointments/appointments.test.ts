import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { idCheckCharacter } from '@tongban/core/identity';
import { openStore } from '@tongban/store';
import { beforeAll, describe, expect, it } from 'vitest';
import * as S from '../../records/schemas.js';
import { ensureBuilt, repoRoot, tempDir, tongban, tongbanJson } from '../../test-support/cli.js';
import { ErrorResult } from '../../test-support/schemas.js';

beforeAll(ensureBuilt, 300_000);

const ITEM = '000173001002'; // 居民身份证换领, appointmentCapacity 30 in the sample catalogue
const AT = '2026-11-23T10:00+08:00'; // Monday; bookings are for Tuesday 24 November 2026
const env = { TONGBAN_USER: 'clerk-7' };

/** A valid 18-character ID number with the given 17 first digits. */
const id = (first17: string) => first17 + idCheckCharacter(first17);
const A = id('11010119900307451');
const B = id('11010519491231002');
const C = id('23010219800101123');

/** A data directory holding the sample catalogue, published, seeded with core directly. */
async function seeded(): Promise<string> {
  const data = tempDir();
  const items = JSON.parse(readFileSync(join(repoRoot, 'fixtures/catalogue/sample-catalogue.json'), 'utf8'));
  const store = await openStore({ data });
  await store.saveDraft(items);
  await store.publish({ items, publishedBy: 'test', message: 'sample' });
  await store.close();
  return data;
}

const book = (data: string, applicant: string, extra: string[] = []) =>
  tongbanJson(
    [
      'appointments',
      'book',
      '--item',
      ITEM,
      '--window',
      'W01',
      '--day',
      '2026-11-24',
      ...(extra.includes('--slot') ? [] : ['--slot', '09:00']),
      '--applicant-id',
      applicant,
      '--at',
      AT,
      ...extra,
    ],
    { data, env },
  );

describe('tongban appointments (real process, --json checked against its schema)', () => {
  it('caps a slot (seed 002 8.2.2), refuses the booking past the cap naming free slots, and lists masked IDs', async () => {
    const data = await seeded();
    const set = await tongbanJson(
      [
        'appointments',
        'capacity',
        'set',
        '--item',
        ITEM,
        '--window',
        'W01',
        '--day',
        '2026-11-24',
        '--slot',
        '09:00',
        '--capacity',
        '2',
      ],
      { data, env },
    );
    expect(set.code).toBe(0);
    expect(S.CapacitySetResult.parse(set.json)).toMatchObject({
      days: ['2026-11-24'],
      slots: ['09:00'],
      written: 1,
    });

    const first = await book(data, A, ['--name', '王五', '--phone', '13800000000', '--channel', 'phone']);
    expect(first.code).toBe(0);
    const r = S.AppointmentsBookResult.parse(first.json);
    expect(r.appointment).toMatchObject({
      id: 'YY20261124-0001',
      channel: 'phone',
      applicantId: `${A.slice(0, 6)}********${A.slice(-4)}`,
    });
    expect(r.message).toContain('预约号 YY20261124-0001');
    expect((await book(data, B)).code).toBe(0);

    const full = await book(data, C);
    expect(full.code).toBe(2);
    const err = ErrorResult.parse(full.json).error;
    expect(err.code).toBe('APPOINTMENT_SLOT_FULL');
    expect(err.hint).toContain('10:00-11:00 (30)');

    const show = S.CapacityShowResult.parse(
      (await tongbanJson(['appointments', 'capacity', 'show', '--day', '2026-11-24'], { data })).json,
    );
    expect(show.entries).toHaveLength(1);
    expect(show.entries[0]?.slots[0]).toEqual({
      start: '09:00',
      end: '10:00',
      capacity: 2,
      taken: 2,
      remaining: 0,
      source: 'slot',
    });
    expect(show.entries[0]?.slots[1]).toMatchObject({ capacity: 30, taken: 0, source: 'item' });

    const list = await tongban(['appointments', 'list', '--day', '2026-11-24'], { data });
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('YY20261124-0002');
    expect(list.stdout).not.toContain(A);
    expect(list.stdout).toContain('138****0000');
    const json = S.AppointmentsListResult.parse(
      (await tongbanJson(['appointments', 'list', '--day', '2026-11-24'], { data })).json,
    );
    expect(json.appointments.map((a) => a.id)).toEqual(['YY20261124-0001', 'YY20261124-0002']);
  });

  it('refuses a second booking of the same item by one ID until it is cancelled (seed 002 8.2.3, 8.2.5)', async () => {
    const data = await seeded();
    expect((await book(data, A)).code).toBe(0);
    const again = await book(data, A, ['--slot', '10:00']);
    expect(again.code).toBe(2);
    expect(ErrorResult.parse(again.json).error.code).toBe('APPOINTMENT_DUPLICATE');
    expect(JSON.stringify(again.json)).not.toContain(A);
    const cancel = await tongbanJson(
      ['appointments', 'cancel', 'yy20261124-0001', '--reason', '来电取消', '--at', '2026-11-23T11:00+08:00'],
      { data, env },
    );
    expect(cancel.code).toBe(0);
    expect(S.AppointmentsCancelResult.parse(cancel.json).appointment).toMatchObject({
      status: 'cancelled',
      cancelReason: '来电取消',
    });
    expect((await book(data, A, ['--slot', '10:00'])).code).toBe(0);
    const twice = await tongban(['appointments', 'cancel', 'YY20261124-0001'], { data, env });
    expect(twice.code).toBe(3);
    expect(twice.stderr).toMatch(/is cancelled, not booked[\s\S]*mend:/);
    const none = await tongban(['appointments', 'cancel', 'YY20261124-0099'], { data, env });
    expect(none.code).toBe(4);
  });

  it('sets a weekday capacity on working days only, skipping weekends and holidays', async () => {
    const data = await seeded();
    const run = await tongbanJson(
      [
        'appointments',
        'capacity',
        'set',
        '--item',
        ITEM,
        '--window',
        'W02',
        '--weekday',
        'thu',
        '--weekday',
        'sat',
        '--from',
        '2026-09-28',
        '--to',
        '2026-10-11',
        '--capacity',
        '0',
        '--note',
        '国庆',
      ],
      { data, env },
    );
    expect(run.code).toBe(0);
    const r = S.CapacitySetResult.parse(run.json);
    // Thu 1 Oct is 国庆; Thu 8 Oct a working day; 2026 has no make-up Saturday in this range except as the calendar says.
    expect(r.days).toContain('2026-10-08');
    expect(r.days).not.toContain('2026-10-01');
    expect(r.skipped).toContain('2026-10-01');
    expect(r.slots).toBeNull();
    expect(r.written).toBe(r.days.length);
  });

  it('lists due reminders for a messaging system, the latest rule only, and --mark records them (seed 002 8.2.4)', async () => {
    const data = await seeded();
    await book(data, A, ['--name', '王五', '--phone', '13800000000']);
    await book(data, B);
    const eve = await tongbanJson(['appointments', 'remind', '--at', '2026-11-23T16:05+08:00'], { data });
    expect(eve.code).toBe(0);
    const r = S.AppointmentsRemindResult.parse(eve.json);
    expect(r.reminders.map((x) => [x.appointmentId, x.ruleId, x.phone])).toEqual([
      ['YY20261124-0001', 'dayBefore@16:00', '13800000000'],
      ['YY20261124-0002', 'dayBefore@16:00', undefined],
    ]);
    expect(r.reminders[0]?.text['zh-CN']).toBe(
      '提醒：您预约了2026-11-24 09:00在W01号窗口办理居民身份证换领，请携带所需材料按时到场。',
    );
    expect(JSON.stringify(r)).not.toContain(A);
    const marked = S.AppointmentsRemindResult.parse(
      (await tongbanJson(['appointments', 'remind', '--at', '2026-11-23T16:05+08:00', '--mark'], { data }))
        .json,
    );
    expect(marked).toMatchObject({ marked: true });
    expect(marked.reminders).toHaveLength(2);
    const after = S.AppointmentsRemindResult.parse(
      (await tongbanJson(['appointments', 'remind', '--at', '2026-11-23T16:10+08:00'], { data })).json,
    );
    expect(after.reminders).toEqual([]);
    const morning = S.AppointmentsRemindResult.parse(
      (await tongbanJson(['appointments', 'remind', '--at', '2026-11-24T08:05+08:00'], { data })).json,
    );
    expect(morning.reminders.map((x) => x.ruleId)).toEqual(['minutesBefore@60', 'minutesBefore@60']);
  });

  it('says what, where and how to mend: unknown item (4), bad day (1), slot outside the hours (2), ID typo (2)', async () => {
    const data = await seeded();
    const unknown = await tongban(
      [
        'appointments',
        'capacity',
        'set',
        '--item',
        '999',
        '--window',
        'W01',
        '--day',
        '2026-11-24',
        '--capacity',
        '3',
      ],
      { data, env },
    );
    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toMatch(/no item with code 999[\s\S]*mend: {2}look the code up/);
    const badDay = await tongban(['appointments', 'list', '--day', '2026-02-30'], { data });
    expect(badDay.code).toBe(1);
    expect(badDay.stderr).toContain("write the day as 'YYYY-MM-DD'");
    const slot = await tongban(
      [
        'appointments',
        'capacity',
        'set',
        '--item',
        ITEM,
        '--window',
        'W01',
        '--day',
        '2026-11-24',
        '--slot',
        '12:30',
        '--capacity',
        '3',
      ],
      { data, env },
    );
    expect(slot.code).toBe(2);
    expect(slot.stderr).toContain('slots start at 09:00, 10:00, 11:00, 13:30');
    const typo = await book(data, `${A.slice(0, 17)}${A.endsWith('0') ? '1' : '0'}`);
    expect(typo.code).toBe(2);
    expect(ErrorResult.parse(typo.json).error.code).toBe('ID_NUMBER_INVALID');
    const both = await tongban(
      [
        'appointments',
        'capacity',
        'set',
        '--item',
        ITEM,
        '--window',
        'W01',
        '--day',
        '2026-11-24',
        '--weekday',
        'mon',
        '--capacity',
        '3',
      ],
      { data, env },
    );
    expect(both.code).toBe(1);
  });

  it('has help with examples for every command', async () => {
    for (const cmd of [
      ['capacity', 'set'],
      ['capacity', 'show'],
      ['list'],
      ['book'],
      ['cancel'],
      ['remind'],
    ]) {
      const help = await tongban(['appointments', ...cmd, '--help']);
      expect(help.code, cmd.join(' ')).toBe(0);
      expect(help.stdout, cmd.join(' ')).toMatch(/EXAMPLES\n\s+\$ tongban appointments/);
    }
  });
});
