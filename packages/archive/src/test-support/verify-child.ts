/**
 * Verifies one bundle in a process of its own and reports how it ended and its peak memory (maxRSS, bytes) as one
 * JSON line: `node --import tsx verify-child.ts BUNDLE DATA_DIR`.
 */
import { verifyBundle } from '../verify.js';

const [bundle, dataDir] = process.argv.slice(2) as [string, string];
let outcome: { ok: boolean; code?: string; message?: string };
try {
  await verifyBundle(bundle, { dataDir });
  outcome = { ok: true };
} catch (e) {
  const err = e as { code?: string; message?: string };
  outcome = { ok: false, code: err.code ?? 'unknown', message: String(err.message ?? e) };
}
process.stdout.write(`${JSON.stringify({ ...outcome, maxRSS: process.resourceUsage().maxRSS * 1024 })}\n`);
