/**
 * One site of the multi-site test (issue 9; seed 000 3.2 and tables 2-3: received in one city, handled in another).
 *   node --import tsx site-worker.ts <databaseUrl> <role> <count>
 * role kiosk:  the 24-hour kiosk at site A submits <count> proxyLocal and <count> proxyRemote cases (applicant).
 * role siteA:  site A's window and department (remoteWindow, remoteDepartment): proxy receipt, transfer, the
 *              proxyRemote decision, delivery, archive, moving materials to site B.
 * role siteB:  site B's department and window (localDepartment, localWindow): the proxyLocal decision, forwarding
 *              the result, archive.
 * Each process polls the shared database for open cases and performs the steps of its units through core's
 * case service; it ends when all 2*count cases are archived. Prints one JSON line of what it did.
 */
import { WorkCalendar } from '@tongban/core/calendar';
import type { Unit } from '@tongban/core/cases';
import { type Case, caseHistory, loadCase, performStep, submitCase } from '@tongban/core/cases';
import { StoreConflictError } from '@tongban/core/store';
import { openPostgresStore } from '../pg-store.js';

const [url, role, countText] = process.argv.slice(2) as [string, 'kiosk' | 'siteA' | 'siteB', string];
const count = Number(countText);
const calendar = WorkCalendar.default();
const store = await openPostgresStore({ url, poolSize: 3 });
const ITEM = '11230000MB0001';
const steps: string[] = [];

type Step = { type: string; unit: Unit; payload?: Record<string, unknown> };
const did = (c: Case, type: string, unit?: Unit) =>
  caseHistory(c).some((e) => e.type === type && (unit === undefined || e.unit === unit));

/** The next step of this site on case c, if any (seed 000 table 2: proxyLocal; table 3: proxyRemote). */
function next(c: Case): Step | undefined {
  if (c.mode === 'proxyLocal') {
    if (role === 'siteA') {
      if (!did(c, 'proxyReceive'))
        return {
          type: 'proxyReceive',
          unit: 'remoteWindow',
          payload: { deliveryMethod: 'pickup', deliverAt: 'remoteWindow' },
        };
      if (!did(c, 'transfer')) return { type: 'transfer', unit: 'remoteWindow', payload: { method: 'push' } };
      if (did(c, 'forwardResult') && !did(c, 'deliver'))
        return { type: 'deliver', unit: 'remoteWindow', payload: { method: 'pickup' } };
      if (did(c, 'deliver') && !did(c, 'archive', 'remoteWindow'))
        return { type: 'archive', unit: 'remoteWindow' };
    } else if (role === 'siteB') {
      if (did(c, 'transfer') && !did(c, 'accept')) return { type: 'accept', unit: 'localDepartment' };
      if (did(c, 'accept') && !did(c, 'approve')) return { type: 'approve', unit: 'localDepartment' };
      if (did(c, 'approve') && !did(c, 'forwardResult'))
        return { type: 'forwardResult', unit: 'localWindow' };
      if (did(c, 'deliver') && !did(c, 'archive', 'localWindow'))
        return { type: 'archive', unit: 'localWindow' };
      if (did(c, 'deliver') && !did(c, 'archive', 'localDepartment'))
        return { type: 'archive', unit: 'localDepartment' };
    }
  } else if (c.mode === 'proxyRemote') {
    if (role === 'siteA') {
      if (!did(c, 'proxyReceive'))
        return { type: 'proxyReceive', unit: 'remoteWindow', payload: { deliveryMethod: 'pickup' } };
      if (!did(c, 'accept')) return { type: 'accept', unit: 'remoteDepartment' };
      if (!did(c, 'approve')) return { type: 'approve', unit: 'remoteDepartment' };
      if (!did(c, 'deliver')) return { type: 'deliver', unit: 'remoteWindow', payload: { method: 'pickup' } };
      if (!did(c, 'archive', 'remoteWindow')) return { type: 'archive', unit: 'remoteWindow' };
      if (!did(c, 'moveMaterials', 'remoteWindow'))
        return { type: 'moveMaterials', unit: 'remoteWindow', payload: { to: 'localWindow' } };
      if (!did(c, 'archive', 'remoteDepartment')) return { type: 'archive', unit: 'remoteDepartment' };
      if (!did(c, 'moveMaterials', 'remoteDepartment'))
        return { type: 'moveMaterials', unit: 'remoteDepartment', payload: { to: 'localDepartment' } };
    } else if (role === 'siteB') {
      if (did(c, 'moveMaterials', 'remoteWindow') && !did(c, 'archive', 'localWindow'))
        return { type: 'archive', unit: 'localWindow' };
      if (did(c, 'moveMaterials', 'remoteDepartment') && !did(c, 'archive', 'localDepartment'))
        return { type: 'archive', unit: 'localDepartment' };
    }
  }
  return undefined;
}

if (role === 'kiosk') {
  for (let i = 0; i < count; i++) {
    for (const mode of ['proxyLocal', 'proxyRemote'] as const) {
      const c = await submitCase(store, calendar, undefined, {
        item: ITEM,
        mode,
        applicant: { idNumber: `23010219900101${String(1000 + i)}`, name: '张三', phone: '13800000000' },
        submitted: ['身份证', '经营场所证明', '租赁合同'],
        unit: 'applicant',
        actor: 'kiosk-A1',
        site: 'HRBA',
      });
      steps.push(`${c.id}:submit`);
    }
  }
} else {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const all = await store.findCases({ itemCode: ITEM });
    if (all.length === 2 * count && all.every((s) => s.state === 'archived')) break;
    if (Date.now() > deadline) throw new Error(`${role}: cases not archived in time`);
    let acted = false;
    for (const s of await store.findCases({ itemCode: ITEM, open: true })) {
      const c = await loadCase(store, calendar, s.caseId);
      const step = next(c);
      if (!step) continue;
      try {
        // A deterministic event id: a step retried after a crash or a lost answer is stored once.
        await performStep(store, calendar, c.id, {
          ...step,
          actor: `${role}-clerk`,
          eventId: `${c.id}:${step.type}:${step.unit}`,
        });
        steps.push(`${c.id}:${step.type}:${step.unit}`);
        acted = true;
      } catch (e) {
        if (!(e instanceof StoreConflictError)) throw e; // the other site wrote first: decide again next round
      }
    }
    if (!acted) await new Promise((r) => setTimeout(r, 30));
  }
}
await store.close();
console.log(JSON.stringify({ role, steps: steps.length }));
