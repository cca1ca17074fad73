import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KioskConfigError, loadKioskConfig } from './kiosk-config.js';

const write = (text: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'kiosk-config-')), 'kiosk.json');
  writeFileSync(file, text);
  return file;
};

describe('kiosk configuration file', () => {
  it('fills defaults: simulated devices, zh-CN, 90 s idle', () => {
    const c = loadKioskConfig(
      write(JSON.stringify({ hall: { name: '某中心', site: 'HRB1' }, terminal: { id: 'K1' } })),
    );
    expect(c.language).toBe('zh-CN');
    expect(c.devices.reader.port).toBe('simulated');
    expect(c.timeouts.idleSeconds).toBe(90);
  });

  it('names every bad field with the file and how to mend it', () => {
    const file = write(
      JSON.stringify({ hall: { name: '', site: 'LOU' }, terminal: {}, timeouts: { idleSeconds: 2 } }),
    );
    try {
      loadKioskConfig(file);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(KioskConfigError);
      const m = (e as Error).message;
      expect(m).toContain(file);
      expect(m).toContain('hall.name');
      expect(m).toContain('hall.site');
      expect(m).toContain('terminal.id');
      expect(m).toContain('timeouts.idleSeconds');
    }
  });

  it('says where JSON is broken', () => {
    expect(() => loadKioskConfig(write('{ "hall": '))).toThrow(/is not JSON/);
  });
});
