#!/usr/bin/env node
/**
 * Device scripts until the admin CLI wraps them (`tongban devices ...`):
 *   devices list
 *   devices read-card --port /dev/ttyUSB0 [--baud 115200] [--wait 10000]
 *   devices print-test --port /dev/ttyUSB1 [--baud 9600] [--paper 58|80]
 *   devices status [--reader /dev/ttyUSB0] [--printer /dev/ttyUSB1]
 * Add --json for the typed result. Exit codes: 0 ok, 1 device answered with a failure, 2 usage error.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { deviceStatus, printTest, readCard } from './tools/commands.js';
import { listPorts } from './tools/list-ports.js';

const USAGE =
  'usage: devices list | read-card --port P | print-test --port P [--paper 58|80] | status [--reader P] [--printer P] [--json]';

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      port: { type: 'string' },
      baud: { type: 'string' },
      wait: { type: 'string' },
      paper: { type: 'string' },
      reader: { type: 'string' },
      printer: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const print = (human: string, result: unknown) =>
    console.log(values.json ? JSON.stringify(result, null, 2) : human);
  const baud = values.baud ? Number(values.baud) : undefined;
  switch (command) {
    case 'list': {
      const r = await listPorts();
      print(
        [...r.ports.map((p) => [p.path, p.byId ?? '', p.manufacturer ?? ''].join('\t').trim()), r.note ?? '']
          .filter(Boolean)
          .join('\n') || 'no serial ports found',
        r,
      );
      return 0;
    }
    case 'read-card': {
      if (!values.port) break;
      const r = await readCard({
        port: values.port,
        baudRate: baud,
        waitMs: values.wait ? Number(values.wait) : undefined,
      });
      if (r.kind === 'card') {
        const c = r.card;
        print(
          `${c.kind}\t${c.name}\t${c.idNumber}\t${c.birthDate}\tvalid ${c.validFrom}..${c.validTo}\t(${r.ms.toFixed(0)} ms)`,
          r,
        );
        return 0;
      }
      print(
        r.kind === 'rejected'
          ? `rejected: ${r.problem.message}`
          : r.kind === 'failed'
            ? `failed: ${r.reason}`
            : 'no card',
        r,
      );
      return 1;
    }
    case 'print-test': {
      if (!values.port) break;
      const paper = values.paper === '58' ? 58 : 80;
      const r = await printTest({ port: values.port, baudRate: baud, paper });
      print(
        r.ok ? `printed ${r.bytes} bytes in ${r.ms.toFixed(0)} ms` : `failed: ${r.message} (${r.reason})`,
        r,
      );
      return r.ok ? 0 : 1;
    }
    case 'status': {
      if (!values.reader && !values.printer) break;
      const r = await deviceStatus({ reader: values.reader, printer: values.printer });
      const line = (s?: { device: string; path: string; state: string; detail?: string; paper?: string }) =>
        s &&
        `${s.device}\t${s.path}\t${s.state}${s.paper ? `\tpaper ${s.paper}` : ''}${s.detail ? `\t${s.detail}` : ''}`;
      print([line(r.reader), line(r.printer)].filter(Boolean).join('\n'), r);
      return [r.reader, r.printer].every((s) => !s || s.state === 'online') ? 0 : 1;
    }
  }
  console.error(USAGE);
  return 2;
}

function isEntryPoint(): boolean {
  try {
    return !!process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error((e as Error).message);
      process.exit(2);
    },
  );
}
