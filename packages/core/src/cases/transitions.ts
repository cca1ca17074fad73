import type { Mode } from '../catalogue/service-item.js';
import { type CaseState, CLOSED_STATES } from './case.js';
import type { Unit } from './case-event.js';
import type { CaseEventType } from './event-types.js';

/**
 * The transition tables, one per mode, as data. A row says: in state `from`, event `event` may be appended by one
 * of `units`, and the case moves to `to`:
 *   a state name; 'same' (no change); 'resume' (back to the state before a pause);
 *   'byPayload' (decided by the reducer from the payload: transfer by push/post, archive complete or not,
 *   supplement expiry before/after acceptance).
 * `from: '*'` means every open state. The data rules of each event (reasons present, tolerance allowed...) are in
 * rules.ts; the state changes in reducer.ts.
 */
export type Target = CaseState | 'same' | 'resume' | 'byPayload';
export interface TransitionRow {
  event: CaseEventType;
  from: CaseState | '*' | 'new';
  units: readonly Unit[];
  to: Target;
  seed: string;
}

const row = (
  event: CaseEventType,
  from: TransitionRow['from'] | readonly TransitionRow['from'][],
  units: readonly Unit[],
  to: Target,
  seed: string,
): TransitionRow[] => (Array.isArray(from) ? from : [from]).map((f) => ({ event, from: f, units, to, seed }));

const ANY_UNIT: readonly Unit[] = [
  'remoteWindow',
  'localWindow',
  'localDepartment',
  'remoteDepartment',
  'window',
  'department',
  'applicant',
  'system',
];
const BEFORE_DECISION = [
  'submitted',
  'proxyReceived',
  'inTransit',
  'awaitingAcceptance',
  'supplementRequested',
  'accepted',
  'specialProcedure',
] as const;

/** Rows every mode shares, given the units of that mode. */
function review(dept: readonly Unit[], supplementBy: readonly Unit[], seed: string): TransitionRow[] {
  return [
    ...row('requestSupplement', 'accepted', dept, 'supplementRequested', `${seed} row 3 a 1`),
    ...row('supplement', 'supplementRequested', supplementBy, 'resume', 'seed 001 6.1.3'),
    ...row(
      'supplement',
      'awaitingAcceptance',
      supplementBy,
      'same',
      'seed 001 6.1.1 (收件: handed in before acceptance)',
    ),
    ...row(
      'supplement',
      ['accepted', 'specialProcedure'],
      supplementBy,
      'same',
      'seed 004 6.5 (容缺 materials)',
    ),
    ...row(
      'supplementExpired',
      'supplementRequested',
      ['system'],
      'byPayload',
      `${seed} row 3 a 1 (补正时限)`,
    ),
    ...row('toleranceExpired', ['accepted', 'specialProcedure'], ['system'], 'terminated', 'seed 002 9.3.6'),
    ...row('startSpecialProcedure', 'accepted', dept, 'specialProcedure', 'seed 004 8.2.6, 8.4.3'),
    ...row('endSpecialProcedure', 'specialProcedure', dept, 'accepted', 'seed 004 8.4.3'),
    ...row('giveOpinion', 'accepted', dept, 'same', 'seed 004 6.7, 8.5.2'),
    ...row('approve', 'accepted', dept, 'approved', `${seed} row 3 a 2`),
    ...row('deny', 'accepted', dept, 'denied', `${seed} row 3 a 3; seed 004 8.5.5`),
    ...row('withdraw', BEFORE_DECISION, ['applicant'], 'withdrawn', 'seed 002 9.3'),
    ...row('note', '*', ANY_UNIT, 'same', 'seed 000 6.1'),
    ...row('recomputeDeadline', '*', ['system'], 'same', 'calendar import (issue 15)'),
  ];
}

/** 全程网办, seed 000 table 1. */
const online: TransitionRow[] = [
  ...row('submit', 'new', ['applicant', 'localWindow'], 'awaitingAcceptance', 'seed 000 table 1 row 1 b'),
  ...row(
    'guidance',
    ['awaitingAcceptance', 'supplementRequested'],
    ['remoteWindow', 'localWindow'],
    'same',
    'seed 000 table 1 row 1',
  ),
  ...row('accept', 'awaitingAcceptance', ['localDepartment'], 'accepted', 'seed 000 table 1 row 2 a'),
  ...row('acceptWithTolerance', 'awaitingAcceptance', ['localDepartment'], 'accepted', 'seed 002 9.3.6'),
  ...row('refuse', 'awaitingAcceptance', ['localDepartment'], 'refused', 'seed 000 table 1 row 2 b'),
  ...row(
    'requestSupplement',
    'awaitingAcceptance',
    ['localDepartment'],
    'supplementRequested',
    'seed 000 table 1 row 3 a 1; seed 001 6.1.3',
  ),
  ...review(['localDepartment'], ['applicant', 'localWindow'], 'seed 000 table 1'),
  ...row('deliver', ['approved', 'denied'], ['localWindow'], 'delivered', 'seed 000 table 1 row 4'),
  ...row('deliveryFeedback', ['delivered', 'archiving'], ['localWindow'], 'same', 'seed 001 6.3.4'),
  ...row(
    'archive',
    ['delivered', 'archiving'],
    ['localWindow', 'localDepartment'],
    'byPayload',
    'seed 000 table 1 row 5',
  ),
];

