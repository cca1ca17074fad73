import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../calendar/index.js';
import { TongbanError } from '../errors/tongban-error.js';
import { idCheckCharacter } from '../identity/id-number.js';
import {
  COMPLAINT_CHANNELS,
  COMPLAINT_STEPS,
  COMPLAINT_TYPES,
  type Complaint,
  ComplaintForm,
  complaintView,
  isComplaintOverdue,
  repliedWithinLimit,
  replyToComplaint,
  resolveComplaint,
  startInvestigation,
} from './complaint.js';
import {
  complaintCheckChar,
  formatComplaintNumber,
  hasValidCheckChar,
  makeComplaintNumber,
  mod11_2,
  parseComplaintNumber,
} from './complaint-number.js';
import { complaintMessages } from './messages.js';

const ALPHA = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

describe('complaint number (seed 002 10.2 a 投诉举报受理编号, 10.3 query by number)', () => {
  it('is readable, prints with hyphens and parses back from any typing', () => {
    const n = makeComplaintNumber('2026-11-23', 7);
    expect(n).toMatch(/^TS202611230007[0-9X]$/);
    expect(formatComplaintNumber(n)).toBe(`TS-20261123-0007-${n.slice(-1)}`);
    expect(parseComplaintNumber(formatComplaintNumber(n).toLowerCase())).toBe(n);
    expect(parseComplaintNumber(` ${n.slice(0, 6)} ${n.slice(6)} `)).toBe(n);
  });

  it('catches every single mistyped character (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.nat(),
        fc.integer({ min: 1, max: 35 }),
        (seq, pos, shift) => {
          const n = makeComplaintNumber('2026-11-23', seq);
          const i = pos % n.length;
          const wrong = ALPHA[(ALPHA.indexOf(n[i] as string) + shift) % 36] as string;
          const typo = n.slice(0, i) + wrong + n.slice(i + 1);
          expect(hasValidCheckChar(typo)).toBe(false);
        },
      ),
    );
  });

  it('catches every swap of two different neighbouring characters: every number of a day, every place', () => {
    let swaps = 0;
    for (let seq = 1; seq <= 9999; seq++) {
      const n = makeComplaintNumber('2026-11-23', seq);
      for (let i = 0; i < n.length - 1; i++) {
        if (n[i] === n[i + 1]) continue;
        swaps++;
        const swapped = n.slice(0, i) + n[i + 1] + n[i] + n.slice(i + 2);
        if (hasValidCheckChar(swapped)) throw new Error(`${n} and ${swapped} both pass`);
      }
    }
    expect(swaps).toBeGreaterThan(100_000);
    // the pair the former check (ISO 7064 MOD 37,36, a hybrid system) let through
    expect(hasValidCheckChar(`TS202611237201${complaintCheckChar('TS202611237210')}`)).toBe(false);
  });

  it('its check is ISO 7064 MOD 11-2, the check of the resident ID number (GB 11643)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), (first17) => {
        expect(mod11_2(first17)).toBe(idCheckCharacter(first17));
      }),
    );
  });

  it('says which: a wrong shape or a wrong check character', () => {
    const n = makeComplaintNumber('2026-11-23', 12);
    const bad = n.slice(0, -1) + (complaintCheckChar(n.slice(0, -1)) === '0' ? '1' : '0');
    expect(() => parseComplaintNumber(bad)).toThrow(/check character/);
    expect(() => parseComplaintNumber('AB123')).toThrow(TongbanError);
  });
});

const calendar = WorkCalendar.default();
const receivedAt = '2026-09-29T02:00:00.000Z'; // Tue 29 Sep 2026, 10:00 in Shanghai, before the National Day holiday

function complaint(desk: 'general' | 'yousujiban' = 'general'): Complaint {
  const form = ComplaintForm.parse({
    channel: 'onSite',
    targetUnit: '市场监管局窗口',
    type: 'attitude',
    respondentName: '张三',
    content: '窗口人员态度生硬',
    demands: '道歉并改进',
    complainant: { name: '李四', idNumber: '230102198001011234' },
    desk,
  });
  return {
    ...form,
    id: makeComplaintNumber('2026-09-29', 1),
    revision: 1,
    state: 'received',
    receivedAt,
    dueAt: calendar.addWorkingDays(receivedAt, 5).toISOString(),
    steps: [{ step: 'received', at: receivedAt, by: 'clerk-1', note: '' }],
  };
}

