/**
 * Real-time status (DLE EOT 1-4): one byte each, bits 1 and 4 always set (healthy 0x12), bits 0 and 7 clear.
 */
import type { PaperMedia } from '../model/index.js';

export interface PrinterStatus {
  online: boolean;
  coverOpen: boolean;
  paper: PaperMedia;
  /** Any error (autocutter, unrecoverable, auto-recoverable) or the printer stopped at paper end. */
  error: boolean;
  errors: PrinterError[];
  feedButton: boolean;
  raw: [number, number, number, number];
}

export type PrinterError =
  | 'autocutter'
  | 'unrecoverable'
  | 'autoRecoverable'
  | 'recoverable'
  | 'paperEndStop';

/** True for a byte that has the fixed bits of a DLE EOT answer. */
export function isStatusByte(b: number): boolean {
  return (b & 0x93) === 0x12;
}

export function decodeStatus(raw: [number, number, number, number]): PrinterStatus {
  const [s1, s2, s3, s4] = raw;
  const errors: PrinterError[] = [];
  if (s3 & 0x08) errors.push('autocutter');
  if (s3 & 0x20) errors.push('unrecoverable');
  if (s3 & 0x40) errors.push('autoRecoverable');
  if (s3 & 0x04) errors.push('recoverable');
  if (s2 & 0x20) errors.push('paperEndStop');
  const paper: PaperMedia = s4 & 0x60 ? 'out' : s4 & 0x0c ? 'nearEnd' : 'ok';
  return {
    online: (s1 & 0x08) === 0,
    coverOpen: (s2 & 0x04) !== 0,
    paper,
    error: (s2 & 0x40) !== 0 || errors.some((e) => e !== 'paperEndStop'),
    errors,
    feedButton: (s1 & 0x40) !== 0 || (s2 & 0x08) !== 0,
    raw,
  };
}

/** The status bytes a printer in the given condition answers (used by the simulator). */
export function encodeStatus(c: {
  coverOpen?: boolean;
  paper?: PaperMedia;
  cutterError?: boolean;
  unrecoverable?: boolean;
}): [number, number, number, number] {
  const out = c.paper === 'out';
  const offline = !!c.coverOpen || out || !!c.cutterError || !!c.unrecoverable;
  const s1 = 0x12 | (offline ? 0x08 : 0);
  const s2 =
    0x12 | (c.coverOpen ? 0x04 : 0) | (out ? 0x20 : 0) | (c.cutterError || c.unrecoverable ? 0x40 : 0);
  const s3 = 0x12 | (c.cutterError ? 0x08 : 0) | (c.unrecoverable ? 0x20 : 0);
  const s4 = 0x12 | (c.paper === 'nearEnd' ? 0x0c : 0) | (out ? 0x6c : 0);
  return [s1, s2, s3, s4];
}
