import { WorkCalendar } from '../calendar/index.js';
import type { CaseEvent, Unit } from '../cases/case-event.js';
import { type Complaint, ComplaintForm } from '../complaints/complaint.js';
import { makeComplaintNumber } from '../complaints/complaint-number.js';
import { isBadRating, type Rating } from '../ratings/rating.js';

/** The hand-made history of November 2026 used by the metrics tests; see compute.test.ts for the worked answers. */
export const calendar = WorkCalendar.default();
export const sh = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`).toISOString();

let seq = 0;
export function ev(
  caseId: string,
  type: string,
  unit: Unit,
  at: string,
  payload: Record<string, unknown> = {},
  actor = 'clerk',
): CaseEvent {
  seq += 1;
  return { id: `${caseId}-e${seq}`, caseId, type, unit, actor, at: sh(at), payload };
}

function submit(
  caseId: string,
  unit: Unit,
  at: string,
  o: {
    mode: string;
    kind: string;
    promisedDays: number;
    transferDays?: number;
    materials: [string, boolean][];
    actor?: string;
  },
): CaseEvent {
  const required = o.materials.map(([name, e]) => ({
    name,
    kind: 'key',
    ...(e ? { eLicence: `${name}电子证照` } : {}),
  }));
  return ev(
    caseId,
    'submit',
    unit,
    at,
    {
      itemCode: `ITEM-${o.mode}`,
      itemName: '测试事项',
      catalogueVersion: 1,
      mode: o.mode,
      kind: o.kind,
      promisedDays: o.promisedDays,
      ...(o.transferDays !== undefined ? { transferDays: o.transferDays } : {}),
      applicant: { idNumber: '230102198001011234', name: '王五' },
      required,
      // the hall fetched every e-licence at submission (seed 003 九); the rest were handed in
      submitted: required.filter((m) => !('eLicence' in m)).map((m) => m.name),
      eLicences: required.flatMap((m) =>
        'eLicence' in m ? [{ material: m.name, licence: m.eLicence, fetchedAt: sh(at) }] : [],
      ),
    },
    o.actor ?? 'clerk',
  );
}

const RIGHTS = {
  review: { body: '市人民政府', withinDays: 60 },
  litigation: { court: '区人民法院', withinMonths: 6 },
};

export const histories: Record<string, CaseEvent[]> = {
  C1: [
    submit('C1', 'window', '2026-11-02 09:00', {
      mode: 'window',
      kind: 'promised',
      promisedDays: 3,
      materials: [
        ['身份证明', true],
        ['申请表', false],
        ['房产证明', false],
      ],
      actor: 'W01',
    }),
    ev('C1', 'accept', 'window', '2026-11-02 09:30', {}, 'W01'),
    ev('C1', 'approve', 'department', '2026-11-05 10:00', { result: '准予' }, 'dept-1'),
    ev('C1', 'deliver', 'window', '2026-11-06 10:00', { method: 'pickup' }, 'W01'),
  ],
  C2: [
    submit('C2', 'applicant', '2026-11-03 20:00', {
      mode: 'online',
      kind: 'promised',
      promisedDays: 2,
      materials: [
        ['A', true],
        ['B', true],
      ],
      actor: 'online',
    }),
    ev('C2', 'accept', 'localDepartment', '2026-11-04 09:00'),
    ev('C2', 'requestSupplement', 'localDepartment', '2026-11-04 10:00', {
      items: [{ material: 'B', reason: '模糊' }],
      dueAt: sh('2026-11-11 17:00'),
    }),
    ev('C2', 'supplement', 'applicant', '2026-11-09 10:00', { materials: ['B'] }, 'online'),
    ev('C2', 'approve', 'localDepartment', '2026-11-10 15:00'),
    ev('C2', 'deliver', 'localWindow', '2026-11-10 16:00', { method: 'electronic' }),
  ],
  C3: [
    submit('C3', 'window', '2026-11-12 10:00', {
      mode: 'window',
      kind: 'immediate',
      promisedDays: 0,
      materials: [['X', false]],
      actor: 'W01',
    }),
    ev('C3', 'accept', 'window', '2026-11-12 10:05', {}, 'W01'),
    ev('C3', 'approve', 'window', '2026-11-12 10:20', {}, 'W01'),
    ev('C3', 'deliver', 'window', '2026-11-12 10:25', { method: 'pickup' }, 'W01'),
  ],
  C4: [
    submit('C4', 'remoteWindow', '2026-11-16 08:50', {
      mode: 'proxyLocal',
      kind: 'promised',
      promisedDays: 5,
      transferDays: 1,
      materials: [
        ['P', true],
        ['Q', false],
      ],
      actor: 'R01',
    }),
    ev(
      'C4',
      'proxyReceive',
      'remoteWindow',
      '2026-11-16 09:00',
      { deliveryMethod: 'post', deliverAt: 'localWindow' },
      'R01',
    ),
    ev('C4', 'transfer', 'remoteWindow', '2026-11-18 09:00', { method: 'push' }, 'R01'),
    ev('C4', 'accept', 'localDepartment', '2026-11-18 11:00'),
    ev('C4', 'startSpecialProcedure', 'localDepartment', '2026-11-19 09:00', { kind: 'inspection' }),
    ev('C4', 'endSpecialProcedure', 'localDepartment', '2026-11-24 17:00'),
    ev('C4', 'deny', 'localDepartment', '2026-11-30 10:00', { reasons: ['检验不合格'], rights: RIGHTS }),
    ev('C4', 'deliver', 'localWindow', '2026-12-02 10:00', { method: 'post', trackingNumber: 'EMS1' }),
  ],
  C5: [
    submit('C5', 'remoteWindow', '2026-11-23 09:50', {
      mode: 'proxyLocal',
      kind: 'promised',
      promisedDays: 10,
      transferDays: 2,
      materials: [
        ['M', false],
        ['N', false],
      ],
      actor: 'R01',
    }),
    ev(
      'C5',
      'proxyReceive',
      'remoteWindow',
      '2026-11-23 10:00',
      { deliveryMethod: 'pickup', deliverAt: 'remoteWindow' },
      'R01',
    ),
    ev(
      'C5',
      'transfer',
      'remoteWindow',
      '2026-11-24 16:00',
      { method: 'post', trackingNumber: 'EMS2' },
      'R01',
    ),
    ev('C5', 'receiveTransfer', 'localWindow', '2026-11-26 09:00'),
    ev('C5', 'accept', 'localDepartment', '2026-11-26 10:00'),
  ],
  C6: [
    submit('C6', 'window', '2026-11-23 09:00', {
      mode: 'window',
      kind: 'promised',
      promisedDays: 1,
      materials: [['Y', false]],
      actor: 'W02',
    }),
    ev('C6', 'accept', 'window', '2026-11-24 09:00', {}, 'W02'),
    ev('C6', 'approve', 'department', '2026-11-26 10:00', {}, 'dept-1'),
    ev('C6', 'deliver', 'window', '2026-11-26 11:00', { method: 'pickup' }, 'W02'),
  ],
  C7: [
    submit('C7', 'window', '2026-10-28 09:00', {
      mode: 'window',
      kind: 'promised',
      promisedDays: 1,
      materials: [
        ['E1', true],
        ['E2', true],
      ],
      actor: 'W01',
    }),
    ev('C7', 'accept', 'window', '2026-10-28 09:10', {}, 'W01'),
    ev('C7', 'approve', 'department', '2026-10-29 10:00', {}, 'dept-1'),
    ev('C7', 'deliver', 'window', '2026-10-30 10:00', { method: 'pickup' }, 'W01'),
  ],
  C8: [
    submit('C8', 'window', '2026-11-05 09:00', {
      mode: 'window',
      kind: 'promised',
      promisedDays: 5,
      materials: [
        ['R1', true],
        ['R2', false],
      ],
      actor: 'W02',
    }),
    ev('C8', 'refuse', 'window', '2026-11-05 09:20', { reasons: ['不属于本机关职权范围'] }, 'W02'),
  ],
};

function complaint(n: number, received: string, replied?: string, caseId?: string): Complaint {
  const receivedAt = sh(received);
  const form = ComplaintForm.parse({
    channel: 'phone',
    targetUnit: '综合窗口',
    type: 'efficiency',
    content: '办理慢',
    caseId,
  });
  return {
    ...form,
    id: makeComplaintNumber(received.slice(0, 10), n),
    revision: 1,
    state: replied ? 'replied' : 'investigating',
    receivedAt,
    dueAt: calendar.addWorkingDays(receivedAt, 5).toISOString(),
    steps: [{ step: 'received', at: receivedAt, by: 'c', note: '' }],
    ...(replied ? { reply: { text: '已答复', channel: 'phone' as const, at: sh(replied), by: 'c' } } : {}),
  };
}
export const complaints = [
  complaint(0, '2026-10-26 10:00', '2026-10-30 10:00'),
  complaint(1, '2026-11-02 10:00', '2026-11-06 10:00'),
  complaint(2, '2026-11-17 10:00', '2026-11-25 10:00', 'C4'),
  complaint(3, '2026-11-23 10:00'),
  complaint(4, '2026-11-25 10:00'),
];
export const [K0, K1, K2, K3] = complaints.map((k) => k.id);

function rating(caseId: string, level: 1 | 2 | 3 | 4 | 5, at: string): Rating {
  return {
    id: caseId,
    revision: 1,
    caseId,
    level,
    comment: '',
    dimensions: {},
    channel: 'kiosk',
    ratedAt: sh(at),
    auto: false,
    bad: isBadRating(level),
  };
}
export const ratings = [
  rating('C7', 5, '2026-11-02 12:00'),
  rating('C1', 2, '2026-11-06 12:00'),
  rating('C2', 4, '2026-11-10 18:00'),
  rating('C3', 3, '2026-11-12 11:00'),
  rating('C6', 1, '2026-12-01 09:00'),
];

export const cases = Object.entries(histories).map(([caseId, events]) => ({ caseId, events }));
export const november = { from: '2026-11-01', to: '2026-11-30' };
