import { join } from 'node:path';

/**
 * Layout of a data directory (`--data` / TONGBAN_DATA, default `.tongban` in the working directory):
 *   <data>/calendar/cn-YYYY.json   imported work-calendar years (added to the shipped 2024-2026 data)
 *   the store's own files          written by the store adapter (lowdb by default)
 */
export function calendarDir(dataDir: string): string {
  return join(dataDir, 'calendar');
}