describe('complaint steps', () => {
  it('reply limit is 5 working days on the calendar, skipping the National Day holiday (seed 000 7.2)', () => {
    // Working days after Tue 29 Sep: Wed 30 Sep (1), [1-7 Oct holiday], Thu 8 Oct (2), Fri 9 Oct (3),
    // Sat 10 Oct 调休 (4), Mon 12 Oct (5) → end of 12 Oct in Shanghai = 2026-10-12T15:59:59.999Z.
    expect(complaint().dueAt).toBe('2026-10-12T15:59:59.999Z');
  });

  it('goes received → investigating → resolved → replied with who/when/what (seed 000 7.2; GB/T 36113)', () => {
    let c = complaint();
    c = startInvestigation(c, { by: 'sup-1', at: '2026-09-30T01:00:00.000Z', note: '调取录像' });
    c = resolveComplaint(c, {
      by: 'sup-1',
      at: '2026-10-08T01:00:00.000Z',
      outcome: '属实，已批评教育',
      measures: '窗口服务用语培训',
    });
    c = replyToComplaint(c, { by: 'sup-1', at: '2026-10-09T01:00:00.000Z', text: '经核实属实，已整改' });
    expect(c.state).toBe('replied');
    expect(c.steps.map((s) => `${s.step}/${s.by}`)).toEqual([
      'received/clerk-1',
      'investigating/sup-1',
      'resolved/sup-1',
      'replied/sup-1',
    ]);
    expect(c.reply).toMatchObject({ channel: 'onSite', text: '经核实属实，已整改' });
    expect(repliedWithinLimit(c)).toBe(true);
  });

  it('refuses a step out of order and names both states', () => {
    const e = (() => {
      try {
        replyToComplaint(complaint(), { by: 'x', at: receivedAt, text: 'hi' });
      } catch (err) {
        return err as TongbanError;
      }
    })();
    expect(e?.code).toBe('COMPLAINT_WRONG_STATE');
    expect(e?.message).toMatch(/is received; it must be resolved/);
  });

  it('有诉即办 needs the department the matter is passed to, and a written result (seed 001 6.3.5)', () => {
    const c = complaint('yousujiban');
    expect(() => startInvestigation(c, { by: 'desk-1', at: receivedAt })).toThrow(/assignedTo/);
    const inv = startInvestigation(c, { by: 'desk-1', at: receivedAt, assignedTo: '市场监管局' });
    expect(inv.assignedTo).toBe('市场监管局');
    expect(() => resolveComplaint(inv, { by: 'dept', at: receivedAt, outcome: '  ' })).toThrow(/outcome/);
    const done = replyToComplaint(resolveComplaint(inv, { by: 'dept', at: receivedAt, outcome: '已处理' }), {
      by: 'desk-1',
      at: receivedAt,
      text: '已处理',
    });
    expect(done.steps.at(-1)?.note).toContain('有诉即办窗口反馈');
  });

  it('is overdue only when not replied past the limit (seed 000 7.2)', () => {
    const c = complaint();
    expect(isComplaintOverdue(c, new Date('2026-10-12T15:59:59.999Z'))).toBe(false);
    expect(isComplaintOverdue(c, new Date('2026-10-12T16:00:00.000Z'))).toBe(true);
    expect(isComplaintOverdue({ ...c, state: 'replied' }, new Date('2026-11-01T00:00:00Z'))).toBe(false);
  });

  it('shows the complainant their result by number with their ID masked (seed 002 10.3)', () => {
    const v = complaintView(complaint(), new Date(receivedAt));
    expect(v.complainantId).toBe('230102********1234');
    expect(JSON.stringify(v)).not.toContain('230102198001011234');
    expect(JSON.stringify(v)).not.toContain('张三');
  });
});

describe('words shown to people', () => {
  it('names every step, channel and type in zh-CN and en', () => {
    const keys = Object.keys(complaintMessages);
    for (const s of COMPLAINT_STEPS) expect(keys).toContain(`complaint.step.${s}`);
    for (const c of COMPLAINT_CHANNELS) expect(keys).toContain(`complaint.channel.${c}`);
    for (const t of Object.keys(COMPLAINT_TYPES)) expect(keys).toContain(`complaint.type.${t}`);
  });
});
