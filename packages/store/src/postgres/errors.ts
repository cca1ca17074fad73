import { StoreError } from '@tongban/core/store';

/**
 * The database cannot be reached (refused, reset, timed out, shutting down). Nothing is known to be written unless
 * the call was a commit in flight: appends carry event ids, so sending the same events again is safe (issue 9:
 * the offline kiosk outbox pushes again until the store answers). Code STORE_UNAVAILABLE.
 */
export class StoreUnavailableError extends StoreError {
  constructor(detail: string, cause?: unknown) {
    super('STORE_UNAVAILABLE', `The PostgreSQL store cannot be reached: ${detail}.`, {
      hint: 'check that the database server runs and TONGBAN_DATABASE_URL points at it; nothing was lost: retry later (kiosks keep working through their outbox)',
      cause,
    });
  }
}

/** The database has not been migrated to the schema this Tongban needs (or is newer). Code STORE_SCHEMA. */
export class StoreSchemaError extends StoreError {
  constructor(message: string, hint: string) {
    super('STORE_SCHEMA', message, { hint });
  }
}

const NET = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'EAI_AGAIN',
  'ENOENT', // unix socket file gone (server stopped)
]);
const CONN_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|connection error|Client was closed|not queryable|Connection ended/i;

/** pg error code (SQLSTATE) or Node errno code of an error, if any. */
export const sqlState = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string'
    ? (e as { code: string }).code
    : undefined;

/** Whether the error means "the server is not there" rather than "the server said no". */
export function isConnectionError(e: unknown): boolean {
  if (e instanceof StoreUnavailableError) return true;
  const code = sqlState(e);
  if (code && (NET.has(code) || code.startsWith('08') || ['57P01', '57P02', '57P03'].includes(code)))
    return true;
  return e instanceof Error && CONN_MESSAGES.test(e.message);
}

/** Unique violation, serialization failure, deadlock: another writer got there first; the caller may retry. */
export const isRace = (e: unknown): boolean => ['23505', '40001', '40P01'].includes(sqlState(e) ?? '');

/** Wrap driver errors people can cause into TongbanErrors; leave ours alone. */
export function mapPgError(e: unknown): unknown {
  if (e instanceof StoreError) return e;
  if (isConnectionError(e)) return new StoreUnavailableError((e as Error).message || String(e), e);
  if (sqlState(e) === '25P02') {
    return new StoreError(
      'STORE_TX_ABORTED',
      'An earlier statement of this transaction failed; it was rolled back.',
      {
        hint: 'do not catch and continue after a store error inside transact: let transact fail and run it again',
        cause: e,
      },
    );
  }
  return e;
}
