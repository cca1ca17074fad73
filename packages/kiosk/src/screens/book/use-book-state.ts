/**
 * Booking an appointment step by step (seed 002 8.2.1: item, window, day, slot): a pure reducer; the screen loads
 * the lists from the services and feeds them in. A single window is chosen for the applicant.
 */
import type { SlotCapacity } from '@tongban/core/appointments';
import type { ServiceItem } from '@tongban/core/catalogue';
import type { BookingDay } from '../../services/appointment-desk.js';

export type BookStep = 'item' | 'window' | 'day' | 'slot' | 'confirm' | 'working';

export interface BookState {
  step: BookStep;
  index: number;
  /** undefined while loading. */
  items?: ServiceItem[];
  windows?: string[];
  days?: BookingDay[];
  item?: ServiceItem;
  window?: string;
  day?: string;
  slot?: string;
  /** A word for the applicant: the slot filled up, or why booking failed. */
  note?: { kind: 'slotFull' } | { kind: 'failed'; why: string };
}

export type BookAction =
  | { type: 'items'; items: ServiceItem[] }
  | { type: 'windows'; windows: string[] }
  | { type: 'days'; days: BookingDay[] }
  | { type: 'move'; by: number }
  | { type: 'pick'; index: number }
  | { type: 'back' }
  | { type: 'working' }
  | { type: 'slotFull' }
  | { type: 'failed'; why: string };

export const initialBookState: BookState = { step: 'item', index: 0 };

export function dayOf(s: BookState): BookingDay | undefined {
  return s.days?.find((d) => d.day === s.day);
}

export function slotOf(s: BookState): SlotCapacity | undefined {
  return dayOf(s)?.slots.find((x) => x.slot.start === s.slot);
}

/** Number of rows of the current step's list. */
export function rowCount(s: BookState): number {
  if (s.step === 'item') return s.items?.length ?? 0;
  if (s.step === 'window') return s.windows?.length ?? 0;
  if (s.step === 'day') return s.days?.length ?? 0;
  if (s.step === 'slot') return dayOf(s)?.slots.length ?? 0;
  return 0;
}

function clear(s: BookState): BookState {
  const { note: _n, ...rest } = s;
  return rest;
}

export function bookReducer(s: BookState, a: BookAction): BookState {
  switch (a.type) {
    case 'items':
      return { ...s, items: a.items };
    case 'windows': {
      if (a.windows.length === 1)
        return { ...s, windows: a.windows, window: a.windows[0], step: 'day', index: 0 };
      return { ...s, windows: a.windows };
    }
    case 'days':
      return { ...s, days: a.days };
    case 'move':
      return { ...s, index: Math.min(Math.max(0, rowCount(s) - 1), Math.max(0, s.index + a.by)) };
    case 'pick': {
      const t = clear(s);
      if (s.step === 'item') {
        const item = s.items?.[a.index];
        if (!item) return s;
        const { windows: _w, days: _d, window: _wi, ...rest } = t;
        return { ...rest, item, step: 'window', index: 0 };
      }
      if (s.step === 'window') {
        const window = s.windows?.[a.index];
        if (!window) return s;
        const { days: _d, ...rest } = t;
        return { ...rest, window, step: 'day', index: 0 };
      }
      if (s.step === 'day') {
        const day = s.days?.[a.index];
        return day ? { ...t, day: day.day, step: 'slot', index: 0 } : s;
      }
      if (s.step === 'slot') {
        const slot = dayOf(s)?.slots[a.index];
        if (!slot) return s;
        if (slot.remaining <= 0) return { ...s, index: a.index, note: { kind: 'slotFull' } };
        return { ...t, slot: slot.slot.start, step: 'confirm', index: 0 };
      }
      return s;
    }
    case 'back': {
      const t = clear(s);
      if (s.step === 'confirm') return { ...t, step: 'slot', index: 0 };
      if (s.step === 'slot') return { ...t, step: 'day', index: 0 };
      if (s.step === 'day')
        return (s.windows?.length ?? 0) > 1
          ? { ...t, step: 'window', index: 0 }
          : { ...t, step: 'item', index: 0 };
      if (s.step === 'window') return { ...t, step: 'item', index: 0 };
      return s;
    }
    case 'working':
      return { ...clear(s), step: 'working' };
    case 'slotFull':
      // someone else took the last place meanwhile: choose again from fresh numbers (seed 002 8.2.2)
      return { ...s, step: 'slot', index: 0, note: { kind: 'slotFull' } };
    case 'failed':
      return { ...s, step: 'confirm', note: { kind: 'failed', why: a.why } };
  }
}
