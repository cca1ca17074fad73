/**
 * What the screens ask of core, in one place: the published catalogue and its search index, submitting a case,
 * the receipt, progress and ratings. Screens stay thin; every rule lives in core.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bundleCases } from '@tongban/core/bundles';
import { WorkCalendar } from '@tongban/core/calendar';
import {
  type Case,
  findItem,
  formatKeypadForm,
  isApplicationNumber,
  isClosed,
  keypadForm,
  loadCase,
  looksLikeKeypadForm,
  parseApplicationNumber,
  parseKeypadForm,
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
import { formatComplaintNumber, hasValidCheckChar } from '@tongban/core/complaints';
import { formatLocalDate } from '@tongban/core/messages';
import { type RatingLevel, Ratings } from '@tongban/core/ratings';
import { createReceipt, type Receipt } from '@tongban/core/receipts';
import type { CaseSummary, Store } from '@tongban/core/store';
import type { KioskConfig } from '../config/kiosk-config.js';
import { AppointmentDesk } from './appointment-desk.js';
import { type Bundle, type BundleSubmission, bundlesOf, submitKioskBundle } from './bundle-desk.js';
import { ComplaintDesk } from './complaint-desk.js';
import { type CatalogueRefusal, chooseCatalogue } from './kiosk-catalogue.js';
import { KioskLog } from './kiosk-log.js';

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
  /** The state's catalogue key (state.*, complaint.step.*), translated by the screen; `state` is its zh-CN word. */
  stateKey?: string;
  dueDate?: string;
  /** The due date was counted on a provisional (预计) year: shown with 预计. */
  dueProvisional?: boolean;
  waitingOn?: string;
  closed: boolean;
  entries: Pick<TimelineEntry, 'at' | 'text'>[];
}

export type LookupResult = { view: ProgressView } | { problem: 'short' | 'check' | 'notFound' };

export class KioskServices {
  readonly index: SearchIndex;
  readonly categories: string[];
  /** 预约 (seed 002 8.2). */
  readonly appointments: AppointmentDesk;
  /** 投诉 (seed 002 10.2). */
  readonly complaints: ComplaintDesk;
  private readonly ratings: Ratings;
  private bundleList: Bundle[] | undefined;
  /** The latest published catalogue when it was not taken, and why (staff status line). */
  refusedCatalogue: CatalogueRefusal | undefined;

  /** One entry per itemKey (search, guide, appointments). */
  readonly items: readonly ServiceItem[];
  #calendar: WorkCalendar;
  #calendarStamp: string;

  /** The work calendar deadlines are counted on (the data directory's, as the CLI's). */
  get calendar(): WorkCalendar {
    return this.#calendar;
  }

