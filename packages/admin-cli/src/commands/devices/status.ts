import { Flags } from '@oclif/core';
import type { PortFactory, StatusReport } from '@tongban/devices';
import { TongbanCommand } from '../../base-command.js';
import { EXIT } from '../../exit-codes.js';

export type DevicesStatusResult = StatusReport & { simulated: boolean; online: boolean };

export default class DevicesStatus extends TongbanCommand<DevicesStatusResult> {
  static override summary = 'Ask the reader (SAM status) and the printer (DLE EOT) for their state.';
  static override description = [
    'Wraps the devices package (src/tools deviceStatus): opens each given device once and asks its state.',
    'A device that is absent or does not answer is reported offline, not as an error. --simulate asks a',
    'simulated reader and printer.',
    '',
    'Exit codes: 0 every device asked is online; 3 one is offline or in error.',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> --reader /dev/ttyUSB0 --printer /dev/ttyUSB1',
    '<%= config.bin %> <%= command.id %> --printer /dev/ttyS0 --printer-baud 19200 --json',
    '<%= config.bin %> <%= command.id %> --simulate',
  ];
  static override flags = {
    reader: Flags.string({ summary: 'Serial port of the ID-card reader.', exclusive: ['simulate'] }),
    printer: Flags.string({ summary: 'Serial port of the receipt printer.', exclusive: ['simulate'] }),
    'reader-baud': Flags.integer({ summary: 'Baud rate of the reader (default 115200).', min: 1 }),
    'printer-baud': Flags.integer({ summary: 'Baud rate of the printer (default 9600).', min: 1 }),
    simulate: Flags.boolean({ summary: 'Ask a simulated reader and printer.', default: false }),
  };

  async run(): Promise<DevicesStatusResult> {
    const { flags } = await this.parse(DevicesStatus);
    if (!flags.reader && !flags.printer && !flags.simulate) {
      this.error('give --reader PATH and/or --printer PATH (or --simulate)', { exit: EXIT.usage });
    }
    const devices = await import('@tongban/devices');
    let reader = flags.reader;
    let printer = flags.printer;
    let ports: PortFactory | undefined;
    if (flags.simulate) {
      reader = `/dev/ttySIMREADER${process.pid}`;
      printer = `/dev/ttySIMPRINTER${process.pid}`;
      devices.MockSerialBinding.createPort(reader, { maxReadSize: 256 });
      devices.MockSerialBinding.createPort(printer, { maxReadSize: 64 });
      const readerSim = new devices.ReaderSimulator();
      const printerSim = new devices.PrinterSimulator();
      const readerPorts = devices.simulatedMockPorts((end) => readerSim.attach(end));
      const printerPorts = devices.simulatedMockPorts((end) => printerSim.attach(end));
      ports = (o) => (o.path === reader ? readerPorts(o) : printerPorts(o));
    }
    const r = await devices.deviceStatus({
      ...(reader ? { reader } : {}),
      ...(printer ? { printer } : {}),
      ...(flags['reader-baud'] === undefined ? {} : { readerBaud: flags['reader-baud'] }),
      ...(flags['printer-baud'] === undefined ? {} : { printerBaud: flags['printer-baud'] }),
      ...(ports ? { ports } : {}),
    });
    const online = [r.reader, r.printer].every((s) => !s || s.state === 'online');
    for (const s of [r.reader, r.printer]) {
      if (!s) continue;
      const extra = [
        'sam' in s && s.sam ? `SAM ${s.sam}` : '',
        s.paper ? `paper ${s.paper}` : '',
        s.coverOpen ? 'cover open' : '',
        s.detail ?? '',
      ].filter(Boolean);
      this.log(
        `${s.device.padEnd(14)} ${s.path}  ${s.state}${extra.length ? `  (${extra.join('; ')})` : ''}`,
      );
    }
    if (!online) {
      this.logToStderr('A device is not online.');
      this.logToStderr('  mend:  check cable and power, the port (tongban devices list) and the baud rate');
      this.failWith(EXIT.conflict);
    }
    return { ...r, simulated: flags.simulate, online };
  }
}
