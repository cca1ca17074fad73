import { toDate } from '../appointments/local-time.js';
import type { WorkCalendar } from '../calendar/index.js';
import { TongbanError } from '../errors/tongban-error.js';
import { maskIdNumber } from '../identity/id-number.js';
import type { CaseSummary, Store } from '../store/store.js';
import {
  answerRectification,
  isBadRating,
  isRectificationOverdue,
  Rating,
  type RatingChannel,
  type RatingLevel,
  RatingSettings,
  type RatingSettingsInput,
  RectificationTask,
  settleRectification,
} from './rating.js';

/** States in which the case is not decided yet: no rating before the decision (一事一评 after 办结, seed 002 12.2.2). */
const UNDECIDED = new Set([
  'submitted',
  'proxyReceived',
  'inTransit',
  'awaitingAcceptance',
  'supplementRequested',
  'accepted',
  'specialProcedure',
]);
/** Event types that decide a case (for auto-满意 timing). */
const DECIDING = new Set(['approve', 'deny', 'refuse', 'proxyRefuse']);
const NOT_HANDLERS = new Set(['applicant', 'system']);

export interface RatingsOptions {
  store: Store;
  calendar: Pick<WorkCalendar, 'addWorkingDays' | 'workingDaysBetween'>;
  settings?: RatingSettingsInput;
}

export interface RateInput {
  caseId: string;
  level: RatingLevel;
  comment?: string;
  dimensions?: Record<string, RatingLevel>;
  channel: RatingChannel;
  /** The ID read at the kiosk: must be the case's applicant. */
  applicantId?: string;
  at?: Date | string;
}

/** What the case shows while a bad rating is being dealt with (差评重办, seed 003 三). */
export interface CaseRectification {
  rating: Rating;
  task?: RectificationTask;
  /** True while the applicant has not been answered: work on the case is reopened. */
  reopened: boolean;
  overdue: boolean;
}

/** 好差评 over a Store (seed 003 三; seed 002 12.2). */
export class Ratings {
  readonly store: Store;
  readonly calendar: Pick<WorkCalendar, 'addWorkingDays' | 'workingDaysBetween'>;
  readonly settings: RatingSettings;

  constructor(options: RatingsOptions) {
    this.store = options.store;
    this.calendar = options.calendar;
    this.settings = RatingSettings.parse(options.settings ?? {});
  }

  /**
   * Rate a decided case once (一事一评, seed 002 12.2.2). A bad rating (1-2) opens a rectification task with a
   * deadline in working days and reopens work until the applicant is answered (seed 003 三 差评重办).
   */
  async rate(input: RateInput): Promise<{ rating: Rating; task?: RectificationTask }> {
    const at = toDate(input.at);
    return this.store.transact(async (tx) => {
      const summary = await this.caseOf(tx, input.caseId);
      if (input.applicantId !== undefined && input.applicantId !== summary.applicantId) {
        throw new TongbanError(
          'RATING_NOT_APPLICANT',
          `ID ${maskIdNumber(input.applicantId)} is not the applicant of case ${input.caseId}`,
          { where: { caseId: input.caseId }, hint: 'only the applicant rates a case; read their ID card' },
        );
      }
      if (UNDECIDED.has(summary.state)) {
        throw new TongbanError(
          'RATING_TOO_EARLY',
          `case ${input.caseId} is ${summary.state}, not decided yet`,
          {
            where: { caseId: input.caseId, state: summary.state },
            hint: 'a case is rated once it is decided (一事一评)',
          },
        );
      }
      return this.insert(tx, summary, { ...input, at, auto: false });
    });
  }

  /** Settle the task: the fault was fixed (`rectified`) or explained. */
  async settle(
    caseId: string,
    step: { outcome: 'rectified' | 'explained'; by: string; note: string; at?: Date | string },
  ): Promise<RectificationTask> {
    return this.updateTask(caseId, (t) =>
      settleRectification(t, { ...step, at: toDate(step.at).toISOString() }),
    );
  }

  /** Answer the applicant: the reopened work is closed again. */
  async answer(
    caseId: string,
    step: { by: string; text: string; channel: string; at?: Date | string },
  ): Promise<RectificationTask> {
    return this.updateTask(caseId, (t) =>
      answerRectification(t, { ...step, at: toDate(step.at).toISOString() }),
    );
  }

  async get(caseId: string): Promise<Rating | undefined> {
    const r = await this.store.getRecord<Rating>('ratings', caseId);
    return r && Rating.parse(r);
  }

  /** The rating of a case and its rectification, as the case shows it. */
  async caseRectification(caseId: string, now?: Date | string): Promise<CaseRectification | undefined> {
    const rating = await this.get(caseId);
    if (!rating) return undefined;
    const raw = rating.taskId
      ? await this.store.getRecord<RectificationTask>('tasks', rating.taskId)
      : undefined;
    const task = raw && RectificationTask.parse(raw);
    return {
      rating,
      ...(task ? { task } : {}),
      reopened: !!task && task.state !== 'answered',
      overdue: !!task && isRectificationOverdue(task, toDate(now)),
    };
  }

