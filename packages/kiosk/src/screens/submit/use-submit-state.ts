/**
 * Submitting: the handling mode the item allows (seed 000 4.1), then a delivery method (seed 000 5.4), then
 * confirm. A single allowed mode is chosen for the applicant.
 */
import { DELIVERY_METHODS, type DeliveryMethod, type Mode } from '@tongban/core/catalogue';

export interface SubmitState {
  step: 'mode' | 'delivery' | 'confirm' | 'working' | 'failed';
  modes: readonly Mode[];
  mode?: Mode;
  delivery?: DeliveryMethod;
  index: number;
  error?: string;
}

export type SubmitAction =
  | { type: 'pick'; index: number }
  | { type: 'move'; by: number }
  | { type: 'working' }
  | { type: 'failed'; error: string }
  | { type: 'back' };

export function initialSubmitState(modes: readonly Mode[]): SubmitState {
  if (modes.length === 1) return { step: 'delivery', modes, mode: modes[0], index: 0 };
  return { step: 'mode', modes, index: 0 };
}

export function optionsOf(s: SubmitState): readonly string[] {
  if (s.step === 'mode') return s.modes;
  if (s.step === 'delivery') return DELIVERY_METHODS;
  return [];
}

export function submitReducer(s: SubmitState, a: SubmitAction): SubmitState {
  switch (a.type) {
    case 'move':
      return { ...s, index: Math.min(Math.max(0, optionsOf(s).length - 1), Math.max(0, s.index + a.by)) };
    case 'pick': {
      if (s.step === 'mode') {
        const mode = s.modes[a.index];
        return mode ? { ...s, mode, step: 'delivery', index: 0 } : s;
      }
      if (s.step === 'delivery') {
        const delivery = DELIVERY_METHODS[a.index];
        return delivery ? { ...s, delivery, step: 'confirm', index: 0 } : s;
      }
      return s;
    }
    case 'working':
      return { ...s, step: 'working' };
    case 'failed':
      return { ...s, step: 'failed', error: a.error };
    case 'back':
      if (s.step === 'confirm' || s.step === 'failed') return { ...s, step: 'delivery', index: 0 };
      if (s.step === 'delivery' && s.modes.length > 1) return { ...s, step: 'mode', index: 0 };
      return s;
  }
}
