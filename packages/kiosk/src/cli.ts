#!/usr/bin/env node
/**
 * tongban-kiosk [--demo] [--config FILE] [--data DIR]
 *   --demo    simulated reader and printer, sample catalogue in a fresh temporary data directory
 *   --config  kiosk configuration file (JSON, see docs/kiosk.md); devices "simulated" or a serial port path
 *   --data    data directory of the store (overrides the configuration)
 * Exit codes: 0 normal end, 2 bad arguments or configuration, 1 anything else.
 */
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';

/**
 * Peak memory (issue 5: <= 120 MiB on a kiosk PC). While modules load, V8 grows its young generation towards 3x16
 * MiB and a long-running kiosk never gives those pages back; keeping it at its starting size costs more but shorter
 * scavenges (bench/kiosk-startup.ts and bench/kiosk-search.ts measure both with it). Set before anything loads.
 */
const KIOSK_V8_FLAGS = ['--semi-space-growth-factor=1'];
for (const flag of KIOSK_V8_FLAGS) setFlagsFromString(flag);

async function main(): Promise<number> {
  let values: { demo?: boolean; config?: string; data?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        demo: { type: 'boolean' },
        config: { type: 'string' },
        data: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    process.stderr.write(
      `${(e as Error).message}\nusage: tongban-kiosk [--demo] [--config FILE] [--data DIR]\n`,
    );
    return 2;
  }
  if (values.help) {
    process.stdout.write('usage: tongban-kiosk [--demo] [--config FILE] [--data DIR]\n');
    return 0;
  }
  if (!values.demo && !values.config) {
    process.stderr.write('give --config FILE for a real kiosk, or --demo for simulated devices\n');
    return 2;
  }
  // React's production build: a kiosk is not a development session (and starts faster).
  process.env.NODE_ENV ??= 'production';
  const { TongbanError } = await import('@tongban/core/errors');
  const { runKiosk } = await import('./start.js');
  process.on('uncaughtException', (e) => outOfService(e, true));
  process.on('unhandledRejection', (e) => outOfService(e, true));
  try {
    await runKiosk({ demo: values.demo ?? false, configFile: values.config, data: values.data });
    return 0;
  } catch (e) {
    if (e instanceof TongbanError) {
      process.stderr.write(`${e.describe()}\n`);
      return 2;
    }
    await outOfService(e, false);
    return 1;
  }
}

/**
 * A failure nothing else caught (issue 25: no stack trace ever reaches a kiosk screen): the detail goes to the
 * kiosk log, the screen gets words and where the log is.
 */
async function outOfService(e: unknown, exit: boolean): Promise<void> {
  const [{ lastLogFile }, { KioskLog }, { kioskTranslator }] = await Promise.all([
    import('./start.js'),
    import('./services/kiosk-log.js'),
    import('./messages/kiosk-messages.js'),
  ]);
  new KioskLog(lastLogFile).failure('kiosk', e);
  const line = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').slice(0, 200);
  const message = line(String((e as { message?: unknown })?.message ?? e));
  process.stderr.write(
    `${kioskTranslator('zh-CN')('failure.outOfService')}\n${kioskTranslator('en')('failure.outOfService')}\n` +
      `${message}\n(${lastLogFile})\n`,
  );
  if (exit) process.exit(1);
}

process.exitCode = await main();
