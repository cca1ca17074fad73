/**
 * What the kiosk tells an applicant when something fails (issue 15): words of the catalogue, never an error's own
 * text (English, codes, hints for operators). The technical detail goes to the kiosk log (services/kiosk-log.ts).
 */
import type { KioskMessageKey } from './kiosk-messages.js';

/** The kinds of failure an applicant can meet, by the code of the error (core's TongbanError codes). */
export function failureKey(e: unknown): KioskMessageKey {
  const code = typeof (e as { code?: unknown })?.code === 'string' ? (e as { code: string }).code : '';
  if (code.startsWith('calendar.')) return 'failure.calendar';
  if (code === 'RATING_EXISTS') return 'failure.rated';
  if (code.startsWith('RATING_')) return 'failure.rating';
  if (code.startsWith('APPOINTMENT_')) return 'failure.appointment';
  if (code.startsWith('COMPLAINT_')) return 'failure.complaint';
  if (code.startsWith('STORE_') || code.startsWith('sync.')) return 'failure.store';
  if (code.startsWith('CASE_') || code === 'APPLICATION_NUMBER' || code.startsWith('identity.')) {
    return 'failure.input';
  }
  return 'failure.unknown';
}

const PRINT_FAILURES = {
  paperOut: 'printer.paperOut',
  coverOpen: 'printer.coverOpen',
  offline: 'printer.offline',
  error: 'printer.error',
  portGone: 'printer.portGone',
  noAnswer: 'printer.noAnswer',
} as const satisfies Record<string, KioskMessageKey>;

/** Words for a failed print (devices' PrintFailure), or for a kiosk without a printer. */
export function printFailureKey(reason: string | undefined): KioskMessageKey {
  return reason !== undefined && reason in PRINT_FAILURES
    ? PRINT_FAILURES[reason as keyof typeof PRINT_FAILURES]
    : reason === undefined
      ? 'printer.none'
      : 'printer.error';
}
