/**
 * Booking and cancelling at the kiosk against a real store: places shown per slot, a slot running out, a slot
 * taken by someone else between choosing and confirming, and a cancellation that frees the place (seed 002 8.2).
 */
import type { ServiceItem } from '@tongban/core/catalogue';
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FlowKit, KEY, openFlowKit, until } from '../../app/flow-test-kit.js';
import { KioskApp } from '../../app/kiosk-app.js';
import { bookReducer, initialBookState } from './use-book-state.js';

let kit: FlowKit;
beforeAll(async () => {
  kit = await openFlowKit('kiosk-book-');
});
afterAll(async () => kit.close());

describe('appointments at the kiosk (seed 002 8.2)', () => {
  it('books the last places, refuses a full slot, survives a race, and cancels (seed 002 8.2.2, 8.2.5)', async () => {
    const desk = kit.services.appointments;
    const item = (await desk.bookableItems())[0];
    if (!item) throw new Error('the sample catalogue has bookable items');
    const [first] = await desk.days(item, 'W01');
    if (!first) throw new Error('a working day with slots ahead');
    // one place a slot on that day at this kiosk's window (seed 002 8.2.2 最大预约数)
    await desk.appointments.setCapacity({
      itemCode: item.itemCode,
      windowId: 'W01',
      day: first.day,
      capacity: 1,
      actor: 'test',
    });
    const [slot1, slot2] = first.slots;
    if (!slot1 || !slot2) throw new Error('two slots ahead');

    // applicant 1 (张伟) books the first slot
    let app = render(<KioskApp services={kit.services} devices={kit.devices} />);
    await until(app.lastFrame, '请放置身份证');
    kit.devices.demo?.placeNextCard();
    let f = await until(app.lastFrame, '请选择要办理的业务');
    expect(f).toContain('预约办理');
    expect(f).toContain('我的预约');
    app.stdin.write('3');
    await until(app.lastFrame, '居民身份证');
    app.stdin.write(KEY.enter); // first item
    f = await until(app.lastFrame, first.day);
    expect(f).toContain('选择日期');
    app.stdin.write(KEY.enter);
    f = await until(app.lastFrame, `${slot1.slot.start}-${slot1.slot.end}  剩余 1/1`);
    expect(f).toContain('选择时段');
    app.stdin.write(KEY.enter);
    await until(app.lastFrame, '按确认键预约');
    app.stdin.write(KEY.enter);
    f = await until(app.lastFrame, '预约成功');
    const number = /预约号：(\S+)/.exec(f)?.[1] ?? '';
    expect(number).toMatch(/^YY\d{8}-\d{4}$/);
    await until(app.lastFrame, '回执已打印');
    expect(f).toContain('110105********0036');
    expect(f).not.toContain('110105198507120036');
    const booked = await desk.appointments.get(number);
    expect(booked).toMatchObject({ status: 'booked', applicantId: '110105198507120036', channel: 'kiosk' });
    expect(booked?.slot.start).toBe(slot1.slot.start);
    app.unmount();

    // applicant 2: the first slot is full; the second fills up meanwhile (another kiosk), so booking it is refused
    app = render(<KioskApp services={kit.services} devices={kit.devices} />);
    await until(app.lastFrame, '请放置身份证');
    kit.devices.demo?.placeNextCard();
    await until(app.lastFrame, '请选择要办理的业务');
    app.stdin.write('3');
    await until(app.lastFrame, '选择预约事项');
    await until(app.lastFrame, '居民身份证');
    app.stdin.write('1');
    await until(app.lastFrame, first.day);
    app.stdin.write('1');
    f = await until(app.lastFrame, `${slot1.slot.start}-${slot1.slot.end}  已约满`);
    expect(f).toContain('选择时段');
    app.stdin.write('1');
    await until(app.lastFrame, '该时段刚刚约满');
    app.stdin.write('2');
    await until(app.lastFrame, '按确认键预约');
    await desk.appointments.book({
      item,
      windowId: 'W01',
      day: first.day,
      slotStart: slot2.slot.start,
      applicantId: '230103194801010045',
      channel: 'kiosk',
      actor: 'KIOSK-OTHER',
    });
    app.stdin.write(KEY.enter);
    f = await until(app.lastFrame, '该时段刚刚约满');
    f = await until(app.lastFrame, `${slot2.slot.start}-${slot2.slot.end}  已约满`);
    expect(f).toContain('选择时段');
    const mine = await desk.of('65010219920304002X');
    expect(mine).toEqual([]);
    app.unmount();

    // applicant 1 again: my appointments, cancel, the place is free again
    app = render(<KioskApp services={kit.services} devices={kit.devices} />);
    await until(app.lastFrame, '请放置身份证');
    kit.devices.demo?.placeNextCard(); // 王秀英: the card cycle moves on; identify 张伟 by keypad instead
    await until(app.lastFrame, '请选择要办理的业务');
    app.stdin.write('8'); // 8 结束并退出 (Backspace never ends a session: issue 18)
    await until(app.lastFrame, '请放置身份证');
    app.stdin.write(' ');
    await until(app.lastFrame, '请选择要办理的业务');
    app.stdin.write('4');
    await until(app.lastFrame, '身份验证');
    for (const ch of '110105198507120036') app.stdin.write(ch);
    app.stdin.write(KEY.enter);
    await until(app.lastFrame, '可输入姓名');
    app.stdin.write(KEY.enter);
    f = await until(app.lastFrame, number);
    expect(f).toContain('已预约');
    app.stdin.write(KEY.enter);
    await until(app.lastFrame, '再按确认键取消');
    app.stdin.write(KEY.enter);
    f = await until(app.lastFrame, `预约 ${number} 已取消`);
    expect(f).toContain('已取消');
    expect((await desk.appointments.get(number))?.status).toBe('cancelled');
    const caps = await desk.appointments.remainingCapacity(item, 'W01', first.day);
    expect(caps.find((c) => c.slot.start === slot1.slot.start)?.remaining).toBe(1);
    app.unmount();
  }, 30_000);

  it('the booking reducer skips a single window and goes back past it', () => {
    const item = { itemCode: 'X', mainName: '某事项' } as unknown as ServiceItem;
    let s = bookReducer(initialBookState, { type: 'items', items: [item] });
    s = bookReducer(s, { type: 'pick', index: 0 });
    expect(s.step).toBe('window');
    s = bookReducer(s, { type: 'windows', windows: ['W01'] });
    expect(s).toMatchObject({ step: 'day', window: 'W01' });
    s = bookReducer(s, { type: 'back' });
    expect(s.step).toBe('item');
  });
});