/** 异地代收-属地办理, seed 000 table 2. */
const proxyLocal: TransitionRow[] = [
  ...row('submit', 'new', ['applicant', 'remoteWindow'], 'submitted', 'seed 000 table 2 row 1'),
  ...row('proxyReceive', 'submitted', ['remoteWindow'], 'proxyReceived', 'seed 000 table 2 row 1 a 1, b'),
  ...row('proxyRefuse', 'submitted', ['remoteWindow'], 'proxyRefused', 'seed 000 table 2 row 1 a 2'),
  ...row('transfer', 'proxyReceived', ['remoteWindow'], 'byPayload', 'seed 000 table 2 row 1 c'),
  ...row('receiveTransfer', 'inTransit', ['localWindow'], 'awaitingAcceptance', 'seed 000 table 2 row 1 c'),
  ...row('accept', 'awaitingAcceptance', ['localDepartment'], 'accepted', 'seed 000 table 2 row 2 a 1'),
  ...row('acceptWithTolerance', 'awaitingAcceptance', ['localDepartment'], 'accepted', 'seed 002 9.3.6'),
  ...row('refuse', 'awaitingAcceptance', ['localDepartment'], 'refused', 'seed 000 table 2 row 2 a 2, b'),
  ...row(
    'requestSupplement',
    'awaitingAcceptance',
    ['localDepartment'],
    'supplementRequested',
    'seed 000 table 2 row 3 a 1',
  ),
  ...review(['localDepartment'], ['applicant', 'remoteWindow', 'localWindow'], 'seed 000 table 2'),
  ...row(
    'forwardResult',
    ['approved', 'denied'],
    ['localWindow'],
    'resultForwarded',
    'seed 000 table 2 row 4 b',
  ),
  ...row('deliver', ['approved', 'denied'], ['localWindow'], 'delivered', 'seed 000 table 2 row 4 a'),
  ...row('deliver', 'resultForwarded', ['remoteWindow'], 'delivered', 'seed 000 table 2 row 4 b'),
  ...row('deliveryFeedback', ['delivered', 'archiving'], ['localWindow'], 'same', 'seed 000 table 2 row 4 a'),
  ...row(
    'archive',
    ['delivered', 'archiving'],
    ['remoteWindow', 'localWindow', 'localDepartment'],
    'byPayload',
    'seed 000 table 2 row 5',
  ),
];

/** 异地代收-异地办理, seed 000 table 3. */
const proxyRemote: TransitionRow[] = [
  ...row('submit', 'new', ['applicant', 'remoteWindow'], 'submitted', 'seed 000 table 3 row 1'),
  ...row(
    'proxyReceive',
    'submitted',
    ['remoteWindow'],
    'awaitingAcceptance',
    'seed 000 table 3 row 1 a 1, b',
  ),
  ...row('proxyRefuse', 'submitted', ['remoteWindow'], 'proxyRefused', 'seed 000 table 3 row 1 a 2'),
  ...row('accept', 'awaitingAcceptance', ['remoteDepartment'], 'accepted', 'seed 000 table 3 row 2 a 1'),
  ...row('acceptWithTolerance', 'awaitingAcceptance', ['remoteDepartment'], 'accepted', 'seed 002 9.3.6'),
  ...row('refuse', 'awaitingAcceptance', ['remoteDepartment'], 'refused', 'seed 000 table 3 row 2 a 2, b'),
  ...row(
    'requestSupplement',
    'awaitingAcceptance',
    ['remoteDepartment'],
    'supplementRequested',
    'seed 000 table 3 row 3 a 1',
  ),
  ...review(['remoteDepartment'], ['applicant', 'remoteWindow'], 'seed 000 table 3'),
  ...row('deliver', ['approved', 'denied'], ['remoteWindow'], 'delivered', 'seed 000 table 3 row 4 a'),
  ...row(
    'moveMaterials',
    ['delivered', 'archiving'],
    ['remoteWindow', 'remoteDepartment'],
    'same',
    'seed 000 table 3 row 4 b, row 5 b',
  ),
  ...row(
    'archive',
    ['delivered', 'archiving'],
    ['remoteWindow', 'remoteDepartment', 'localWindow', 'localDepartment'],
    'byPayload',
    'seed 000 table 3 row 5',
  ),
];

