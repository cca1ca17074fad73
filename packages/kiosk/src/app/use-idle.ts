/**
 * Idle timeout (issue 5, issue 18): after `idleSeconds` without a key or a card a warning counts down
 * `warningSeconds`, then the session ends and everything personal is forgotten. The attract screen never times out.
 *
 * One clock reads the time since the last key on every tick and says which phase the session is in (idlePhase, a
 * pure function). The earlier version armed a timeout, and when a key had come meanwhile re-armed it from inside
 * the timeout's callback; that re-render ran synchronously (Ink's legacy root), so the callback then started its
 * warning interval after the new timer was set, outside the list the next key clears: a countdown nobody owned,
 * and a warning that could come late, early or never. Now there is nothing to re-arm.
 */
import { useEffect, useRef } from 'react';
import type { KioskAction } from './use-kiosk-state.js';

export type IdlePhase = { kind: 'quiet' } | { kind: 'warn'; secondsLeft: number } | { kind: 'end' };

/** The phase after `quietMs` without a key. */
export function idlePhase(quietMs: number, idleSeconds: number, warningSeconds: number): IdlePhase {
  const left = idleSeconds + warningSeconds - quietMs / 1000;
  if (left <= 0) return { kind: 'end' };
  if (quietMs / 1000 < idleSeconds) return { kind: 'quiet' };
  return { kind: 'warn', secondsLeft: Math.ceil(left) };
}

/** How often the clock looks (a warning's seconds are shown to the second). */
const TICK_MS = 250;

export function useIdle(options: {
  active: boolean;
  idleSeconds: number;
  warningSeconds: number;
  /** When the last key or card came (Date.now()), kept in a ref by the app. */
  lastActivity: { current: number };
  /** Seconds left shown now, if a warning is shown. */
  shown: number | undefined;
  dispatch: (a: KioskAction) => void;
  now?: () => number;
}): void {
  const { active, idleSeconds, warningSeconds, lastActivity, dispatch } = options;
  const shown = useRef(options.shown);
  shown.current = options.shown;
  const now = options.now ?? Date.now;
  useEffect(() => {
    if (!active) return;
    const tick = setInterval(() => {
      const p = idlePhase(now() - lastActivity.current, idleSeconds, warningSeconds);
      if (p.kind === 'end') dispatch({ type: 'end' });
      else if (p.kind === 'warn' && p.secondsLeft !== shown.current)
        dispatch({ type: 'idleWarning', secondsLeft: p.secondsLeft });
      else if (p.kind === 'quiet' && shown.current !== undefined) dispatch({ type: 'activity' });
    }, TICK_MS);
    return () => clearInterval(tick);
  }, [active, idleSeconds, warningSeconds, lastActivity, dispatch, now]);
}
