/**
 * Lists serial ports. serialport's list() needs udevadm on Linux and fails without it (containers, minimal
 * images): fall back to scanning /dev and /dev/serial/by-id, so `devices list` never crashes.
 */
import { readdir, readlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { SerialPort } from 'serialport';

export interface PortEntry {
  path: string;
  manufacturer?: string;
  serialNumber?: string;
  vendorId?: string;
  productId?: string;
  /** Stable name under /dev/serial/by-id, when udev made one. */
  byId?: string;
  source: 'udev' | 'dev-scan';
}

const TTY = /^tty(USB|ACM|S|AMA|XRUSB|CH343USB)\d+$/;

async function scanDev(): Promise<PortEntry[]> {
  const byId = new Map<string, string>();
  try {
    for (const name of await readdir('/dev/serial/by-id')) {
      const target = resolve('/dev/serial/by-id', await readlink(join('/dev/serial/by-id', name)));
      byId.set(target, name);
    }
  } catch {
    // no udev links
  }
  let names: string[] = [];
  try {
    names = await readdir('/dev');
  } catch {
    return [];
  }
  return names
    .filter((n) => TTY.test(n))
    .filter((n) => !/^ttyS\d+$/.test(n) || Number(n.slice(4)) < 4)
    .sort()
    .map((n) => {
      const path = `/dev/${n}`;
      const id = byId.get(path);
      return { path, ...(id ? { byId: id } : {}), source: 'dev-scan' as const };
    });
}

export async function listPorts(): Promise<{ ports: PortEntry[]; note?: string }> {
  try {
    const ports = await SerialPort.list();
    return {
      ports: ports.map((p) => ({
        path: p.path,
        ...(p.manufacturer ? { manufacturer: p.manufacturer } : {}),
        ...(p.serialNumber ? { serialNumber: p.serialNumber } : {}),
        ...(p.vendorId ? { vendorId: p.vendorId } : {}),
        ...(p.productId ? { productId: p.productId } : {}),
        source: 'udev' as const,
      })),
    };
  } catch (e) {
    return {
      ports: await scanDev(),
      note: `udev listing unavailable (${(e as Error).message}); scanned /dev`,
    };
  }
}
