import { describe, expect, it } from 'vitest';
import { initialKioskState, kioskReducer } from './use-kiosk-state.js';

const applicant = { name: '张伟', idNumber: '110105198507120036' };

describe('kiosk session reducer', () => {
  it('asks for identification before finding a service, then goes on to it', () => {
    let s = kioskReducer(initialKioskState('zh-CN'), { type: 'start' });
    s = kioskReducer(s, { type: 'go', screen: 'find' });
    expect(s.screen).toBe('identify');
    s = kioskReducer(s, { type: 'identified', applicant });
    expect(s.screen).toBe('find');
    expect(kioskReducer(s, { type: 'back' }).screen).toBe('menu');
  });

  it('a card at the attract screen starts a session at the menu', () => {
    const s = kioskReducer(initialKioskState('zh-CN'), { type: 'identified', applicant });
    expect(s.screen).toBe('menu');
    expect(s.applicant?.name).toBe('张伟');
  });

  it('ending the session forgets the applicant, item and receipt and restores the configured language (DESIGN: forget on idle)', () => {
    let s = kioskReducer(initialKioskState('zh-CN'), { type: 'identified', applicant });
    s = kioskReducer(s, { type: 'toggleLocale' });
    s = kioskReducer(s, { type: 'toggleTheme' });
    s = kioskReducer(s, { type: 'idleWarning', secondsLeft: 3 });
    const end = kioskReducer(s, { type: 'end' });
    expect(end).toEqual({ ...initialKioskState('zh-CN'), session: 1 });
    expect(JSON.stringify(end)).not.toContain('110105');
  });

  it('a key press clears the idle warning', () => {
    const s = kioskReducer(
      { ...initialKioskState('en'), screen: 'menu' },
      { type: 'idleWarning', secondsLeft: 5 },
    );
    expect(kioskReducer(s, { type: 'activity' }).idleWarning).toBeUndefined();
  });

  it('keeps a refused card in words until a card identifies the applicant (issue 25)', () => {
    let s = kioskReducer(initialKioskState('zh-CN'), { type: 'cardTrouble', trouble: 'refused' });
    expect(s).toMatchObject({ screen: 'attract', cardTrouble: 'refused' });
    expect(kioskReducer(s, { type: 'cardTrouble', trouble: undefined })).not.toHaveProperty('cardTrouble');
    s = kioskReducer(s, { type: 'identified', applicant });
    expect(s.cardTrouble).toBeUndefined();
    expect(s.screen).toBe('menu');
  });
});
