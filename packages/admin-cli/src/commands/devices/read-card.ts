import { Flags } from '@oclif/core';
import type { PortFactory, ReadCardResult } from '@tongban/devices';
import { TongbanCommand } from '../../base-command.js';
import { EXIT } from '../../exit-codes.js';

export type DevicesReadCardResult = ReadCardResult & { port: string; simulated: boolean };

export default class DevicesReadCard extends TongbanCommand<DevicesReadCardResult> {
  static override summary = 'Wait for an ID card on the reader and read it (the ID number is shown masked).';
  static override description = [
    'Wraps the devices package (src/tools readCard): a GA 467 reader on a serial port. The ID number is masked',
    '(first 6 and last 4 kept) in the output and the JSON. --simulate reads a sample card from a simulated',
    'reader (fixtures/devices/cards.json), without hardware.',
    '',
    'Exit codes: 0 a card was read; 4 no card within --wait; 2 the card was read but rejected (invalid data,',
    'unsupported card type); 3 the reader failed (offline, no answer, transmission errors on every attempt).',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> --port /dev/ttyUSB0',
    '<%= config.bin %> <%= command.id %> --port /dev/serial/by-id/usb-reader --baud 115200 --wait 20000 --json',
    '<%= config.bin %> <%= command.id %> --simulate',
  ];
  static override flags = {
    port: Flags.string({ summary: 'Serial port of the reader, e.g. /dev/ttyUSB0.', exclusive: ['simulate'] }),
    baud: Flags.integer({ summary: 'Baud rate (default 115200).', min: 1 }),
    wait: Flags.integer({ summary: 'How long to wait for a card, ms.', default: 10_000, min: 0 }),
    simulate: Flags.boolean({ summary: 'Use a simulated reader with a sample card.', default: false }),
  };

  async run(): Promise<DevicesReadCardResult> {
    const { flags } = await this.parse(DevicesReadCard);
    if (!flags.port && !flags.simulate) this.error('give --port PATH (or --simulate)', { exit: EXIT.usage });
    const devices = await import('@tongban/devices');
    let port = flags.port ?? '';
    let ports: PortFactory | undefined;
    if (flags.simulate) {
      port = `/dev/ttySIMREADER${process.pid}`;
      devices.MockSerialBinding.createPort(port, { maxReadSize: 256 });
      const sim = new devices.ReaderSimulator();
      const card = devices.loadCardFixtures().find((c) => c.expect === 'ok');
      if (card) sim.place(card);
      ports = devices.simulatedMockPorts((end) => sim.attach(end));
    }
    const r = await devices.readCard({
      port,
      waitMs: flags.wait,
      ...(flags.baud === undefined ? {} : { baudRate: flags.baud }),
      ...(ports ? { ports } : {}),
    });
    const result: DevicesReadCardResult = { ...r, port, simulated: flags.simulate };
    if (r.kind === 'card') {
      const c = r.card;
      this.log(
        `${c.kind}\t${c.name}\t${c.idNumber}\t${c.birthDate}\tvalid ${c.validFrom}..${c.validTo}\t(${r.ms.toFixed(0)} ms, ${r.attempts} attempt(s))`,
      );
      return result;
    }
    if (r.kind === 'noCard') {
      this.logToStderr(`No card on the reader at ${port} within ${flags.wait} ms.`);
      this.logToStderr(
        '  mend:  place the card flat on the reader and run the command again, or raise --wait',
      );
      this.failWith(EXIT.notFound);
    } else if (r.kind === 'rejected') {
      this.logToStderr(`The card was read but rejected: ${r.problem.message}`);
      this.logToStderr(
        '  mend:  the card may be damaged or of a type the reader does not support; try another card',
      );
      this.failWith(EXIT.invalid);
    } else {
      this.logToStderr(`The reader at ${port} failed: ${r.reason}`);
      this.logToStderr('  mend:  check the cable and power, the port (tongban devices list) and --baud');
      this.failWith(EXIT.conflict);
    }
    return result;
  }
}
