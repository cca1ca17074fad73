import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from './cli.js';

afterEach(() => vi.restoreAllMocks());

describe('devices scripts', () => {
  it('`devices list` prints ports as JSON and does not crash without udevadm', async () => {
    const out: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((s: string) => out.push(s));
    expect(await main(['list', '--json'])).toBe(0);
    expect(JSON.parse(out.join('\n'))).toHaveProperty('ports');
  });

  it('exits 2 with the usage on a missing --port', async () => {
    const err: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((s: string) => err.push(s));
    expect(await main(['read-card'])).toBe(2);
    expect(err.join('')).toContain('usage: devices');
  });

  it('`devices status` of a missing printer reports it offline with exit 1', async () => {
    const out: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((s: string) => out.push(s));
    expect(await main(['status', '--printer', '/dev/ttyNOPE0', '--json'])).toBe(1);
    expect(JSON.parse(out.join('\n')).printer).toMatchObject({ state: 'offline' });
  });
});
