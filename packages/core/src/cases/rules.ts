import type { Case } from './case.js';
import type { CaseEvent } from './case-event.js';
import { CaseRuleError } from './errors.js';
import type { CaseEventType, PayloadOf } from './event-types.js';

/**
 * The data rules of each step, checked after the transition table allowed it (transitions.ts). Each throws a
 * CaseRuleError naming the clause; none changes anything.
 */
type Rule<T extends CaseEventType> = (c: Case, p: PayloadOf<T>, e: CaseEvent) => void;

const fail = (c: Case, e: CaseEvent, message: string, hint: string, field?: string): never => {
  throw new CaseRuleError(c.id, e.type, message, hint, field);
};

const lead = (c: Case) => c.jointUnits[0];
const others = (c: Case) => c.jointUnits.slice(1);

/**
 * 容缺 materials still missing, or handed in after their deadline, block a decision (seed 004 6.5: 在材料补正后及时
 * 作出办理意见); a late one leaves the case to the overdue rule (toleranceExpired, seed 002 9.3.6).
 */
const toleranceOutstanding = (c: Case) =>
  (c.tolerance?.missing.length ?? 0) > 0 || (c.tolerance?.handedIn.some((h) => h.late) ?? false);

function checkDecider(c: Case, e: CaseEvent, department: string | undefined) {
  if (e.unit === 'window' && c.kind !== 'immediate') {
    fail(
      c,
      e,
      'only 即办件 (immediate cases) are decided at the window; this case goes to the department',
      'let the department decide (seed 004 6.6, 8.5)',
      'unit',
    );
  }
  if (c.kind === 'joint' && department !== lead(c)) {
    fail(
      c,
      e,
      `a 联办件 is decided by its lead department "${lead(c)}", not "${department ?? '(none given)'}"`,
      'give payload.department = the lead department (seed 004 8.5.2)',
      'department',
    );
  }
}

const pendingSupplement = (c: Case) => c.supplementRequests.find((r) => r.answeredAt === undefined);

