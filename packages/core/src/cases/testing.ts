import { ServiceItem } from '../catalogue/service-item.js';
import type { Case } from './case.js';
import type { CaseEvent, Unit } from './case-event.js';
import { appendEvent, type CaseContext } from './engine.js';
import type { PayloadOf } from './event-types.js';

/**
 * Helpers to write case histories by hand in tests and benches (also used by the metrics and notices tests).
 * `history(caseId, ctx)` returns a stepper that appends through the real engine and keeps the events.
 */
export const RIGHTS: PayloadOf<'deny'>['rights'] = {
  review: { body: '某市人民政府', withinDays: 60 },
  litigation: { court: '某区人民法院', withinMonths: 6 },
};

export function submitPayload(
  mode: Case['mode'],
  over: Partial<PayloadOf<'submit'>> = {},
): PayloadOf<'submit'> {
  return {
    itemCode: '11230000MB0001',
    itemName: '个体工商户登记',
    catalogueVersion: 1,
    mode,
    kind: 'promised',
    promisedDays: 5,
    transferDays: 1,
    jointUnits: [],
    applicant: { idNumber: '230102199001011234', name: '张三', phone: '13800000000' },
    required: [
      { name: '身份证', kind: 'key', tolerable: false },
      { name: '经营场所证明', kind: 'key', tolerable: false },
      { name: '租赁合同', kind: 'secondary', tolerable: true },
    ],
    submitted: ['身份证', '经营场所证明', '租赁合同'],
    eLicences: [],
    ...over,
  };
}

export interface Stepper {
  c: Case | undefined;
  events: CaseEvent[];
  step(type: string, unit: Unit, at: string, payload?: Record<string, unknown>): Case;
  get case(): Case;
}

export function history(caseId: string, ctx: CaseContext = {}): Stepper {
  let n = 0;
  const s: Stepper = {
    c: undefined,
    events: [],
    step(type, unit, at, payload = {}) {
      const e: CaseEvent = { id: `${caseId}#${++n}`, caseId, type, unit, actor: `${unit}-1`, at, payload };
      s.c = appendEvent(s.c, e, ctx);
      s.events.push(e);
      return s.c;
    },
    get case() {
      if (!s.c) throw new Error('no case yet');
      return s.c;
    },
  };
  return s;
}

/**
 * The one service item of the engine-level tests (个体工商户设立登记, three materials, one tolerable), with overrides:
 * the case service, store, archive and sync tests all start from it.
 */
export function testItem(over: Partial<Record<keyof ServiceItem, unknown>> = {}): ServiceItem {
  return ServiceItem.parse({
    mainName: '个体工商户设立登记',
    itemType: 'licensing',
    itemCode: '11230000MB0001',
    legalBasis: ['《促进个体工商户发展条例》'],
    materials: [
      { name: '身份证', kind: 'key', eLicence: '居民身份证' },
      { name: '经营场所证明', kind: 'key' },
      { name: '租赁合同', kind: 'secondary', tolerable: true },
    ],
    process: ['申请', '受理', '审查', '决定'],
    promisedDays: 3,
    audience: ['person'],
    legalDays: 15,
    level: 'county',
    implementingUnit: '某县市场监管局',
    windowCategory: '法人事务',
    caseKind: 'promised',
    modes: ['window', 'online', 'proxyLocal'],
    transferDays: 1,
    bundles: ['开办个体户一件事'],
    ...over,
  });
}
