import { TongbanCommand } from '../../base-command.js';
import { renderTable } from '../../output/table.js';

export interface DevicesListResult {
  /** Serial ports: from udev, or a scan of /dev when udev is not available (containers, minimal images). */
  ports: {
    path: string;
    manufacturer?: string;
    serialNumber?: string;
    vendorId?: string;
    productId?: string;
    byId?: string;
    source: 'udev' | 'dev-scan';
  }[];
  /** Set when the list comes from the /dev scan: why udev was not used. */
  note?: string;
}

export default class DevicesList extends TongbanCommand<DevicesListResult> {
  static override summary = 'List the serial ports an ID-card reader or receipt printer may be on.';
  static override description = [
    'Wraps the devices package (packages/devices src/tools: listPorts). Ports come from udev; without it the',
    '/dev entries of USB, ACM and the first four on-board serial ports are listed, with their /dev/serial/by-id',
    'names (stable across replugging: use those in the kiosk configuration).',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --json',
  ];

  async run(): Promise<DevicesListResult> {
    await this.parse(DevicesList);
    const { listPorts } = await import('@tongban/devices/tools');
    const result = await listPorts();
    if (result.ports.length === 0) this.log('No serial ports found.');
    else
      this.log(
        renderTable(result.ports, [
          { header: 'port', get: (p) => p.path },
          { header: 'by-id', get: (p) => p.byId ?? '' },
          { header: 'manufacturer', get: (p) => p.manufacturer ?? '' },
          { header: 'source', get: (p) => p.source },
        ]),
      );
    if (result.note) this.logToStderr(`note: ${result.note}`);
    return result;
  }
}
