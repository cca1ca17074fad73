/**
 * 改进台账, the improvement ledger of seed 000 7.3: every quarter the evaluation results are analysed, and each
 * problem found is written down as "问题清单-责任部门-整改措施-完成时限" (problem, responsible unit, measure,
 * deadline); the work is then followed until it is closed. Stored as `ledger` records of the Store.
 */
import { z } from 'zod';
import { addDays, shanghaiDay, toDate } from '../appointments/local-time.js';
import { TongbanError } from '../errors/tongban-error.js';
import type { Store } from '../store/store.js';
import { METRIC_IDS } from './definitions.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const QUARTER = /^\d{4}Q[1-4]$/;
const text = (what: string) => z.string().trim().min(1, `${what} must not be empty`);
const instant = z.iso.datetime({ offset: true });

/** open (待整改) → inProgress (整改中) → closed (已完成); overdue is derived from the deadline. */
export const LEDGER_STATUSES = ['open', 'inProgress', 'closed'] as const;
export const LedgerStatus = z.enum(LEDGER_STATUSES);
export type LedgerStatus = z.infer<typeof LedgerStatus>;

export const LedgerHistoryEntry = z.object({
  action: z.enum(['add', 'update', 'close']),
  at: instant,
  by: z.string().min(1),
  /** Fields changed by this action. */
  fields: z.array(z.string()).default([]),
  note: z.string().default(''),
});
export type LedgerHistoryEntry = z.infer<typeof LedgerHistoryEntry>;

/** What a person writes down for one problem (seed 000 7.3). */
export const LedgerInput = z.object({
  /** 问题清单: the problem found. */
  problem: text('the problem'),
  /** 责任部门: the unit that must mend it. */
  responsibleUnit: text('the responsible unit'),
  /** 整改措施: what will be done. */
  measure: text('the measure'),
  /** 完成时限: local day 'YYYY-MM-DD' by which it is done. */
  deadline: z.string().regex(DAY, "the deadline is a day written 'YYYY-MM-DD'"),
  /** The low-scoring metric the problem comes from (seed 000 7.3 对评分较低的指标项进行深度剖析), if any. */
  metricId: z.enum(METRIC_IDS).optional(),
  /** 问题产生的环节与原因. */
  cause: z.string().trim().optional(),
  /** The quarter of the analysis, e.g. 2026Q4 (seed 000 7.3 每季度); default: the quarter of the day it is added. */
  quarter: z.string().regex(QUARTER, 'a quarter is written like 2026Q4').optional(),
});
export type LedgerInput = z.input<typeof LedgerInput>;

