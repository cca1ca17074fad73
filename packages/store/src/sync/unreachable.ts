import { isConnectionError } from '../postgres/errors.js';

/**
 * Whether an error means "the central store cannot be reached now" (network, server down or restarting), as
 * opposed to a refusal that will not change on retry (a conflict, a bad event). Only the first kind sends a
 * kiosk's writes to its outbox (seed 003 一: 全时在线, the terminal keeps serving while the link is down).
 * The PostgreSQL store's own rule (store/postgres/errors.ts, no pg import) decides; this adds the causes and the
 * AggregateError of a dual-stack connect.
 */
export function isUnreachable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  if (isConnectionError(error)) return true;
  const e = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (e.code === 'STORE_UNAVAILABLE') return true;
  if (Array.isArray(e.errors) && e.errors.some((x) => isUnreachable(x, depth + 1))) return true;
  return isUnreachable(e.cause, depth + 1);
}
