/**
 * 一件事 step by step (seed 003 四): choose the bundle, tick the one combined material list, then the handling mode
 * (those every item allows), delivery and confirm, reusing the submit reducer.
 */
import type { Bundle } from '../../services/bundle-desk.js';
import {
  initialSubmitState,
  type SubmitAction,
  type SubmitState,
  submitReducer,
} from '../submit/use-submit-state.js';

export interface BundleState {
  step: 'bundle' | 'materials' | 'submit';
  index: number;
  bundle?: Bundle;
  ticked: ReadonlySet<string>;
  later: string[];
  submitted: string[];
  sub?: SubmitState;
}

export type BundleAction =
  | { type: 'pickBundle'; bundle: Bundle }
  | { type: 'move'; by: number; count: number }
  | { type: 'set'; index: number }
  | { type: 'toggle'; name: string }
  | { type: 'materialsChecked'; submitted: string[]; later: string[] }
  | { type: 'submit'; action: SubmitAction }
  | { type: 'back' };

export const initialBundleState: BundleState = {
  step: 'bundle',
  index: 0,
  ticked: new Set(),
  later: [],
  submitted: [],
};

export function bundleReducer(s: BundleState, a: BundleAction): BundleState {
  switch (a.type) {
    case 'pickBundle':
      return { ...s, bundle: a.bundle, step: 'materials', index: 0, ticked: new Set() };
    case 'move':
      return { ...s, index: Math.min(Math.max(0, a.count - 1), Math.max(0, s.index + a.by)) };
    case 'set':
      return { ...s, index: a.index };
    case 'toggle': {
      const ticked = new Set(s.ticked);
      if (ticked.has(a.name)) ticked.delete(a.name);
      else ticked.add(a.name);
      return { ...s, ticked };
    }
    case 'materialsChecked':
      return {
        ...s,
        step: 'submit',
        submitted: a.submitted,
        later: a.later,
        sub: initialSubmitState(s.bundle?.modes ?? []),
      };
    case 'submit':
      return s.sub ? { ...s, sub: submitReducer(s.sub, a.action) } : s;
    case 'back': {
      if (s.step === 'submit') {
        const sub = s.sub;
        const inner =
          sub &&
          (sub.step === 'confirm' ||
            sub.step === 'failed' ||
            (sub.step === 'delivery' && sub.modes.length > 1));
        if (sub && inner) return { ...s, sub: submitReducer(sub, { type: 'back' }) };
        return { ...s, step: 'materials', index: 0 };
      }
      if (s.step === 'materials') return { ...s, step: 'bundle', index: 0 };
      return s;
    }
  }
}
