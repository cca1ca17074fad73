/** Shared output of the complaints commands: the masked record and its human report. */
import type { Complaint } from '@tongban/core/complaints';
import { renderPairs } from '../output/table.js';
import { type ComplaintRecord, complaintRecord, localTime } from './views.js';

export async function toComplaintRecord(c: Complaint, now: Date): Promise<ComplaintRecord> {
  const { formatComplaintNumber, isComplaintOverdue } = await import('@tongban/core/complaints');
  const { maskIdNumber } = await import('@tongban/core/identity');
  return complaintRecord(c, {
    mask: maskIdNumber,
    format: formatComplaintNumber,
    overdue: isComplaintOverdue(c, now),
  });
}

export async function describeComplaint(r: ComplaintRecord): Promise<string> {
  const { COMPLAINT_TYPES, complaintMessages } = await import('@tongban/core/complaints');
  const stepName = (s: string) =>
    (complaintMessages as Record<string, readonly [string, string]>)[`complaint.step.${s}`]?.[0] ?? s;
  const who = [r.complainant.name, r.complainant.phone, r.complainant.idNumber].filter(Boolean).join(' · ');
  return renderPairs([
    ['编号 number', r.number],
    ['状态 state', `${stepName(r.state)} (${r.state})${r.overdue ? '  逾期 OVERDUE' : ''}`],
    ['渠道 channel', r.channel],
    ['被投诉单位 unit', r.targetUnit],
    ['类型 type', `${COMPLAINT_TYPES[r.type]} (${r.type})`],
    ['被投诉人 respondent', r.respondentName ?? ''],
    ['内容 content', r.content],
    ['要求 demands', r.demands],
    ['投诉人 complainant', who],
    ['办件 case', [r.caseId, r.itemCode].filter(Boolean).join(' · ')],
    ['受理 received', localTime(r.receivedAt)],
    ['答复时限 due', `${localTime(r.dueAt)} (5 working days, seed 000 7.2)`],
    ['承办 assigned', r.assignedTo ?? ''],
    ['处理结果 outcome', r.outcome ?? ''],
    ['纠正措施 measures', r.measures ?? ''],
    [
      '答复 reply',
      r.reply ? `${r.reply.text} (${r.reply.channel}, ${localTime(r.reply.at)}, ${r.reply.by})` : '',
    ],
    [
      '过程 steps',
      r.steps
        .map((s) => `${localTime(s.at)} ${stepName(s.step)} ${s.by}${s.note ? `: ${s.note}` : ''}`)
        .join('; '),
    ],
  ]);
}
