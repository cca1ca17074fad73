/**
 * The complaint form of seed 002 10.2 step by step: b) unit, c) type, d) person complained about (may be empty),
 * e) content (required) and the complainant's demands, then a phone for the reply; a) the number comes back from
 * core when it is received. Text steps take typed text; the content step also offers common phrases by digit so a
 * numeric keypad is enough.
 */
import type { ComplaintType } from '@tongban/core/complaints';

export const TEXT_STEPS = ['respondent', 'content', 'demands', 'phone'] as const;
export type TextStep = (typeof TEXT_STEPS)[number];
export type ComplainStep = 'unit' | 'type' | TextStep | 'confirm' | 'working' | 'done';

export interface ComplainState {
  step: ComplainStep;
  index: number;
  unit?: string;
  type?: ComplaintType;
  respondent: string;
  content: string;
  demands: string;
  phone: string;
  problem?: { kind: 'required' } | { kind: 'failed'; why: string };
  result?: { number: string; dueAt: string };
}

export type ComplainAction =
  | { type: 'move'; by: number; count: number }
  | { type: 'unit'; unit: string }
  | { type: 'kind'; kind: ComplaintType }
  | { type: 'key'; text: string }
  | { type: 'erase' }
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'working' }
  | { type: 'failed'; why: string }
  | { type: 'done'; number: string; dueAt: string };

export const initialComplainState: ComplainState = {
  step: 'unit',
  index: 0,
  respondent: '',
  content: '',
  demands: '',
  phone: '',
};

const ORDER: ComplainStep[] = ['unit', 'type', 'respondent', 'content', 'demands', 'phone', 'confirm'];
const LIMITS: Record<TextStep, number> = { respondent: 20, content: 300, demands: 200, phone: 15 };

export function isTextStep(step: ComplainStep): step is TextStep {
  return (TEXT_STEPS as readonly string[]).includes(step);
}

function without(s: ComplainState): ComplainState {
  const { problem: _p, ...rest } = s;
  return rest;
}

export function complainReducer(s: ComplainState, a: ComplainAction): ComplainState {
  switch (a.type) {
    case 'move':
      return { ...s, index: Math.min(Math.max(0, a.count - 1), Math.max(0, s.index + a.by)) };
    case 'unit':
      return { ...without(s), unit: a.unit, step: 'type', index: 0 };
    case 'kind':
      return { ...without(s), type: a.kind, step: 'respondent', index: 0 };
    case 'key': {
      if (!isTextStep(s.step)) return s;
      const text = s.step === 'phone' ? a.text.replace(/[^0-9]/g, '') : a.text.replace(/[\r\n\t]/g, '');
      return { ...without(s), [s.step]: (s[s.step] + text).slice(0, LIMITS[s.step]) };
    }
    case 'erase':
      return isTextStep(s.step) ? { ...s, [s.step]: [...s[s.step]].slice(0, -1).join('') } : s;
    case 'next': {
      if (s.step === 'content' && s.content.trim() === '') return { ...s, problem: { kind: 'required' } };
      const at = ORDER.indexOf(s.step);
      const next = ORDER[at + 1];
      return at >= 0 && next ? { ...without(s), step: next, index: 0 } : s;
    }
    case 'back': {
      const at = ORDER.indexOf(s.step);
      const prev = ORDER[at - 1];
      return at > 0 && prev ? { ...without(s), step: prev, index: 0 } : s;
    }
    case 'working':
      return { ...without(s), step: 'working' };
    case 'failed':
      return { ...s, step: 'confirm', problem: { kind: 'failed', why: a.why } };
    case 'done':
      return { ...without(s), step: 'done', result: { number: a.number, dueAt: a.dueAt } };
  }
}