  /** Cases whose work is reopened by a bad rating not yet answered: the handling units' work list, due first. */
  async openRectifications(): Promise<RectificationTask[]> {
    const all = await this.store.listRecords<RectificationTask>('tasks', { kind: 'rectification' });
    return all
      .filter((x) => x.kind === 'rectification' && x.state !== 'answered')
      .map((x) => RectificationTask.parse(x))
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  /** Open tasks past their deadline, oldest first. */
  async overdueRectifications(now?: Date | string): Promise<RectificationTask[]> {
    const t = toDate(now);
    const all = await this.store.listRecords<RectificationTask>('tasks', { kind: 'rectification' });
    return all
      .filter((x) => x.kind === 'rectification')
      .map((x) => RectificationTask.parse(x))
      .filter((x) => isRectificationOverdue(x, t))
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  async list(): Promise<Rating[]> {
    return (await this.store.listRecords<Rating>('ratings')).map((r) => Rating.parse(r));
  }

  /**
   * When enabled (off by default): record 满意 (4) for decided cases with no rating `afterDays` working days after
   * the decision. Returns the ratings made.
   */
  async autoRate(now?: Date | string): Promise<Rating[]> {
    const cfg = this.settings.autoSatisfied;
    if (!cfg.enabled) return [];
    const t = toDate(now);
    const made: Rating[] = [];
    const cases = await this.store.findCases({});
    for (const s of cases) {
      if (UNDECIDED.has(s.state) || (await this.store.getRecord('ratings', s.caseId))) continue;
      const decided = (await this.store.events(s.caseId)).find((e) => DECIDING.has(e.type));
      if (!decided || this.calendar.workingDaysBetween(decided.at, t) < cfg.afterDays) continue;
      const rating = await this.store.transact(async (tx) => {
        if (await tx.getRecord('ratings', s.caseId)) return undefined;
        return (
          await this.insert(tx, s, { caseId: s.caseId, level: 4, channel: 'system', at: t, auto: true })
        ).rating;
      });
      if (rating) made.push(rating);
    }
    return made;
  }

  private async caseOf(store: Store, caseId: string): Promise<CaseSummary> {
    const summary = await store.summary(caseId);
    if (!summary) {
      throw new TongbanError('RATING_NO_CASE', `no case numbered ${caseId}`, {
        where: { caseId },
        hint: 'check the application number on the receipt',
      });
    }
    return summary;
  }

  private async insert(
    tx: Store,
    summary: CaseSummary,
    input: RateInput & { at: Date; auto: boolean },
  ): Promise<{ rating: Rating; task?: RectificationTask }> {
    if (await tx.getRecord('ratings', summary.caseId)) {
      throw new TongbanError('RATING_EXISTS', `case ${summary.caseId} has already been rated`, {
        where: { caseId: summary.caseId },
        hint: 'one rating per case (一事一评, seed 002 12.2.2); a complaint can be filed instead',
      });
    }
    const bad = isBadRating(input.level);
    const taskId = bad ? `rectify-${summary.caseId}` : undefined;
    const atIso = input.at.toISOString();
    const rating = Rating.parse(
      await tx.putRecord(
        'ratings',
        Rating.omit({ revision: true }).parse({
          id: summary.caseId,
          caseId: summary.caseId,
          itemCode: summary.itemCode,
          level: input.level,
          comment: input.comment ?? '',
          dimensions: input.dimensions ?? {},
          channel: input.channel,
          ratedAt: atIso,
          applicantId: summary.applicantId,
          auto: input.auto,
          bad,
          ...(taskId ? { taskId } : {}),
        }),
      ),
    );
    if (!taskId) return { rating };
    const handlers = summary.units.filter((u) => !NOT_HANDLERS.has(u));
    const task = RectificationTask.parse(
      await tx.putRecord(
        'tasks',
        RectificationTask.omit({ revision: true }).parse({
          id: taskId,
          kind: 'rectification',
          caseId: summary.caseId,
          ratingLevel: input.level,
          comment: rating.comment,
          assignedUnit: handlers.at(-1),
          state: 'open',
          openedAt: atIso,
          dueAt: this.calendar.addWorkingDays(input.at, this.settings.rectifyDays).toISOString(),
          steps: [{ state: 'open', at: atIso, by: 'system', note: rating.comment }],
        }),
      ),
    );
    return { rating, task };
  }

  private async updateTask(
    caseId: string,
    change: (t: RectificationTask) => RectificationTask,
  ): Promise<RectificationTask> {
    return this.store.transact(async (tx) => {
      const rec = await tx.getRecord<RectificationTask>('tasks', `rectify-${caseId}`);
      if (!rec) {
        throw new TongbanError('RECTIFICATION_NOT_FOUND', `case ${caseId} has no rectification task`, {
          where: { caseId },
          hint: 'only a bad rating (不满意 or 非常不满意) opens one',
        });
      }
      const { revision, ...next } = change(RectificationTask.parse(rec));
      return RectificationTask.parse(await tx.putRecord('tasks', next, { expectedRevision: revision }));
    });
  }
}
