import { COMPLAINT_TYPES } from './complaint.js';

/** Words shown to people about complaints, [zh-CN, en]; the lead spreads this area into messages/MESSAGES. */
export const complaintMessages = {
  'complaint.step.received': ['已受理', 'received'],
  'complaint.step.investigating': ['调查中', 'investigating'],
  'complaint.step.resolved': ['已处置', 'resolved'],
  'complaint.step.replied': ['已反馈', 'replied'],
  'complaint.channel.phone': ['电话', 'phone'],
  'complaint.channel.online': ['网上', 'online'],
  'complaint.channel.onSite': ['现场', 'on site'],
  'complaint.channel.letter': ['信件', 'letter'],
  'complaint.type.attitude': [COMPLAINT_TYPES.attitude, 'attitude'],
  'complaint.type.efficiency': [COMPLAINT_TYPES.efficiency, 'efficiency'],
  'complaint.type.notAccepted': [COMPLAINT_TYPES.notAccepted, 'not accepted though complete'],
  'complaint.type.extraSteps': [COMPLAINT_TYPES.extraSteps, 'extra steps or conditions'],
  'complaint.type.overdue': [COMPLAINT_TYPES.overdue, 'overdue'],
  'complaint.type.fees': [COMPLAINT_TYPES.fees, 'irregular fees'],
  'complaint.type.noResult': [COMPLAINT_TYPES.noResult, 'no written result'],
  'complaint.type.integrity': [COMPLAINT_TYPES.integrity, 'integrity'],
  'complaint.type.suggestion': [COMPLAINT_TYPES.suggestion, 'suggestion'],
  'complaint.type.other': [COMPLAINT_TYPES.other, 'other'],
  'complaint.received': [
    '投诉已受理，编号 {number}，我们将在 {due} 前答复您。凭编号可查询处理结果。',
    'Complaint received, number {number}; we will reply by {due}. Use the number to follow it.',
  ],
} as const satisfies Record<string, readonly [string, string]>;
