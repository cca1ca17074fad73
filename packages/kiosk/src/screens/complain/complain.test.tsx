/**
 * 投诉 at the kiosk against a real store: the fields of seed 002 10.2 stored as given, the number shown with the
 * 5-working-day reply promise (seed 000 7.2).
 */
import { WorkCalendar } from '@tongban/core/calendar';
import { COMPLAINT_TYPES } from '@tongban/core/complaints';
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FlowKit, KEY, openFlowKit, until } from '../../app/flow-test-kit.js';
import { KioskApp } from '../../app/kiosk-app.js';
import { complainReducer, initialComplainState } from './use-complain-state.js';

let kit: FlowKit;
beforeAll(async () => {
  kit = await openFlowKit('kiosk-complain-');
});
afterAll(async () => kit.close());

describe('complaints at the kiosk (seed 002 10.2)', () => {
  it('stores unit, type, person, content, demands and phone, and shows the number and the reply date', async () => {
    const app = render(<KioskApp services={kit.services} devices={kit.devices} />);
    await until(app.lastFrame, '请放置身份证');
    kit.devices.demo?.placeNextCard();
    let f = await until(app.lastFrame, '请选择要办理的业务');
    app.stdin.write('7');
    f = await until(app.lastFrame, '被投诉单位或部门');
    expect(f).toContain(kit.services.config.hall.name);
    app.stdin.write(KEY.down);
    await until(app.lastFrame, '› 2.');
    app.stdin.write(KEY.enter); // the second unit
    const unit = kit.services.complaints.targetUnits()[1];
    f = await until(app.lastFrame, '投诉类型');
    expect(f).toContain(COMPLAINT_TYPES.efficiency);
    app.stdin.write('2'); // 办事效率
    await until(app.lastFrame, '被投诉人姓名');
    app.stdin.write('李四');
    await until(app.lastFrame, '李四_');
    app.stdin.write(KEY.enter);
    f = await until(app.lastFrame, '投诉内容（必填）');
    app.stdin.write(KEY.enter); // empty content is refused
    await until(app.lastFrame, '请填写投诉内容');
    app.stdin.write('1'); // a common phrase by keypad
    await until(app.lastFrame, '等候时间过长_');
    app.stdin.write('，叫号两小时');
    await until(app.lastFrame, '叫号两小时_');
    app.stdin.write(KEY.enter);
    await until(app.lastFrame, '您的要求');
    app.stdin.write('请答复');
    await until(app.lastFrame, '请答复_');
    app.stdin.write(KEY.enter);
    await until(app.lastFrame, '联系电话');
    for (const ch of '139x1234a5678') app.stdin.write(ch); // letters are not taken in a phone number
    await until(app.lastFrame, '13912345678_');
    app.stdin.write(KEY.enter);
    f = await until(app.lastFrame, '请核对');
    expect(f).toContain('李四');
    expect(f).toContain('110105********0036');
    app.stdin.write(KEY.enter);
    f = await until(app.lastFrame, '投诉已受理');
    const number = /投诉编号：(\S+)/.exec(f)?.[1] ?? '';
    expect(number).toMatch(/^TS\d{8}/);
    expect(f).toContain('5个工作日内');
    expect(f).not.toContain('110105198507120036');

    const c = await kit.services.complaints.complaints.get(number);
    expect(c).toMatchObject({
      channel: 'onSite',
      targetUnit: unit,
      type: 'efficiency',
      respondentName: '李四',
      content: '等候时间过长，叫号两小时',
      demands: '请答复',
      complainant: { name: '张伟', idNumber: '110105198507120036', phone: '13912345678' },
      state: 'received',
    });
    const due = WorkCalendar.localDate(WorkCalendar.default().addWorkingDays(c.receivedAt, 5));
    expect(f).toContain(due.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日'));
    app.stdin.write(KEY.enter);
    await until(app.lastFrame, '请选择要办理的业务');
    app.unmount();
  }, 30_000);

  it('goes back one field at a time and keeps what was typed', () => {
    let s = complainReducer(initialComplainState, { type: 'unit', unit: '某局' });
    s = complainReducer(s, { type: 'kind', kind: 'fees' });
    s = complainReducer(s, { type: 'next' });
    s = complainReducer(s, { type: 'key', text: '收费不合理' });
    s = complainReducer(s, { type: 'back' });
    s = complainReducer(s, { type: 'next' });
    expect(s).toMatchObject({ step: 'content', content: '收费不合理', type: 'fees' });
  });
});
