/**
 * Idle timeout (issue 5): after `idleSeconds` without a key a warning counts down `warningSeconds`, then the
 * session ends and everything personal is forgotten. The attract screen never times out.
 */
import { useEffect, useRef } from 'react';
import type { KioskAction } from './use-kiosk-state.js';

export function useIdle(options: {
  active: boolean;
  idleSeconds: number;
  warningSeconds: number;
  /** Changes on every key (a counter). */
  activity: number;
  dispatch: (a: KioskAction) => void;
}): void {
  const { active, idleSeconds, warningSeconds, activity, dispatch } = options;
  const timers = useRef<NodeJS.Timeout[]>([]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: activity restarts the timers on purpose
  useEffect(() => {
    for (const t of timers.current) clearTimeout(t);
    timers.current = [];
    if (!active) return;
    const start = setTimeout(() => {
      let left = warningSeconds;
      dispatch({ type: 'idleWarning', secondsLeft: left });
      const tick = setInterval(() => {
        left--;
        if (left <= 0) {
          clearInterval(tick);
          dispatch({ type: 'end' });
        } else dispatch({ type: 'idleWarning', secondsLeft: left });
      }, 1000);
      timers.current.push(tick as unknown as NodeJS.Timeout);
    }, idleSeconds * 1000);
    timers.current.push(start);
    return () => {
      for (const t of timers.current) clearTimeout(t);
      timers.current = [];
    };
  }, [active, idleSeconds, warningSeconds, activity, dispatch]);
}
