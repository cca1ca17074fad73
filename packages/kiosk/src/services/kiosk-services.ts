/**
 * What the screens ask of core, in one place: the published catalogue and its search index, submitting a case,
 * the receipt, progress and ratings. Screens stay thin; every rule lives in core.
 */
import { readFileSync } from 'node:fs';
import { WorkCalendar } from '@tongban/core/calendar';
import {
  type Case,
  findItem,
  isClosed,
  loadCase,
  parseApplicationNumber,
  STATE_NAMES,
  submitCase,
  type TimelineEntry,
  timeline,
  UNIT_NAMES,
  waitingOn,
} from '@tongban/core/cases';
import {
  buildSearchIndex,
  type DeliveryMethod,
  itemKey,
  type Mode,
  type SearchIndex,
  type ServiceItem,
  searchItems,
} from '@tongban/core/catalogue';
import { formatLocalDate } from '@tongban/core/messages';
import { type RatingLevel, Ratings } from '@tongban/core/ratings';
import { createReceipt, type Receipt } from '@tongban/core/receipts';
import type { CaseSummary, Store } from '@tongban/core/store';
import type { KioskConfig } from '../config/kiosk-config.js';

/** The sample catalogue of the repository (same depth from src/ and dist/). */
export const SAMPLE_CATALOGUE = new URL(
  '../../../../fixtures/catalogue/sample-catalogue.json',
  import.meta.url,
);

export interface Applicant {
  name: string;
  /** Full number, kept in memory for the session only; shown masked. */
  idNumber: string;
}

export interface Submission {
  item: ServiceItem;
  mode: Mode;
  deliveryMethod: DeliveryMethod;
  applicant: Applicant;
  /** Names of materials handed in (ticked, or replaced by an e-licence). */
  submitted: string[];
}

export interface ProgressView {
  caseId: string;
  itemName: string;
  state: string;
  dueDate?: string;
  waitingOn?: string;
  closed: boolean;
  entries: TimelineEntry[];
}

export class KioskServices {
  readonly index: SearchIndex;
  readonly categories: string[];
  private readonly ratings: Ratings;

  constructor(
    readonly store: Store,
    readonly config: KioskConfig,
    readonly items: readonly ServiceItem[],
    readonly catalogueVersion: number,
    readonly calendar: WorkCalendar = WorkCalendar.default(),
  ) {
    this.index = buildSearchIndex(items);
    this.categories = [...new Set(items.map((i) => i.windowCategory))];
    this.ratings = new Ratings({ store, calendar });
  }

  /** Loads the latest published catalogue; throws when there is none. */
  static async open(store: Store, config: KioskConfig): Promise<KioskServices> {
    const cat = await store.catalogue();
    if (!cat || cat.items.length === 0) {
      throw new Error(
        'no published catalogue in the data directory: run `tongban items publish` (or --demo)',
      );
    }
    return new KioskServices(store, config, dedupe(cat.items), cat.version);
  }

  search(query: string, limit = 8): ServiceItem[] {
    return searchItems(this.index, query, { limit }).map((h) => h.item);
  }

  inCategory(category: string): ServiceItem[] {
    return this.index.items.filter((i) => i.windowCategory === category);
  }

  /** Promised due date (Asia/Shanghai) if the case were accepted at `at`. */
  promisedDate(item: ServiceItem, at: Date): string {
    return WorkCalendar.localDate(this.calendar.addWorkingDays(at, item.promisedDays));
  }

  async submit(s: Submission, at = new Date()): Promise<{ caseRecord: Case; receipt: Receipt }> {
    const c = await submitCase(this.store, this.calendar, this.catalogueVersion, {
      item: itemKey(s.item),
      mode: s.mode,
      applicant: { idNumber: s.applicant.idNumber, name: s.applicant.name, phone: '' },
      submitted: s.submitted,
      unit: 'applicant',
      actor: this.config.terminal.id,
      site: this.config.hall.site,
      at: at.toISOString(),
      deliveryMethod: s.deliveryMethod,
    });
    const receipt = createReceipt({
      kind: 'submission',
      hall: this.config.hall.name,
      applicationNumber: c.id,
      itemName: c.itemName,
      itemCode: c.itemCode,
      applicant: s.applicant,
      at,
      promisedDays: s.item.promisedDays,
      promisedDueDate: this.promisedDate(s.item, at),
      lines:
        c.materials.missing.length > 0 ? [{ label: '待补材料', value: c.materials.missing.join('、') }] : [],
      notes: [
        '凭申请编号或身份证在自助终端查询办理进度',
        `监督投诉电话 ${s.item.contact.complaintPhone ?? '12345'}`,
      ],
      terminalId: this.config.terminal.id,
    });
    return { caseRecord: c, receipt };
  }

  async progress(caseId: string): Promise<ProgressView | undefined> {
    let id: string;
    try {
      id = parseApplicationNumber(caseId).text;
    } catch {
      return undefined;
    }
    if ((await this.store.events(id)).length === 0) return undefined;
    const c = await loadCase(this.store, this.calendar, id);
    const who = waitingOn(c);
    const view: ProgressView = {
      caseId: c.id,
      itemName: c.itemName,
      state: STATE_NAMES[c.state],
      closed: isClosed(c),
      entries: timeline(c),
    };
    if (c.dueAt) view.dueDate = formatLocalDate(c.dueAt);
    if (who) view.waitingOn = UNIT_NAMES[who];
    return view;
  }

  async casesOf(idNumber: string): Promise<CaseSummary[]> {
    return this.store.findCases({ applicantId: idNumber });
  }

  async rate(caseId: string, level: RatingLevel, applicantId: string): Promise<void> {
    await this.ratings.rate({ caseId, level, channel: 'kiosk', applicantId });
  }

  findByKey(key: string): ServiceItem {
    return findItem(this.items, key);
  }
}

/** One entry per itemKey (the sample lists a few items at several levels; keep the first of each key). */
function dedupe(items: readonly ServiceItem[]): ServiceItem[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const k = itemKey(i);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The sample catalogue's items (for demo mode and tests). */
export function sampleItems(): unknown[] {
  const json = JSON.parse(readFileSync(SAMPLE_CATALOGUE, 'utf8')) as unknown;
  return Array.isArray(json) ? json : ((json as { items: unknown[] }).items ?? []);
}
