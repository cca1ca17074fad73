/**
 * The device side of a serial line, for simulators: the far end of a pseudo-terminal pair (socat) or the
 * mock binding's port the driver opened. Simulators only see bytes, as a real device would.
 */
import { SerialPortMock } from 'serialport';
import { type PortFactory, type SerialLink, systemPorts } from '../model/index.js';

export interface DeviceEnd {
  write(data: Buffer): void;
  onData(listener: (data: Buffer) => void): void;
  close(): Promise<void>;
  /** Mock binding only: the port closes under the driver, as when the device vanishes mid-write. */
  unplug?(): void;
  /** Mock binding only: writes stop completing (a device that holds the line busy, a stuck adapter). */
  stall?(): void;
}

/** Opens the device side of a line on a real tty (e.g. socat's second pseudo-terminal). */
export async function openDeviceEnd(
  path: string,
  baudRate = 115200,
  ports: PortFactory = systemPorts,
): Promise<DeviceEnd> {
  const port = ports({ path, baudRate });
  await new Promise<void>((res, rej) => port.open((e) => (e ? rej(e) : res())));
  port.on('error', () => {});
  return {
    write: (data) => {
      if (port.isOpen) port.write(data);
    },
    onData: (l) => port.on('data', l),
    close: () =>
      new Promise<void>((r) => {
        if (!port.isOpen) return r();
        port.close(() => r());
      }),
  };
}

/**
 * The mock binding serialport's SerialPortMock uses. Import it from here, not from '@serialport/binding-mock':
 * serialport loads that package's CommonJS build, an ESM import gets a second copy with its own ports.
 */
export const MockSerialBinding = SerialPortMock.binding;

interface MockPortBinding {
  isOpen: boolean;
  write(buffer: Buffer): Promise<void>;
  emitData(data: Buffer): void;
  close(): Promise<void>;
}

/** Turns a SerialPortMock the driver opened into the device side: the driver's writes reach `onData`. */
export function mockDeviceEnd(port: SerialLink): DeviceEnd {
  const binding = (port as unknown as { port: MockPortBinding }).port;
  const listeners: ((d: Buffer) => void)[] = [];
  const write = binding.write.bind(binding);
  let stalled = false;
  binding.write = async (buffer: Buffer) => {
    if (stalled) return new Promise<void>(() => {});
    await write(buffer);
    const copy = Buffer.from(buffer);
    for (const l of listeners) l(copy);
  };
  return {
    write: (data) => {
      if (binding.isOpen) binding.emitData(data);
    },
    onData: (l) => listeners.push(l),
    close: async () => {},
    unplug: () => {
      if (binding.isOpen) void binding.close();
    },
    stall: () => {
      stalled = true;
    },
  };
}

/**
 * A PortFactory for drivers under test: each port it makes is a SerialPortMock (create the path first with
 * `MockBinding.createPort`), handed to `attach` as a DeviceEnd once opened.
 */
export function simulatedMockPorts(attach: (end: DeviceEnd) => void): PortFactory {
  return ({ path, baudRate }) => {
    const port = new SerialPortMock({ path, baudRate, autoOpen: false }) as unknown as SerialLink;
    port.once('open', () => attach(mockDeviceEnd(port)));
    return port;
  };
}
