/**
 * Documented exit codes of `tongban` (docs/cli.md). Scripts may rely on them.
 *   0  success
 *   1  usage: unknown command or flag, missing or malformed argument
 *   2  invalid input: a file or value breaks a rule (every problem is listed)
 *   3  conflict: the store moved on, a lock is held, or the action clashes with the current state
 *   4  not found: no such item code, version, year, case or file
 *   5  internal error: a bug; rerun with DEBUG=tongban* and report it
 */
export const EXIT = {
  ok: 0,
  usage: 1,
  invalid: 2,
  conflict: 3,
  notFound: 4,
  internal: 5,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The shape every TongbanError has (checked structurally so that two copies of core still match). */
export interface TongbanErrorLike {
  name: string;
  code: string;
  message: string;
  where: Record<string, string | number | undefined>;
  hint: string;
}

export function isTongbanError(err: unknown): err is TongbanErrorLike {
  return (
    err instanceof Error &&
    typeof (err as Partial<TongbanErrorLike>).code === 'string' &&
    typeof (err as Partial<TongbanErrorLike>).where === 'object' &&
    typeof (err as Partial<TongbanErrorLike>).hint === 'string'
  );
}

/** Exit code for an error a person caused, from its code or class name. */
export function exitCodeFor(err: TongbanErrorLike): ExitCode {
  const tag = `${err.code} ${err.name}`.toUpperCase();
  if (/CONFLICT|LOCK|ILLEGAL|STATE|EXISTS|DUPLICATE_VERSION|NOTHING_?TO|TRANSITION/.test(tag))
    return EXIT.conflict;
  if (/NOT_?FOUND|\.NO[A-Z]|UNKNOWN|MISSING|RANGE/.test(tag)) return EXIT.notFound;
  if (/USAGE/.test(tag)) return EXIT.usage;
  return EXIT.invalid;
}
