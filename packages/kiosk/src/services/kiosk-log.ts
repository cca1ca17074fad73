import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { maskIdNumber } from '@tongban/core/identity';

/** An 18-character resident ID number anywhere in a text (GB 11643: 17 digits and a digit or X). */
const ID_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;

export interface KioskLogEntry {
  at: string;
  /** Where it happened: 'submit', 'print', 'book', ... */
  where: string;
  code: string;
  message: string;
  hint?: string;
  stack?: string;
}

/**
 * The kiosk's log of failures, one JSON line each, for the hall's operators: the technical detail an applicant is
 * never shown (the screen shows catalogue words, messages/applicant-failure.ts). ID numbers are masked (first 6,
 * last 4). Written to <data directory>/kiosk.log; without a file, kept in memory only (tests read `entries`).
 */
export class KioskLog {
  readonly entries: KioskLogEntry[] = [];
  constructor(readonly file?: string) {}

  failure(where: string, e: unknown): KioskLogEntry {
    const err = e as { code?: unknown; message?: unknown; hint?: unknown; stack?: unknown };
    const mask = (s: string) => s.replace(ID_NUMBER, (id) => maskIdNumber(id));
    const entry: KioskLogEntry = {
      at: new Date().toISOString(),
      where,
      code: typeof err?.code === 'string' ? err.code : e instanceof Error ? e.name : 'unknown',
      message: mask(typeof err?.message === 'string' ? err.message : String(e)),
      ...(typeof err?.hint === 'string' && err.hint ? { hint: mask(err.hint) } : {}),
      ...(typeof err?.stack === 'string' ? { stack: mask(err.stack) } : {}),
    };
    this.entries.push(entry);
    if (this.entries.length > 200) this.entries.shift();
    if (this.file) {
      try {
        mkdirSync(dirname(this.file), { recursive: true });
        appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
      } catch {
        // a log that cannot be written must not stop the kiosk; the entry stays in memory
      }
    }
    return entry;
  }
}
