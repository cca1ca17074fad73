import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../calendar/index.js';
import { MODES } from '../catalogue/service-item.js';
import { CASE_STATES, type Case, caseHistory, isClosed } from './case.js';
import { type CaseEvent, UNITS } from './case-event.js';
import { appendEvent, foldCase } from './engine.js';
import { CaseRuleError, TransitionError } from './errors.js';
import { CASE_EVENT_TYPES, type CaseEventType } from './event-types.js';
import { RIGHTS, submitPayload } from './testing.js';
import { ARCHIVE_UNITS, eventsAllowed, FILED_CLOSED_STATES, rowsFor } from './transitions.js';
import { summarise } from './views.js';

const calendar = WorkCalendar.default();
const T0 = Date.parse('2025-03-03T01:00:00Z');

/** A plausible payload for each event type, built from the case so that many random steps succeed. */
function payloadFor(type: CaseEventType, c: Case, at: string, pick: number): Record<string, unknown> {
  const later = new Date(Date.parse(at) + 5 * 86_400_000).toISOString();
  const dept = ['市场监管局', '消防救援支队', '生态环境局'][pick % 3];
  switch (type) {
    case 'proxyReceive':
      return { deliveryMethod: 'pickup', deliverAt: pick % 2 ? 'localWindow' : 'remoteWindow' };
    case 'proxyRefuse':
    case 'refuse':
      return { reasons: ['不符合要求'] };
    case 'transfer':
      return pick % 2 ? { method: 'push' } : { method: 'post', trackingNumber: 'SF1' };
    case 'acceptWithTolerance':
      return { missing: c.materials.missing, dueAt: later, pledge: true };
    case 'requestSupplement':
      return {
        items: [...c.materials.missing, '租赁合同'].map((m) => ({ material: m, reason: '补正' })),
        dueAt: later,
      };
    case 'supplement':
      return { materials: c.tolerance?.missing.length ? c.tolerance.missing : ['经营场所证明', '租赁合同'] };
    case 'startSpecialProcedure':
      return { kind: 'hearing' };
    case 'giveOpinion':
      return { department: dept, opinion: pick % 5 ? 'agree' : 'disagree' };
    case 'approve':
      return { department: c.jointUnits[0] };
    case 'deny':
      return { department: c.jointUnits[0], reasons: ['不符合条件'], rights: RIGHTS };
    case 'deliver':
      return { method: c.deliveryMethod ?? 'pickup' };
    case 'deliveryFeedback':
      return {
        to: c.mode === 'proxyLocal' ? 'remoteWindow' : c.mode === 'window' ? 'department' : 'localDepartment',
      };
    case 'moveMaterials':
      return { to: pick % 2 ? 'localWindow' : 'localDepartment' };
    case 'note':
      return { note: '来电' };
    default:
      return {};
  }
}

const stepArb = fc.record({
  type: fc.nat(CASE_EVENT_TYPES.length - 1),
  unit: fc.nat(UNITS.length - 1),
  hours: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 100, max: 200 })),
  pick: fc.nat(9),
  /** 0-7: follow the table (an allowed event by an allowed unit); 8: any event; 9: any unit. */
  bias: fc.nat(9),
});
const historyArb = fc.record({
  mode: fc.constantFrom(...MODES),
  kind: fc.constantFrom('immediate', 'promised', 'joint'),
  submitted: fc.subarray(['身份证', '经营场所证明', '租赁合同']),
  steps: fc.array(stepArb, { minLength: 10, maxLength: 80 }),
});

type History = typeof historyArb extends fc.Arbitrary<infer R> ? R : never;

/** Builds a random history through the engine; returns the accepted events. */
function run(h: History): {
  events: CaseEvent[];
  c: Case;
} {
  const id = 'P1';
  let t = T0;
  const submit: CaseEvent = {
    id: 'e0',
    caseId: id,
    type: 'submit',
    unit: 'applicant',
    actor: 'kiosk',
    at: new Date(t).toISOString(),
    payload: submitPayload(h.mode, {
      kind: h.kind as Case['kind'],
      promisedDays: h.kind === 'immediate' ? 0 : 5,
      jointUnits: h.kind === 'joint' ? ['市场监管局', '消防救援支队', '生态环境局'] : [],
      submitted: h.submitted,
    }),
  };
  let c = appendEvent(undefined, submit, { calendar });
  const events = [submit];
  h.steps.forEach((s, i) => {
    t += s.hours * 3_600_000;
    const quiet = ['withdraw', 'note', 'guidance', 'refuse', 'proxyRefuse'];
    const all = eventsAllowed(c.mode, c.state);
    const allowed =
      s.pick < 8 && all.some((x) => !quiet.includes(x)) ? all.filter((x) => !quiet.includes(x)) : all;
    const type = (
      s.bias < 9 && allowed.length > 0 ? allowed[s.type % allowed.length] : CASE_EVENT_TYPES[s.type]
    ) as CaseEventType;
    const units = rowsFor(c.mode, type, c.state).flatMap((r) => r.units);
    const unit = (
      s.bias < 8 && units.length > 0 ? units[s.unit % units.length] : UNITS[s.unit]
    ) as CaseEvent['unit'];
    const at = new Date(t).toISOString();
    const e: CaseEvent = {
      id: `e${i + 1}`,
      caseId: id,
      type,
      unit,
      actor: 'x',
      at,
      payload: payloadFor(type, c, at, s.pick),
    };
    const before = c;
    const snapshot = JSON.stringify(summarise(before));
    try {
      c = appendEvent(c, e, { calendar });
      events.push(e);
    } catch (err) {
      expect(err instanceof TransitionError || err instanceof CaseRuleError, String(err)).toBe(true);
      expect(JSON.stringify(summarise(before))).toBe(snapshot); // a refused step changes nothing
      expect(before.length).toBe(caseHistory(before).length);
    }
    checkInvariants(c);
  });
  return { events, c };
}

