import { z } from 'zod';

/**
 * 单位: who performs a step. The four units of the cross-region modes (seed 000 tables 1-3) plus the
 * ordinary window and department of a hall, the applicant (kiosk, online) and the system (timers).
 */
export const UNITS = [
  'remoteWindow', // 异地综合窗口 (receives in a proxy mode)
  'localWindow', // 属地综合窗口
  'localDepartment', // 属地审批部门
  'remoteDepartment', // 异地被授权部门
  'window', // 综合窗口 of one hall (窗口办, online intake desk)
  'department', // 审批部门 of one hall
  'applicant', // 申请人, at a kiosk or online
  'system', // timers: deadlines passing, reminders
] as const;
export const Unit = z.enum(UNITS);
export type Unit = z.infer<typeof Unit>;

/**
 * 事件: one append-only step of a case (DESIGN "Data flow"). Ids are globally unique so that appending the same
 * event twice — e.g. when a kiosk outbox is synced again — stores it once.
 */
export const CaseEvent = z.object({
  id: z.string().min(1),
  caseId: z.string().min(1),
  type: z.string().min(1),
  unit: Unit,
  /** The person (clerk id, kiosk id) who acted. */
  actor: z.string().min(1),
  /** UTC ISO-8601 instant. */
  at: z.iso.datetime(),
  payload: z.record(z.string(), z.unknown()).default({}),
});
export type CaseEvent = z.infer<typeof CaseEvent>;
