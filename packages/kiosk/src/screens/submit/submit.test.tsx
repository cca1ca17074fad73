/**
 * What an applicant reads when submitting fails (issue 15): catalogue words, never the error's own (English,
 * developer) text, which goes to the kiosk log with the ID number masked; nothing is stored.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkCalendar } from '@tongban/core/calendar';
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FlowKit, KEY, openFlowKit, until } from '../../app/flow-test-kit.js';
import { KioskApp } from '../../app/kiosk-app.js';
import { demoConfig } from '../../config/kiosk-config.js';
import { failureKey, printFailureKey } from '../../messages/applicant-failure.js';
import { KioskLog } from '../../services/kiosk-log.js';
import { KioskServices } from '../../services/kiosk-services.js';

let kit: FlowKit;
beforeAll(async () => {
  kit = await openFlowKit('kiosk-submit-');
});
afterAll(async () => kit.close());

/** Card, search 工伤认定 (40 working days), tick its three materials, pick a delivery, confirm. */
async function submitInjuryClaim(app: ReturnType<typeof render>, devices = kit.devices) {
  await until(app.lastFrame, '请放置身份证');
  devices.demo?.placeNextCard();
  await until(app.lastFrame, '请选择要办理的业务');
  app.stdin.write('1');
  await until(app.lastFrame, '查找事项');
  app.stdin.write('gsrd');
  await until(app.lastFrame, '工伤认定');
  app.stdin.write(KEY.enter);
  await until(app.lastFrame, '办事指南');
  app.stdin.write(KEY.enter);
  await until(app.lastFrame, '核对材料');
  for (const n of ['1', '2', '3']) {
    app.stdin.write(n);
    await until(app.lastFrame, new RegExp(`${n}\\. \\[✓\\]`));
  }
  await until(app.lastFrame, '材料齐全');
  app.stdin.write(KEY.enter);
  await until(app.lastFrame, '选择结果送达方式');
  app.stdin.write('1');
  await until(app.lastFrame, '按确认键提交');
  app.stdin.write(KEY.enter);
}

describe('the kiosk tells failures in catalogue words and logs the detail (issue 15)', () => {
  it('a deadline the calendar cannot count: words for the applicant, detail in the log, nothing stored', async () => {
    // a calendar whose today is mid-2024 estimates years up to 2026 only: a 40-day promise from now is out of reach
    const calendar = new WorkCalendar(WorkCalendar.default().years(), { today: '2024-06-01' });
    const logFile = join(kit.dir, 'kiosk.log');
    const services = await KioskServices.open(kit.store, demoConfig(), {
      calendar,
      log: new KioskLog(logFile),
    });
    const before = (await kit.store.findCases({})).length;
    const app = render(<KioskApp services={services} devices={kit.devices} />);
    await submitInjuryClaim(app);
    const f = await until(app.lastFrame, '提交失败');
    expect(f).toContain('提交失败：暂时无法确定办结日期，申请未提交，请到服务窗口办理');
    expect(f).not.toMatch(/no work calendar|tongban|calendar import|\d{4}-12-31/);
    const logged = readFileSync(logFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, string>);
    expect(logged.at(-1)).toMatchObject({ where: 'submit', code: 'calendar.range' });
    expect(logged.at(-1)?.message).toMatch(/no work calendar for 20\d\d/);
    expect((await kit.store.findCases({})).length).toBe(before); // nothing half-submitted
    app.unmount();
  }, 30_000);

  it('a kiosk without a printer: the receipt on screen says so in words, with the 预计 promise', async () => {
    const log = new KioskLog();
    const services = await KioskServices.open(kit.store, demoConfig(), { log });
    const app = render(<KioskApp services={services} devices={undefined} />);
    await until(app.lastFrame, '请放置身份证');
    app.stdin.write('x');
    await until(app.lastFrame, '请选择要办理的业务');
    app.stdin.write('1');
    const f0 = await until(app.lastFrame, /身份验证|查找事项/);
    if (f0.includes('身份验证')) {
      app.stdin.write('110105198507120036'); // typed faster than the kiosk draws: one chunk, every digit taken
      app.stdin.write(KEY.enter);
      await until(app.lastFrame, '可输入姓名');
      app.stdin.write('张伟');
      app.stdin.write(KEY.enter);
      await until(app.lastFrame, '查找事项');
    }
    app.stdin.write('gsrd');
    await until(app.lastFrame, '工伤认定');
    app.stdin.write(KEY.enter);
    await until(app.lastFrame, '办事指南');
    app.stdin.write(KEY.enter);
    await until(app.lastFrame, '核对材料');
    for (const n of ['1', '2', '3']) {
      app.stdin.write(n);
      await until(app.lastFrame, new RegExp(`${n}\\. \\[✓\\]`));
    }
    app.stdin.write(KEY.enter);
    await until(app.lastFrame, '选择结果送达方式');
    app.stdin.write('1');
    await until(app.lastFrame, '按确认键提交');
    app.stdin.write(KEY.enter);
    const f = await until(app.lastFrame, '请拍照保存');
    expect(f).toContain('打印机故障（本机未连接打印机）');
    expect(f).not.toContain('no printer');
    // today + 40 working days is in a year without its notice (2027 when written): the promise says 预计
    expect(f.replace(/[\s│]+/g, '')).toMatch(/预计\d{4}年\d{1,2}月\d{1,2}日前办结，以法定假日安排为准/);
    expect(log.entries.map((e) => [e.where, e.code])).toEqual([['print', 'print.noPrinter']]);
    app.unmount();
  }, 30_000);

  it('maps every kind of failure to words of the catalogue', () => {
    const err = (code: string) => Object.assign(new Error('x'), { code });
    expect(failureKey(err('calendar.range'))).toBe('failure.calendar');
    expect(failureKey(err('STORE_LOCKED'))).toBe('failure.store');
    expect(failureKey(err('STORE_UNAVAILABLE'))).toBe('failure.store');
    expect(failureKey(err('CASE_RULE'))).toBe('failure.input');
    expect(failureKey(err('RATING_EXISTS'))).toBe('failure.rated');
    expect(failureKey(err('APPOINTMENT_IN_PAST'))).toBe('failure.appointment');
    expect(failureKey(new TypeError('boom'))).toBe('failure.unknown');
    expect(printFailureKey('paperOut')).toBe('printer.paperOut');
    expect(printFailureKey(undefined)).toBe('printer.none');
    expect(printFailureKey('somethingNew')).toBe('printer.error');
  });

  it('masks ID numbers in the log', () => {
    const log = new KioskLog();
    const entry = log.failure('submit', new Error('applicant 110105198507120036 refused'));
    expect(entry.message).toBe('applicant 110105********0036 refused');
    expect(JSON.stringify(entry)).not.toContain('110105198507120036');
  });
});