function checkInvariants(c: Case) {
  expect(CASE_STATES).toContain(c.state);
  expect(isClosed(c)).toBe(c.closedAt !== undefined);
  const archive = ARCHIVE_UNITS[c.mode];
  for (const u of c.archivedBy) expect(archive).toContain(u);
  // a case closed without approval is filed and keeps its state (seed 002 6.7 a)
  if (!(FILED_CLOSED_STATES as readonly string[]).includes(c.state))
    expect(c.state === 'archived').toBe(archive.every((u) => c.archivedBy.includes(u)));
  for (const stage of ['intake', 'review'])
    expect(c.supplementRequests.filter((r) => r.stage === stage).length).toBeLessThanOrEqual(1);
  if (c.decision?.outcome === 'approved') expect(c.tolerance?.missing ?? []).toEqual([]);
  if (c.decision?.outcome === 'denied') expect(c.decision.reasons?.length).toBeGreaterThan(0);
  if (c.decision) expect(c.acceptedAt).toBeDefined();
  const open = c.pauses.filter((p) => p.to === undefined);
  expect(open.length).toBeLessThanOrEqual(1);
  if (open.length === 1) expect(['supplementRequested', 'specialProcedure']).toContain(c.state);
  if (c.acceptedAt && open.length === 0) expect(c.dueAt).toBeDefined();
  if (open.length === 1 || !c.acceptedAt) expect(c.dueAt).toBeUndefined();
  const ids = caseHistory(c).map((e) => e.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBe(c.length);
}

const view = (c: Case) => JSON.stringify({ ...c, log: caseHistory(c) });

describe('case engine properties', () => {
  it('random event sequences never produce an illegal state, and a refused step changes nothing', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(historyArb, (h) => {
        for (const e of caseHistory(run(h).c)) reached.add(e.state);
      }),
      { numRuns: 400, seed: 20250310 }, // fixed seed: the coverage check below must not flake,
    );
    // the walk goes deep: every state of the model is reached by some history
    expect([...CASE_STATES].filter((s) => !reached.has(s))).toEqual([]);
  });

  it('folding is deterministic', () => {
    fc.assert(
      fc.property(historyArb, (h) => {
        const { events, c } = run(h);
        expect(view(foldCase(events, { calendar }))).toBe(view(c));
        expect(view(foldCase(events, { calendar }))).toBe(view(foldCase(events, { calendar })));
      }),
      { numRuns: 150 },
    );
  });

  it('appending the same events twice changes nothing (idempotent by event id)', () => {
    fc.assert(
      fc.property(historyArb, fc.nat(), (h, seed) => {
        const { events, c } = run(h);
        const shuffledAgain = [...events].sort(
          (a, b) => ((a.id.length * 31 + seed) % 7) - ((b.id.length * 31 + seed) % 7),
        );
        expect(view(foldCase([...events, ...shuffledAgain], { calendar }))).toBe(view(c));
        let again = c;
        for (const e of events) again = appendEvent(again, e, { calendar });
        expect(again).toBe(c);
      }),
      { numRuns: 150 },
    );
  });

  it('an older snapshot stays as it was when a later one is extended, and can itself be extended (fork)', () => {
    const { events, c } = run({
      mode: 'online',
      kind: 'promised',
      submitted: ['身份证', '经营场所证明', '租赁合同'],
      steps: [],
    });
    const a = appendEvent(c, {
      ...events[0],
      id: 'n1',
      type: 'note',
      unit: 'localWindow',
      payload: { note: 'a' },
    } as CaseEvent);
    const b = appendEvent(c, {
      ...events[0],
      id: 'n2',
      type: 'note',
      unit: 'localWindow',
      payload: { note: 'b' },
    } as CaseEvent);
    expect(caseHistory(c).map((e) => e.id)).toEqual(['e0']);
    expect(caseHistory(a).map((e) => e.id)).toEqual(['e0', 'n1']);
    expect(caseHistory(b).map((e) => e.id)).toEqual(['e0', 'n2']);
    expect(
      appendEvent(b, {
        ...events[0],
        id: 'n1',
        type: 'note',
        unit: 'localWindow',
        payload: { note: 'a' },
      } as CaseEvent).length,
    ).toBe(3);
  });
});
