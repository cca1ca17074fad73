/**
 * Issue 9, offline kiosks (seed 003 一: 全时在线): a kiosk process submits 1,000 cases against a real PostgreSQL
 * server that is stopped and restarted at random, and the kiosk itself is killed (SIGKILL) at random points and
 * started again. Afterwards every case whose receipt was printed is in the database exactly once.
 * Long (a few minutes): tagged in its name; `.ci/run` runs it with the rest.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WorkCalendar } from '@tongban/core/calendar';
import { parseApplicationNumber } from '@tongban/core/cases';
import { ServiceItem } from '@tongban/core/catalogue';
import { decodeEscPos } from '@tongban/devices';
import { openPostgresStore, type PostgresStore } from '@tongban/store/postgres';
import { Outbox, pushOutbox } from '@tongban/store/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PgCluster, startPgCluster } from '../../../store/src/postgres/test-support/pg-cluster.js';
import { sampleItems } from './kiosk-services.js';

const TARGET = Number(process.env.TONGBAN_FAULT_CASES ?? 1000);
const driver = fileURLToPath(new URL('../test-support/offline-kiosk.ts', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rand = (min: number, max: number) => min + Math.random() * (max - min);

let cluster: PgCluster;
let store: PostgresStore;
let url: string;
beforeAll(async () => {
  cluster = await startPgCluster();
  url = await cluster.createDatabase();
  store = await openPostgresStore({ url });
  await store.migrate();
  await store.publish({
    items: sampleItems().map((i) => ServiceItem.parse(i)),
    publishedBy: 'admin',
    message: 'sample catalogue',
  });
}, 120_000);
afterAll(async () => {
  await store?.close();
  await cluster?.stop();
});

function startKiosk(config: string, data: string, printed: string): ChildProcess {
  return spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', driver, config, data, printed, String(TARGET)],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TONGBAN_DATABASE_URL: '' } },
  );
}

const APPLICATION_NUMBER = /[0-9A-Z]{2,6}-\d{6}-[0-9A-Z]{5}-[0-9A-Z]{3}/;

describe('offline kiosk against a real PostgreSQL (long)', () => {
  it(`every printed receipt's case is in the database exactly once after ${TARGET} submissions through outages and kills (seed 003 一)`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tongban-fault-'));
    const data = join(dir, 'data');
    const printed = join(dir, 'printed');
    const config = join(dir, 'kiosk.json');
    writeFileSync(
      config,
      JSON.stringify({
        hall: { name: '测试大厅 24小时自助服务区', site: 'FT1' },
        terminal: { id: 'KIOSK-FT-01' },
        database: { url, syncSeconds: 1 },
      }),
    );
    const count = () => readdirSync(printed, { withFileTypes: true }).length;
    writeFileSync(join(dir, '.keep'), '');
    let kills = 0;
    let outages = 0;
    let stderr = '';
    let dbUp = true;
    // The database comes and goes while the kiosk works.
    let chaos = true;
    const flapping = (async () => {
      await sleep(1500); // the first kiosk start sees the catalogue once (it is cached for offline starts)
      while (chaos) {
        await sleep(rand(500, 1500));
        if (!chaos) break;
        await cluster.down();
        dbUp = false;
        outages++;
        await sleep(rand(300, 1500));
        await cluster.up();
        dbUp = true;
      }
    })();
    try {
      let last = -1;
      let stalled = 0;
      while (!existsPrintedTarget()) {
        const kiosk = startKiosk(config, data, printed);
        kiosk.stderr?.on('data', (b: Buffer) => {
          stderr = (stderr + b.toString()).slice(-4000);
        });
        const exited = new Promise<number | null>((r) => kiosk.on('exit', (code) => r(code)));
        // Killed at a random point of its work: after it is up, somewhere in its stream of submissions.
        const ready = new Promise<void>((r) =>
          kiosk.stdout?.on('data', (b: Buffer) => b.includes('ready') && r()),
        );
        const killAt = ready.then(() => sleep(rand(300, 4000))).then(() => 'kill' as const);
        const outcome = await Promise.race([exited.then(() => 'exit' as const), killAt]);
        if (outcome === 'kill') {
          kiosk.kill('SIGKILL');
          kills++;
          await exited;
        }
        const now = safeCount();
        stalled = now === last ? stalled + 1 : 0;
        last = now;
        if (stalled > 10) throw new Error(`the kiosk makes no progress at ${now} receipts:\n${stderr}`);
      }
    } finally {
      chaos = false;
      await flapping;
      if (!dbUp) await cluster.up();
    }
    expect(kills).toBeGreaterThan(0);
    expect(outages).toBeGreaterThan(0);

    // What the last kiosk left in its outbox goes in now, as the kiosk would on its next sync.
    const outbox = new Outbox(join(data, 'outbox'));
    const report = await pushOutbox(outbox, store, WorkCalendar.default());
    expect(report.remaining).toBe(0);

    const files = readdirSync(printed);
    expect(files.length).toBeGreaterThanOrEqual(TARGET);
    const numbers = files.map((f) => {
      const text = decodeEscPos(readFileSync(join(printed, f))).lines.join('\n');
      const found = text.match(APPLICATION_NUMBER)?.[0];
      if (!found) throw new Error(`receipt ${f} carries no application number:\n${text}`);
      expect(parseApplicationNumber(found).site).toBe('FT1');
      return found;
    });
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const id of numbers) {
      const events = await store.events(id);
      expect(
        events.map((e) => e.type),
        id,
      ).toEqual(['submit']);
      expect((await store.summary(id))?.length, id).toBe(1);
    }
    console.log(
      `fault test: ${numbers.length} receipts, ${kills} kiosk kills, ${outages} database outages, ` +
        `${report.pushed} outbox entries pushed at the end`,
    );

    function safeCount(): number {
      try {
        return count();
      } catch {
        return 0;
      }
    }
    function existsPrintedTarget(): boolean {
      return safeCount() >= TARGET;
    }
  }, 1_800_000);
});