export const RULES: { [T in CaseEventType]?: Rule<T> } = {
  submit: (c, p, e) => {
    if (p.kind === 'joint' && p.jointUnits.length < 2) {
      fail(
        c,
        e,
        '联办件 needs a lead department and at least one other',
        'list jointUnits, lead first (seed 004 6.7)',
      );
    }
    if (p.mode === 'proxyLocal' && p.transferDays === undefined) {
      fail(
        c,
        e,
        'proxyLocal needs the transfer time limit',
        'pin transferDays from the item (seed 000 table 2 row 1 c)',
      );
    }
  },
  proxyReceive: (c, p, e) => {
    if (c.materials.missing.length > 0) {
      fail(
        c,
        e,
        `materials are incomplete (${c.materials.missing.join('、')}): a proxy receipt needs complete materials`,
        'refuse the proxy receipt listing every reason at once (seed 000 table 2 row 1 a 2)',
      );
    }
    if (c.mode === 'proxyRemote' && p.deliverAt !== 'remoteWindow') {
      fail(
        c,
        e,
        'in proxyRemote the result is delivered by the remote window',
        'set deliverAt to remoteWindow (seed 000 table 3 row 4)',
      );
    }
  },
  accept: (c, _p, e) => {
    if (c.materials.missing.length > 0) {
      fail(
        c,
        e,
        `materials are missing (${c.materials.missing.join('、')}): only complete applications are accepted`,
        'request a supplement listing all of them, or use acceptWithTolerance for secondary tolerable ones (seed 000 table 1 row 2 a; seed 004 6.5)',
      );
    }
  },
  acceptWithTolerance: (c, p, e) => {
    if (c.kind === 'immediate') {
      fail(
        c,
        e,
        '容缺受理 applies to promised (non-immediate) items only',
        'accept or request a supplement (seed 002 3.5)',
      );
    }
    const missing = new Set(c.materials.missing);
    const listed = new Set(p.missing);
    for (const name of c.materials.missing) {
      if (!listed.has(name))
        fail(
          c,
          e,
          `missing material "${name}" is not listed`,
          'list every missing material at once (seed 002 9.3.6)',
          'missing',
        );
    }
    for (const name of p.missing) {
      const m = c.materials.required.find((r) => r.name === name);
      if (!missing.has(name) || !m)
        fail(
          c,
          e,
          `"${name}" is not a missing material of this case`,
          'list only materials still missing',
          'missing',
        );
      else if (m.kind !== 'secondary' || !m.tolerable) {
        fail(
          c,
          e,
          `"${name}" is a ${m.kind === 'key' ? 'key' : 'non-tolerable'} material: 容缺 covers only secondary tolerable materials`,
          'request a supplement instead (seed 004 6.5; seed 002 3.5)',
          'missing',
        );
      }
    }
    if (p.dueAt <= e.at)
      fail(
        c,
        e,
        'the deadline for the tolerated materials must be after acceptance',
        'give a later dueAt (seed 002 9.3.6)',
        'dueAt',
      );
  },
  requestSupplement: (c, p, e) => {
    const stage = c.state === 'accepted' ? 'review' : 'intake';
    const earlier = c.supplementRequests.find((r) => r.stage === stage);
    if (earlier) {
      fail(
        c,
        e,
        `a supplement was already requested at the ${stage} stage on ${earlier.requestedAt}: a second request is not allowed (一次性告知)`,
        'decide on the materials at hand (accept/refuse or approve/deny) (seed 001 6.1.3; seed 000 table 1 row 3 a 1)',
      );
    }
    const listed = new Set(p.items.map((i) => i.material));
    const tolerated = new Set(c.tolerance?.missing ?? []);
    const unlisted = c.materials.missing.filter((m) => !listed.has(m) && !tolerated.has(m));
    if (unlisted.length > 0) {
      fail(
        c,
        e,
        `the request leaves out missing materials: ${unlisted.join('、')}`,
        'list every missing material in this one request (seed 001 6.1.3)',
        'items',
      );
    }
    if (p.dueAt <= e.at)
      fail(
        c,
        e,
        'the supplement deadline must be after the request',
        'give a later dueAt (seed 000 table 1 row 3 a 1)',
        'dueAt',
      );
  },
  supplement: (c, p, e) => {
    if (c.state === 'supplementRequested') return;
    if (c.state === 'awaitingAcceptance') {
      // a material handed in at the window before acceptance (seed 001 6.1.1: 收件): only what is still missing
      for (const m of p.materials) {
        if (!c.materials.missing.includes(m))
          fail(
            c,
            e,
            `"${m}" is not a missing material of this case (missing: ${c.materials.missing.join('、') || 'none'})`,
            'hand in only materials still missing, named as in the catalogue',
            'materials',
          );
      }
      return;
    }
    const owed = new Set(c.tolerance?.missing ?? []);
    if (owed.size === 0) fail(c, e, 'no materials are owed on this case', 'nothing to hand in now');
    for (const m of p.materials) {
      if (!owed.has(m))
        fail(
          c,
          e,
          `"${m}" is not one of the tolerated materials owed (${[...owed].join('、')})`,
          'hand in the listed materials',
          'materials',
        );
    }
  },
  supplementExpired: (c, _p, e) => {
    const r = pendingSupplement(c);
    if (!r || e.at < r.dueAt)
      fail(c, e, `the supplement deadline ${r?.dueAt ?? ''} has not passed`, 'wait for the deadline', 'at');
  },
  toleranceExpired: (c, _p, e) => {
    if (!c.tolerance || !toleranceOutstanding(c))
      fail(c, e, 'no tolerated materials are outstanding or late', 'nothing expires');
    else if (e.at < c.tolerance.dueAt)
      fail(c, e, `the deadline ${c.tolerance.dueAt} has not passed`, 'wait for the deadline', 'at');
  },
  giveOpinion: (c, p, e) => {
    if (c.kind !== 'joint') fail(c, e, 'opinions are given on 联办件 only', 'decide directly (seed 004 6.7)');
    if (!others(c).includes(p.department)) {
      fail(
        c,
        e,
        `"${p.department}" is not a non-lead unit of this joint case (${others(c).join('、')})`,
        'the lead decides; the others give opinions (seed 004 8.5.2)',
        'department',
      );
    }
    if (c.opinions.some((o) => o.department === p.department))
      fail(
        c,
        e,
        `"${p.department}" has already given its opinion`,
        'one opinion per department',
        'department',
      );
  },
  approve: (c, p, e) => {
    checkDecider(c, e, p.department);
    if (toleranceOutstanding(c)) {
      fail(
        c,
        e,
        (c.tolerance?.missing.length ?? 0) > 0
          ? `tolerated materials are still owed (${c.tolerance?.missing.join('、')})`
          : `tolerated materials arrived after their deadline ${c.tolerance?.dueAt}: the overdue rule applies`,
        'wait for them or let the deadline pass (seed 004 6.5)',
      );
    }
    if (c.kind === 'joint') {
      const given = new Set(c.opinions.map((o) => o.department));
      const waiting = others(c).filter((d) => !given.has(d));
      if (waiting.length > 0)
        fail(
          c,
          e,
          `opinions are still awaited from ${waiting.join('、')}`,
          'collect every parallel opinion first (seed 004 6.7, 8.5.2)',
        );
      const against = c.opinions.filter((o) => o.opinion === 'disagree').map((o) => o.department);
      if (against.length > 0)
        fail(
          c,
          e,
          `${against.join('、')} disagreed: a joint case cannot be approved`,
          'deny with reasons (seed 004 8.5.5)',
        );
    }
  },
  deny: (c, p, e) => checkDecider(c, e, p.department),
  forwardResult: (c, _p, e) => {
    if (c.deliverAt !== 'remoteWindow')
      fail(
        c,
        e,
        'the applicant chose delivery by the local window',
        'deliver directly, then feed back to the remote window (seed 000 table 2 row 4 a)',
      );
  },
  deliver: (c, p, e) => {
    if (c.mode === 'proxyLocal' && e.unit === 'localWindow' && c.deliverAt !== 'localWindow') {
      fail(
        c,
        e,
        'the applicant chose to take the result at the remote window',
        'forwardResult to the remote window first (seed 000 table 2 row 4 b)',
      );
    }
    if (c.deliveryMethod && p.method !== c.deliveryMethod) {
      fail(
        c,
        e,
        `the applicant chose delivery by ${c.deliveryMethod}, not ${p.method}`,
        'deliver by the chosen method (seed 000 table 1 row 4; 5.4)',
        'method',
      );
    }
  },
  deliveryFeedback: (c, p, e) => {
    const expected =
      c.mode === 'proxyLocal' ? 'remoteWindow' : c.mode === 'window' ? 'department' : 'localDepartment';
    if (c.mode === 'proxyLocal' && c.deliveredBy !== 'localWindow')
      fail(c, e, 'the remote window delivered; no feedback is owed', 'archive instead');
    if (p.to !== expected)
      fail(
        c,
        e,
        `feedback goes to ${expected}, not ${p.to}`,
        'seed 000 table 2 row 4 a; seed 001 6.3.4',
        'to',
      );
    if (c.deliveryFeedbackTo.includes(p.to))
      fail(c, e, `feedback to ${p.to} was already given`, 'nothing more to do');
  },
  refusalFeedback: (c, p, e) => {
    const told = c.refusal?.fedBackTo ?? [];
    if (c.refusal?.proxy)
      fail(c, e, 'a proxy refusal was told at the remote window itself', 'nothing to feed back');
    if (told.some((t) => t.to === p.to)) fail(c, e, `${p.to} was already told`, 'nothing more to do', 'to');
    if (p.to === 'remoteWindow' && e.unit === 'remoteWindow')
      fail(c, e, 'the deciding department feeds back to the remote window', 'act as the department', 'unit');
    if (p.to === 'applicant' && e.unit !== 'remoteWindow')
      fail(
        c,
        e,
        'the remote window tells the applicant',
        'act as remoteWindow (seed 000 table 2 row 2 b)',
        'unit',
      );
    if (p.to === 'applicant' && !told.some((t) => t.to === 'remoteWindow'))
      fail(
        c,
        e,
        'the department has not fed the refusal back to the remote window yet',
        'feed back to the remote window first (seed 000 table 2 row 2 b)',
        'to',
      );
  },
  moveMaterials: (c, p, e) => {
    const expected = e.unit === 'remoteWindow' ? 'localWindow' : 'localDepartment';
    if (p.to !== expected)
      fail(
        c,
        e,
        `${e.unit} moves materials to ${expected}, not ${p.to}`,
        'seed 000 table 3 row 4 b, row 5 b',
        'to',
      );
    if (c.materialsMovedBy.includes(e.unit))
      fail(c, e, `${e.unit} has already moved its materials`, 'nothing more to do');
  },
  archive: (c, _p, e) => {
    if (c.archivedBy.includes(e.unit))
      fail(c, e, `${e.unit} has already archived this case`, 'each unit archives once');
    if (['refused', 'withdrawn', 'terminated', 'proxyRefused'].includes(c.state) && !c.units.includes(e.unit))
      fail(
        c,
        e,
        `${e.unit} did not act on this case closed as ${c.state}`,
        'it is filed by the units that acted on it (seed 002 6.7 a)',
      );
    const need = (ok: boolean, what: string, seed: string) => {
      if (!ok) fail(c, e, `${e.unit} cannot archive before ${what}`, seed);
    };
    if (c.mode === 'proxyLocal' && e.unit === 'remoteWindow' && c.deliveredBy === 'localWindow') {
      need(
        c.deliveryFeedbackTo.includes('remoteWindow'),
        'the local window reports the delivery',
        'seed 000 table 2 row 4 a',
      );
    }
    if (c.mode === 'proxyRemote' && e.unit === 'localWindow') {
      need(
        c.materialsMovedBy.includes('remoteWindow'),
        'the remote window moves the finished materials',
        'seed 000 table 3 row 4 b',
      );
    }
    if (c.mode === 'proxyRemote' && e.unit === 'localDepartment') {
      need(
        c.materialsMovedBy.includes('remoteDepartment'),
        'the remote department hands over the originals',
        'seed 000 table 3 row 5 b',
      );
    }
    if (c.mode === 'window' && e.unit === 'department') {
      need(c.deliveryFeedbackTo.includes('department'), 'the window reports the delivery', 'seed 001 6.3.4');
    }
  },
};
