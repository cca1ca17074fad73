import { describe, expect, it } from 'vitest';
import { CASE_STATES } from '../cases/case.js';
import { UNITS } from '../cases/case-event.js';
import {
  AUDIENCES,
  CASE_KINDS,
  DELIVERY_METHODS,
  ITEM_TYPES,
  LEVELS,
  MODES,
  SPECIAL_PROCEDURES,
} from '../catalogue/service-item.js';
import { TongbanError } from '../errors/index.js';
import { NOTICE_TYPES } from '../notices/types.js';
import { calendarMessages } from './calendar.js';
import { domainMessages } from './domain.js';
import {
  catalogueFor,
  fillRuns,
  formatLocalDate,
  formatLocalDateTime,
  isMessageKey,
  MESSAGES,
  type MessageKey,
  messageTemplate,
  placeholdersOf,
  shanghaiDate,
  t,
  translator,
} from './index.js';
import { noticeMessages } from './notices.js';

describe('message catalogue', () => {
  it('has a non-empty zh-CN and en text for every key', () => {
    for (const [key, [zh, en]] of Object.entries(MESSAGES)) {
      expect(zh.trim(), key).not.toBe('');
      expect(en.trim(), key).not.toBe('');
    }
    expect(Object.keys(catalogueFor('en'))).toEqual(Object.keys(MESSAGES));
  });

  it('keeps the same placeholders in the same order in both locales, so notices list fields alike', () => {
    for (const [key, [zh, en]] of Object.entries(MESSAGES)) {
      expect(placeholdersOf(en), key).toEqual(placeholdersOf(zh));
    }
  });

  it('has no key defined by two areas (a later spread would silently win)', () => {
    const areas: Record<string, unknown>[] = [domainMessages, noticeMessages, calendarMessages];
    const keys = areas.flatMap((a) => Object.keys(a));
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('names every value of the domain enums (DESIGN glossary) and every case state and notice type', () => {
    const wanted: string[] = [
      ...MODES.map((v) => `mode.${v}`),
      ...CASE_KINDS.map((v) => `caseKind.${v}`),
      ...ITEM_TYPES.map((v) => `itemType.${v}`),
      ...LEVELS.map((v) => `level.${v}`),
      ...AUDIENCES.map((v) => `audience.${v}`),
      ...UNITS.map((v) => `unit.${v}`),
      ...DELIVERY_METHODS.map((v) => `delivery.${v}`),
      ...SPECIAL_PROCEDURES.map((v) => `specialProcedure.${v}`),
      ...CASE_STATES.map((v) => `state.${v}`),
      ...NOTICE_TYPES.map((v) => `noticeType.${v}`),
    ];
    expect(wanted.filter((k) => !isMessageKey(k))).toEqual([]);
  });

  it('uses the seeds’ words in zh-CN (seed 000 4.1, 5.4; seed 001 4.2.2)', () => {
    expect(t('mode.proxyLocal')).toBe('异地代收-属地办理');
    expect(t('caseKind.joint')).toBe('联办件');
    expect(t('delivery.post')).toBe('政务快递');
    expect(t('noticeType.supplement')).toBe('补齐补正通知书');
  });
});

describe('t()', () => {
  it('fills parameters in each locale, zh-CN by default', () => {
    expect(t('common.workingDays', { days: 5 })).toBe('5个工作日');
    expect(t('common.workingDays', { days: 5 }, 'en')).toBe('5 working days');
    expect(translator('en')('mode.online')).toBe('Fully online');
    expect(translator()('common.copies', { copies: 2 })).toBe('一式2份');
  });

  it('refuses a missing parameter with a TongbanError naming the key and the parameter', () => {
    const call = () => (t as (k: MessageKey, p: object) => string)('common.workingDays', {});
    expect(call).toThrow(TongbanError);
    expect(call).toThrow(/"days"/);
  });

  it('refuses an unknown key', () => {
    expect(() => messageTemplate('no.such.key' as MessageKey)).toThrow(TongbanError);
  });

  it('keeps filled placeholders apart as keyed runs', () => {
    expect(fillRuns('notice.supplement.deadlineValue', { dueDate: '2026年12月4日' })).toEqual([
      { text: '2026年12月4日', key: 'dueDate' },
      { text: '前' },
    ]);
  });
});

describe('dates in Asia/Shanghai', () => {
  it('writes dates Chinese style on the local day, across UTC midnight', () => {
    expect(formatLocalDate('2026-11-21T16:30:00Z')).toBe('2026年11月22日');
    expect(formatLocalDate('2026-11-21T15:59:59Z')).toBe('2026年11月21日');
    expect(formatLocalDate(new Date('2026-01-05T02:00:00Z'), 'en')).toBe('5 January 2026');
    expect(formatLocalDateTime('2026-11-22T06:05:00Z')).toBe('2026年11月22日 14:05');
    expect(shanghaiDate('2026-11-21T16:30:00Z')).toBe('2026-11-22');
  });

  it('takes a bare local date as it is', () => {
    expect(formatLocalDate('2026-12-04')).toBe('2026年12月4日');
  });

  it('refuses an unreadable date with a TongbanError', () => {
    expect(() => formatLocalDate('tomorrow')).toThrow(TongbanError);
    expect(() => formatLocalDate('2026-02-30')).toThrow(TongbanError);
  });
});
