import { Flags } from '@oclif/core';
import type { PortFactory, PrintResult } from '@tongban/devices';
import { TongbanCommand } from '../../base-command.js';
import { EXIT } from '../../exit-codes.js';

export type DevicesPrintTestResult = PrintResult & {
  port: string;
  paper: 58 | 80;
  simulated: boolean;
  /** --simulate only: the text lines the simulated printer put on paper. */
  printedLines?: string[];
};

export default class DevicesPrintTest extends TongbanCommand<DevicesPrintTestResult> {
  static override summary = 'Print the test receipt on an ESC/POS receipt printer.';
  static override description = [
    'Wraps the devices package (src/tools printTest): the test page (character sets, Chinese text, a QR code,',
    'the cut) at 58 or 80 mm. --simulate prints on a simulated printer and returns the decoded lines.',
    '',
    'Exit codes: 0 printed; 3 the printer refused or failed (paper out, cover open, offline, no answer).',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> --port /dev/ttyUSB1',
    '<%= config.bin %> <%= command.id %> --port /dev/ttyS0 --baud 19200 --paper 58 --json',
    '<%= config.bin %> <%= command.id %> --simulate --json',
  ];
  static override flags = {
    port: Flags.string({
      summary: 'Serial port of the printer, e.g. /dev/ttyUSB1.',
      exclusive: ['simulate'],
    }),
    baud: Flags.integer({ summary: 'Baud rate (default 9600).', min: 1 }),
    paper: Flags.option({
      options: ['58', '80'] as const,
      default: '80' as const,
      summary: 'Paper width, mm.',
    })(),
    simulate: Flags.boolean({ summary: 'Use a simulated printer.', default: false }),
  };

  async run(): Promise<DevicesPrintTestResult> {
    const { flags } = await this.parse(DevicesPrintTest);
    if (!flags.port && !flags.simulate) this.error('give --port PATH (or --simulate)', { exit: EXIT.usage });
    const devices = await import('@tongban/devices');
    const paper = flags.paper === '58' ? 58 : 80;
    let port = flags.port ?? '';
    let sim: InstanceType<typeof devices.PrinterSimulator> | undefined;
    let ports: PortFactory | undefined;
    if (flags.simulate) {
      port = `/dev/ttySIMPRINTER${process.pid}`;
      devices.MockSerialBinding.createPort(port, { maxReadSize: 64 });
      const printer = new devices.PrinterSimulator();
      sim = printer;
      ports = devices.simulatedMockPorts((end) => printer.attach(end));
    }
    const r = await devices.printTest({
      port,
      paper,
      ...(flags.baud === undefined ? {} : { baudRate: flags.baud }),
      ...(ports ? { ports } : {}),
    });
    const result: DevicesPrintTestResult = {
      ...r,
      port,
      paper,
      simulated: flags.simulate,
      ...(sim ? { printedLines: sim.decode().lines } : {}),
    };
    if (r.ok) {
      this.log(`Printed the ${paper} mm test receipt on ${port}: ${r.bytes} bytes in ${r.ms.toFixed(0)} ms.`);
      if (sim) for (const line of result.printedLines ?? []) this.log(`  | ${line}`);
      return result;
    }
    this.logToStderr(`The printer at ${port} did not print: ${r.message} (${r.reason}).`);
    this.logToStderr('  mend:  check paper, cover and power, the port (tongban devices list) and --baud');
    this.failWith(EXIT.conflict);
    return result;
  }
}