/** 窗口办: seed 001 6.1-6.4; seed 002 9.3-9.8; seed 004 8.2-8.8. */
const window: TransitionRow[] = [
  ...row('submit', 'new', ['applicant', 'window'], 'awaitingAcceptance', 'seed 001 6.1.1-6.1.2'),
  ...row('accept', 'awaitingAcceptance', ['window'], 'accepted', 'seed 001 6.1.1; seed 004 8.2.2'),
  ...row('acceptWithTolerance', 'awaitingAcceptance', ['window'], 'accepted', 'seed 004 8.2.4'),
  ...row('refuse', 'awaitingAcceptance', ['window'], 'refused', 'seed 002 9.3.3'),
  ...row('requestSupplement', 'awaitingAcceptance', ['window'], 'supplementRequested', 'seed 001 6.1.3'),
  ...review(['department'], ['applicant', 'window'], 'seed 004 8.4-8.5 / seed 000'),
  // 即办件 are decided at once at the window (seed 001 4.2.2, 5.1.2; seed 004 6.6); rules.ts restricts it to them.
  ...row('approve', 'accepted', ['window'], 'approved', 'seed 004 6.6 (即办件)'),
  ...row('deny', 'accepted', ['window'], 'denied', 'seed 004 6.6 (即办件); 8.5.5'),
  ...row('deliver', ['approved', 'denied'], ['window'], 'delivered', 'seed 001 6.3.1-6.3.3; seed 004 8.7'),
  ...row('deliveryFeedback', ['delivered', 'archiving'], ['window'], 'same', 'seed 001 6.3.4'),
  ...row(
    'archive',
    ['delivered', 'archiving'],
    ['window', 'department'],
    'byPayload',
    'seed 001 6.4.1; seed 004 8.8',
  ),
];

/** Units that must each archive before the case is archived (seed 000 tables 1-3 row 5; seed 001 6.4.1). */
export const ARCHIVE_UNITS: Record<Mode, readonly Unit[]> = {
  online: ['localWindow', 'localDepartment'],
  proxyLocal: ['remoteWindow', 'localWindow', 'localDepartment'],
  proxyRemote: ['remoteWindow', 'remoteDepartment', 'localWindow', 'localDepartment'],
  window: ['window', 'department'],
};

/** Closed without approval; such a case is filed too, its state kept (否决事项 登记备案, seed 002 6.7 a). */
export const FILED_CLOSED_STATES = ['refused', 'withdrawn', 'terminated', 'proxyRefused'] as const;
const filing = (mode: Mode) =>
  row('archive', FILED_CLOSED_STATES, ARCHIVE_UNITS[mode], 'same', 'seed 002 6.7 a (否决事项 登记备案)');

export const TRANSITIONS: Record<Mode, readonly TransitionRow[]> = {
  online: [...online, ...filing('online')],
  proxyLocal: [
    ...proxyLocal,
    ...filing('proxyLocal'),
    ...row(
      'refusalFeedback',
      'refused',
      ['localDepartment', 'localWindow', 'remoteWindow'],
      'same',
      'seed 000 table 2 row 2 b',
    ),
  ],
  proxyRemote: [
    ...proxyRemote,
    ...filing('proxyRemote'),
    ...row(
      'refusalFeedback',
      'refused',
      ['remoteDepartment', 'remoteWindow'],
      'same',
      'seed 000 table 3 row 2 b',
    ),
  ],
  window: [...window, ...filing('window')],
};

/** The unit that accepts and decides in each mode. */
export const DEPARTMENT: Record<Mode, Unit> = {
  online: 'localDepartment',
  proxyLocal: 'localDepartment',
  proxyRemote: 'remoteDepartment',
  window: 'department',
};

/** Rows for one mode, event and state (several rows may share an event with different units). */
const rowIndex = new Map<string, TransitionRow[]>();
export function rowsFor(mode: Mode, event: string, state: CaseState | 'new'): TransitionRow[] {
  const key = `${mode}|${event}|${state}`;
  let rows = rowIndex.get(key);
  if (rows === undefined) {
    const open = state !== 'new' && !CLOSED_STATES.includes(state);
    rows = TRANSITIONS[mode].filter(
      (r) => r.event === event && (r.from === state || (r.from === '*' && open)),
    );
    rowIndex.set(key, rows);
  }
  return rows;
}

/** Every event type that some row of this mode allows in this state (for error hints and the property tests). */
export function eventsAllowed(mode: Mode, state: CaseState | 'new'): CaseEventType[] {
  const open = state !== 'new' && !CLOSED_STATES.includes(state);
  return [
    ...new Set(
      TRANSITIONS[mode].filter((r) => r.from === state || (r.from === '*' && open)).map((r) => r.event),
    ),
  ];
}