export const LedgerEntry = LedgerInput.extend({
  /** GJ-2026Q4-001: 改进, the quarter, a sequence within the quarter. */
  id: z.string().min(1),
  revision: z.number().int().min(0),
  quarter: z.string().regex(QUARTER),
  status: LedgerStatus,
  /** Latest progress note. */
  progress: z.string().optional(),
  /** What was achieved, written when closed. */
  result: z.string().optional(),
  createdAt: instant,
  createdBy: z.string().min(1),
  updatedAt: instant,
  closedAt: instant.optional(),
  history: z.array(LedgerHistoryEntry).min(1),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

/** Fields `update` may change. */
export const LedgerPatch = LedgerInput.omit({ quarter: true })
  .partial()
  .extend({
    status: z.enum(['open', 'inProgress']).optional(),
    progress: z.string().trim().min(1, 'the progress note must not be empty').optional(),
  });
export type LedgerPatch = z.input<typeof LedgerPatch>;

/** The quarter of a local day: 2026-11-23 → 2026Q4. */
export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Open past its deadline: the deadline day has ended in Asia/Shanghai and the entry is not closed. */
export function isLedgerOverdue(e: Pick<LedgerEntry, 'status' | 'deadline'>, now: Date | string): boolean {
  return e.status !== 'closed' && e.deadline < shanghaiDay(toDate(now));
}

/** Columns of the exported ledger, in order, with the seed's words as headers (seed 000 7.3). */
export const LEDGER_COLUMNS = [
  { key: 'id', header: '编号' },
  { key: 'quarter', header: '季度' },
  { key: 'problem', header: '问题清单' },
  { key: 'metricId', header: '相关指标' },
  { key: 'cause', header: '原因' },
  { key: 'responsibleUnit', header: '责任部门' },
  { key: 'measure', header: '整改措施' },
  { key: 'deadline', header: '完成时限' },
  { key: 'status', header: '状态' },
  { key: 'overdue', header: '逾期' },
  { key: 'progress', header: '进展' },
  { key: 'result', header: '整改结果' },
  { key: 'closedAt', header: '完成时间' },
] as const;

export const LEDGER_STATUS_ZH: Record<LedgerStatus, string> = {
  open: '待整改',
  inProgress: '整改中',
  closed: '已完成',
};

/** One row per entry, cells as text in LEDGER_COLUMNS order (for CSV and spreadsheets). */
export function ledgerRows(entries: readonly LedgerEntry[], now: Date | string): string[][] {
  return entries.map((e) =>
    LEDGER_COLUMNS.map(({ key }) => {
      if (key === 'status') return LEDGER_STATUS_ZH[e.status];
      if (key === 'overdue') return isLedgerOverdue(e, now) ? '是' : '否';
      return String(e[key] ?? '');
    }),
  );
}

export interface LedgerFilter {
  status?: LedgerStatus;
  responsibleUnit?: string;
  quarter?: string;
  /** Only entries overdue at this instant. */
  overdueAt?: Date | string;
}

function invalid(error: z.ZodError, id?: string): TongbanError {
  const issue = error.issues[0];
  return new TongbanError('LEDGER_INVALID', `ledger entry: ${issue?.message ?? 'invalid'}`, {
    where: { field: issue?.path.join('.') ?? '', ...(id ? { entry: id } : {}) },
    hint: 'give the problem, the responsible unit, the measure and a deadline (seed 000 7.3)',
  });
}

/** The improvement ledger over a Store (seed 000 7.3). */
export class ImprovementLedger {
  constructor(readonly store: Store) {}

  /** Write down a problem; the deadline may not lie before the day it is written down. */
  async add(input: LedgerInput, opts: { by: string; at?: Date | string }): Promise<LedgerEntry> {
    const parsed = LedgerInput.safeParse(input);
    if (!parsed.success) throw invalid(parsed.error);
    const at = toDate(opts.at);
    const today = shanghaiDay(at);
    if (parsed.data.deadline < today) {
      throw new TongbanError('LEDGER_DEADLINE_PAST', `deadline ${parsed.data.deadline} is before today`, {
        where: { field: 'deadline' },
        hint: `give a deadline on or after ${today}, e.g. ${addDays(today, 30)}`,
      });
    }
    const quarter = parsed.data.quarter ?? quarterOf(today);
    return this.store.transact(async (tx) => {
      const same = (await tx.listRecords<LedgerEntry>('ledger', { quarter })).filter(
        (e) => e.quarter === quarter,
      );
      const seq = Math.max(0, ...same.map((e) => Number(e.id.split('-').at(-1)) || 0)) + 1;
      const iso = at.toISOString();
      const record = LedgerEntry.omit({ revision: true }).parse({
        ...parsed.data,
        id: `GJ-${quarter}-${String(seq).padStart(3, '0')}`,
        quarter,
        status: 'open',
        createdAt: iso,
        createdBy: opts.by,
        updatedAt: iso,
        history: [{ action: 'add', at: iso, by: opts.by, fields: [], note: '' }],
      });
      return LedgerEntry.parse(await tx.putRecord('ledger', record));
    });
  }

  async get(id: string): Promise<LedgerEntry> {
    const rec = await this.store.getRecord<LedgerEntry>('ledger', normaliseId(id));
    if (!rec) throw notFound(id);
    return LedgerEntry.parse(rec);
  }

  /** Entries by quarter, then id. */
  async list(filter: LedgerFilter = {}): Promise<LedgerEntry[]> {
    const all = (await this.store.listRecords<LedgerEntry>('ledger')).map((e) => LedgerEntry.parse(e));
    return all
      .filter((e) => !filter.status || e.status === filter.status)
      .filter((e) => !filter.responsibleUnit || e.responsibleUnit === filter.responsibleUnit)
      .filter((e) => !filter.quarter || e.quarter === filter.quarter)
      .filter((e) => filter.overdueAt === undefined || isLedgerOverdue(e, filter.overdueAt))
      .sort((a, b) => a.quarter.localeCompare(b.quarter) || a.id.localeCompare(b.id));
  }

  /** Change fields or record progress; a closed entry is not changed any more. */
  async update(
    id: string,
    patch: LedgerPatch,
    opts: { by: string; at?: Date | string },
  ): Promise<LedgerEntry> {
    const parsed = LedgerPatch.safeParse(patch);
    if (!parsed.success) throw invalid(parsed.error, id);
    const changes = Object.fromEntries(
      Object.entries(parsed.data).filter(([, v]) => v !== undefined),
    ) as z.output<typeof LedgerPatch>;
    if (Object.keys(changes).length === 0) {
      throw new TongbanError('LEDGER_EMPTY_UPDATE', `nothing to change in ${id}`, {
        where: { entry: id },
        hint: 'give at least one field to change, e.g. a progress note or a new deadline',
      });
    }
    const iso = toDate(opts.at).toISOString();
    return this.change(id, (e) => {
      if (e.status === 'closed') throw closed(e);
      const fields = Object.keys(changes).filter(
        (k) => (e as Record<string, unknown>)[k] !== (changes as Record<string, unknown>)[k],
      );
      // A progress note on an open entry means the work has started.
      const status: LedgerStatus =
        changes.status ?? (changes.progress && e.status === 'open' ? 'inProgress' : e.status);
      if (status !== e.status && !fields.includes('status')) fields.push('status');
      return {
        ...e,
        ...changes,
        status,
        updatedAt: iso,
        history: [
          ...e.history,
          { action: 'update', at: iso, by: opts.by, fields, note: String(changes.progress ?? '') },
        ],
      };
    });
  }

  /** Close with what was achieved. */
  async close(id: string, opts: { result: string; by: string; at?: Date | string }): Promise<LedgerEntry> {
    const result = opts.result.trim();
    if (!result) {
      throw new TongbanError('LEDGER_RESULT_EMPTY', `say what was achieved to close ${id}`, {
        where: { entry: id, field: 'result' },
        hint: 'write the result of the measure, e.g. --result "增设2个窗口，平均等候降至15分钟"',
      });
    }
    const iso = toDate(opts.at).toISOString();
    return this.change(id, (e) => {
      if (e.status === 'closed') throw closed(e);
      return {
        ...e,
        status: 'closed',
        result,
        closedAt: iso,
        updatedAt: iso,
        history: [
          ...e.history,
          { action: 'close', at: iso, by: opts.by, fields: ['status', 'result'], note: result },
        ],
      };
    });
  }

  private async change(id: string, fn: (e: LedgerEntry) => LedgerEntry): Promise<LedgerEntry> {
    return this.store.transact(async (tx) => {
      const rec = await tx.getRecord<LedgerEntry>('ledger', normaliseId(id));
      if (!rec) throw notFound(id);
      const { revision, ...next } = fn(LedgerEntry.parse(rec));
      const checked = LedgerEntry.omit({ revision: true }).safeParse(next);
      if (!checked.success) throw invalid(checked.error, id);
      return LedgerEntry.parse(await tx.putRecord('ledger', checked.data, { expectedRevision: revision }));
    });
  }
}

function normaliseId(id: string): string {
  return id.trim().toUpperCase();
}

function notFound(id: string): TongbanError {
  return new TongbanError('LEDGER_NOT_FOUND', `no ledger entry ${id}`, {
    where: { entry: id },
    hint: 'list the entries with `tongban metrics ledger list`; ids look like GJ-2026Q4-001',
  });
}

function closed(e: LedgerEntry): TongbanError {
  return new TongbanError('LEDGER_WRONG_STATE', `ledger entry ${e.id} is closed`, {
    where: { entry: e.id, status: e.status },
    hint: 'a closed entry stays as it was; add a new entry for further work',
  });
}