  /** Reloads the calendar when a year was imported into the data directory since it was read. */
  async refreshCalendar(): Promise<WorkCalendar> {
    if (!this.calendarDir) return this.#calendar;
    const stamp = stampOf(this.calendarDir);
    if (stamp === this.#calendarStamp) return this.#calendar;
    try {
      this.#calendar = await WorkCalendar.loadWithDefaults(this.calendarDir);
      this.#calendarStamp = stamp;
    } catch (e) {
      // a half-written or bad file: keep counting on the calendar in use, and tell the operators
      this.log.failure('calendar', e);
    }
    return this.#calendar;
  }

  constructor(
    readonly store: Store,
    readonly config: KioskConfig,
    /** Every item of the published version (bundles pick each item's most local level). */
    readonly allItems: readonly ServiceItem[],
    readonly catalogueVersion: number,
    calendar: WorkCalendar = WorkCalendar.default(),
    /** Failures with their technical detail, for the operators (the applicant reads catalogue words). */
    readonly log: KioskLog = new KioskLog(),
    /**
     * The data directory's calendar folder: when `tongban calendar import` writes a year there, the next submission
     * or progress query counts on it (the kiosk runs day and night and is not restarted for an import).
     */
    private readonly calendarDir?: string,
  ) {
    this.#calendar = calendar;
    this.#calendarStamp = calendarDir ? stampOf(calendarDir) : '';
    this.items = dedupe(allItems);
    this.index = buildSearchIndex(this.items);
    this.categories = [...new Set(this.items.map((i) => i.windowCategory))];
    this.ratings = new Ratings({ store, calendar });
    this.appointments = new AppointmentDesk(store, config, this.items, calendar);
    this.complaints = new ComplaintDesk(store, config, this.items, calendar);
  }

  /** 一件事 bundles of the published catalogue (seed 003 四), computed when first asked for. */
  bundles(): Bundle[] {
    this.bundleList ??= bundlesOf(this.allItems);
    return this.bundleList;
  }

  async submitBundle(s: BundleSubmission, at = new Date()) {
    await this.refreshCalendar();
    return submitKioskBundle(this.store, this.calendar, this.catalogueVersion, this.config, s, at);
  }

  /**
   * Whether a case waits in this kiosk's outbox because the central store could not be reached (issue 9): the
   * receipt then says it will be synced. Always false on the embedded store.
   */
  pendingSync(caseId: string): boolean {
    const offline = this.store as Partial<{ isPending(caseId: string): boolean }>;
    return typeof offline.isPending === 'function' ? offline.isPending(caseId) : false;
  }

  /**
   * Loads the catalogue to serve (services/kiosk-catalogue.ts): the latest published one when it is usable, else the
   * last one this kiosk could use; never throws for what was published. The calendar should be the data directory's
   * (shipped years plus those imported with `tongban calendar import`), as the CLI counts on.
   */
  static async open(
    store: Store,
    config: KioskConfig,
    options: { calendar?: WorkCalendar; log?: KioskLog; calendarDir?: string; dataDir?: string } = {},
  ): Promise<KioskServices> {
    const log = options.log ?? new KioskLog();
    const { catalogue, refused } = await chooseCatalogue(store, log, options.dataDir);
    const services = new KioskServices(
      store,
      config,
      catalogue?.items ?? [],
      catalogue?.version ?? 0,
      options.calendar,
      log,
      options.calendarDir,
    );
    services.refusedCatalogue = refused;
    return services;
  }

  search(query: string, limit = 8): ServiceItem[] {
    return searchItems(this.index, query, { limit }).map((h) => h.item);
  }

  inCategory(category: string): ServiceItem[] {
    return this.index.items.filter((i) => i.windowCategory === category);
  }

  /**
   * Promised due date (Asia/Shanghai) if the case were accepted at `at`, and whether it was counted on a
   * provisional (预计) year of the calendar.
   */
  promisedDate(item: ServiceItem, at: Date): { date: string; provisional: boolean } {
    const due = this.calendar.addWorkingDays(at, item.promisedDays);
    return {
      date: WorkCalendar.localDate(due),
      provisional: this.calendar.provisionalYearsBetween(at, due).length > 0,
    };
  }

  async submit(s: Submission, at = new Date()): Promise<{ caseRecord: Case; receipt: Receipt }> {
    // the promise first: a calendar that cannot give it (a year too far ahead) stops before the case is stored
    await this.refreshCalendar();
    const due = this.promisedDate(s.item, at);
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
      promisedDueDate: due.date,
      promisedDueProvisional: due.provisional,
      lines: [
        // issue 18: the keypad form, typed back on a kiosk keypad to query progress
        { label: '查询码', value: formatKeypadForm(keypadForm(c.id)) },
        ...(c.materials.missing.length > 0
          ? [{ label: '待补材料', value: c.materials.missing.join('、') }]
          : []),
      ],
      notes: [
        '凭查询码或身份证在自助终端查询办理进度',
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
    await this.refreshCalendar();
    if (parseApplicationNumber(id).kind === 'bundle') return this.bundleProgress(id);
    if ((await this.store.events(id)).length === 0) return undefined;
    const c = await loadCase(this.store, this.calendar, id);
    const who = waitingOn(c);
    const view: ProgressView = {
      caseId: c.id,
      itemName: c.itemName,
      state: STATE_NAMES[c.state],
      stateKey: `state.${c.state}`,
      closed: isClosed(c),
      entries: timeline(c),
    };
    if (c.dueAt) view.dueDate = formatLocalDate(c.dueAt);
    if (c.dueAt && c.dueProvisional) view.dueProvisional = true;
    if (who) view.waitingOn = UNIT_NAMES[who];
    return view;
  }

  /** A 一件事 number: every case of the bundle with its state (seed 003 四). */
  private async bundleProgress(bundleNumber: string): Promise<ProgressView | undefined> {
    const cases = await bundleCases(this.store, bundleNumber);
    if (cases.length === 0) return undefined;
    const name = (await loadCase(this.store, this.calendar, cases[0]?.caseId ?? '')).bundleName;
    return {
      caseId: bundleNumber,
      itemName: name ?? '一件事',
      state: `${cases.length} 件`,
      closed: cases.every((c) => c.closedAt !== undefined),
      entries: cases.map((c) => ({
        at: c.updatedAt,
        text: `${c.caseId} ${this.items.find((i) => i.itemCode === c.itemCode)?.mainName ?? c.itemCode} · ${STATE_NAMES[c.state as keyof typeof STATE_NAMES] ?? c.state}`,
      })),
    };
  }

  /**
   * What was typed on the progress screen (issue 18): a keypad form of an application number (18 digits, `.` for
   * X, counted at this site), a complaint number's digits (TS is implied), or a number in full.
   */
  async lookup(typed: string): Promise<LookupResult> {
    const text = typed.replace(/\s/g, '').replaceAll('.', 'X').toUpperCase();
    let caseId = text;
    if (/^\d/.test(text) && looksLikeKeypadForm(text)) {
      try {
        caseId = parseKeypadForm(text, this.config.hall.site);
      } catch {
        return { problem: 'check' };
      }
    } else if (/^(TS)?\d{12,}[0-9X]$/.test(text)) {
      const number = text.startsWith('TS') ? text : `TS${text}`;
      if (!hasValidCheckChar(number)) return { problem: 'check' };
      try {
        const c = await this.complaints.complaints.query(number);
        return {
          view: {
            caseId: formatComplaintNumber(c.number),
            itemName: c.targetUnit,
            state: c.state,
            stateKey: `complaint.step.${c.state}`,
            dueDate: formatLocalDate(c.dueAt),
            closed: c.state === 'replied',
            entries: c.reply ? [{ at: c.reply.at, text: c.reply.text }] : [],
          },
        };
      } catch {
        return { problem: 'notFound' };
      }
    } else if (!isApplicationNumber(text)) return { problem: /^\d+$/.test(text) ? 'short' : 'check' };
    const view = await this.progress(caseId);
    return view ? { view } : { problem: 'notFound' };
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

/** Names and times of the calendar folder's files ('' when there is none): changes when a year is imported. */
function stampOf(dir: string): string {
  try {
    return readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort()
      .map((n) => `${n}@${statSync(join(dir, n)).mtimeMs}`)
      .join('|');
  } catch {
    return '';
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
