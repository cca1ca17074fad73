import { randomUUID } from 'node:crypto';
import type { DeliveryMethod, Mode, ServiceItem } from '../catalogue/service-item.js';
import { StoreConflictError } from '../store/errors.js';
import type { Store } from '../store/store.js';
import { newApplicationNumber } from './application-number.js';
import type { Case } from './case.js';
import type { CaseEvent, Unit } from './case-event.js';
import { appendEvent, foldCase } from './engine.js';
import { CaseRuleError } from './errors.js';
import type { Applicant } from './event-types.js';
import { fetchELicences } from './material-presence.js';
import type { DeadlineCalendar } from './reducer.js';
import { summarise } from './views.js';

export interface SubmitInput {
  /** Item code, or itemKey (code@level@unit) when the code is implemented by several units. */
  item: string;
  mode: Mode;
  applicant: Applicant;
  /** Names of materials handed in by the applicant. */
  submitted: string[];
  /**
   * Materials replaced by an e-licence that the hall could not fetch (the applicant brings the paper); every other
   * e-licence material is fetched at submission and recorded (seed 003 九).
   */
  eLicenceUnavailable?: string[];
  unit: Unit;
  actor: string;
  /** Site code for the application number. */
  site: string;
  at?: string;
  deliveryMethod?: DeliveryMethod;
  /** Pre-made application number (bundles make theirs first). */
  caseId?: string;
  eventId?: string;
  bundleId?: string;
  bundleName?: string;
}

export interface StepCommand {
  type: string;
  unit: Unit;
  actor: string;
  at?: string;
  payload?: Record<string, unknown>;
  /** Give one to make a retried command idempotent (a kiosk outbox, a sync). */
  eventId?: string;
}

/** Finds an item of a catalogue version by code or itemKey. */
export function findItem(items: readonly ServiceItem[], ref: string): ServiceItem {
  const byKey = items.filter((i) => `${i.itemCode}@${i.level}@${i.implementingUnit}` === ref);
  const matches = byKey.length > 0 ? byKey : items.filter((i) => i.itemCode === ref);
  if (matches.length === 1) return matches[0] as ServiceItem;
  throw new CaseRuleError(
    '(new)',
    'submit',
    matches.length === 0
      ? `no item "${ref}" in this catalogue version`
      : `item code "${ref}" is implemented by ${matches.length} units`,
    matches.length === 0
      ? 'check the item code against `tongban items list`'
      : 'give the itemKey code@level@implementingUnit',
    'item',
  );
}

/** The submit event for an item, pinning its rules from the catalogue version (domain.md: cases outlive definitions). */
export function submitEvent(
  item: ServiceItem,
  catalogueVersion: number,
  input: SubmitInput,
  caseId: string,
): CaseEvent {
  if (!item.modes.includes(input.mode)) {
    throw new CaseRuleError(
      caseId,
      'submit',
      `item ${item.itemCode} is not handled in mode ${input.mode}`,
      `choose one of: ${item.modes.join(', ')} (seed 000 4.1)`,
      'mode',
    );
  }
  const at = input.at ?? new Date().toISOString();
  return {
    id: input.eventId ?? randomUUID(),
    caseId,
    type: 'submit',
    unit: input.unit,
    actor: input.actor,
    at,
    payload: {
      itemCode: item.itemCode,
      itemName: item.subName ? `${item.mainName}(${item.subName})` : item.mainName,
      catalogueVersion,
      mode: input.mode,
      kind: item.caseKind,
      promisedDays: item.promisedDays,
      transferDays: item.transferDays,
      jointUnits: item.jointUnits,
      applicant: input.applicant,
      required: item.materials.map((m) => ({
        name: m.name,
        kind: m.kind,
        tolerable: m.tolerable,
        eLicence: m.eLicence,
      })),
      submitted: input.submitted,
      eLicences: fetchELicences(item.materials, new Date(at).toISOString(), input.eLicenceUnavailable),
      deliveryMethod: input.deliveryMethod,
      bundleId: input.bundleId,
      bundleName: input.bundleName,
    },
  };
}

async function catalogueItems(store: Store, version: number | undefined) {
  const cat = await store.catalogue(version);
  if (!cat) {
    throw new CaseRuleError(
      '(new)',
      'submit',
      `catalogue version ${version ?? '(latest)'} does not exist`,
      'publish the catalogue first (`tongban items publish`)',
      'catalogueVersion',
    );
  }
  return cat;
}

/** Opens a case: new application number, submit event checked and stored with its summary. */
export async function submitCase(
  store: Store,
  calendar: DeadlineCalendar,
  catalogueVersion: number | undefined,
  input: SubmitInput,
): Promise<Case> {
  const cat = await catalogueItems(store, catalogueVersion);
  const item = findItem(cat.items, input.item);
  const caseId = input.caseId ?? newApplicationNumber({ site: input.site, at: input.at });
  const event = submitEvent(item, cat.version, input, caseId);
  const c = appendEvent(undefined, event, { calendar });
  await store.append(caseId, [event], summarise(c), { expectedLength: 0 });
  return c;
}

/** Folds a stored case. */
export async function loadCase(store: Store, calendar: DeadlineCalendar, caseId: string): Promise<Case> {
  const events = await store.events(caseId);
  if (events.length === 0) {
    throw new CaseRuleError(
      caseId,
      'load',
      `no case ${caseId}`,
      'check the application number on the receipt',
    );
  }
  return foldCase(events, { calendar });
}

/**
 * Performs one step: load, fold, decide, append with expectedLength; on a StoreConflictError (someone appended
 * first) re-read and decide again once.
 */
export async function performStep(
  store: Store,
  calendar: DeadlineCalendar,
  caseId: string,
  command: StepCommand,
): Promise<Case> {
  const event: CaseEvent = {
    id: command.eventId ?? randomUUID(),
    caseId,
    type: command.type,
    unit: command.unit,
    actor: command.actor,
    at: command.at ?? new Date().toISOString(),
    payload: command.payload ?? {},
  };
  for (let attempt = 0; ; attempt++) {
    const before = await loadCase(store, calendar, caseId);
    const after = appendEvent(before, event, { calendar });
    if (after === before) return before; // same event id already stored
    try {
      await store.append(caseId, [event], summarise(after), { expectedLength: before.length });
      return after;
    } catch (err) {
      if (!(err instanceof StoreConflictError) || attempt >= 1) throw err;
    }
  }
}

/**
 * System sweep: appends supplementExpired / toleranceExpired to open cases whose deadline passed by `now`
 * (seed 002 9.3.6 超期处理办法). Returns the ids of the cases changed.
 */
export async function expireDeadlines(
  store: Store,
  calendar: DeadlineCalendar,
  now: string,
): Promise<string[]> {
  const open = await store.findCases({
    open: true,
    state: ['supplementRequested', 'accepted', 'specialProcedure'],
  });
  const changed: string[] = [];
  for (const s of open) {
    const c = await loadCase(store, calendar, s.caseId);
    const pending = c.supplementRequests.find((r) => r.answeredAt === undefined);
    let type: string | undefined;
    if (c.state === 'supplementRequested' && pending && pending.dueAt <= now) type = 'supplementExpired';
    else if (
      c.tolerance &&
      (c.tolerance.missing.length > 0 || c.tolerance.handedIn.some((h) => h.late)) &&
      c.tolerance.dueAt <= now
    )
      type = 'toleranceExpired';
    if (!type) continue;
    await performStep(store, calendar, c.id, { type, unit: 'system', actor: 'deadline-sweep', at: now });
    changed.push(c.id);
  }
  return changed;
}
