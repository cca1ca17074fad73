/**
 * Words of the work calendar (工作日历) and of deadlines counted on a provisional year (预计, issue 15): a year
 * without its State Council notice is estimated from the statutory rules, and every date counted on it says so.
 * Shared by the kiosk, receipts, notices and the CLI. [zh-CN, en].
 */
export const calendarMessages = {
  'calendar.provisional': ['预计', 'provisional'],
  'calendar.official': ['正式', 'official'],
  /** a date counted on a provisional year, e.g. on the progress screen */
  'calendar.provisionalDate': ['{date}（预计）', '{date} (provisional)'],
  /** the receipt's promise (issue 15) */
  'calendar.provisionalDue': [
    '预计 {date}前办结，以法定假日安排为准',
    'Expected by {date}, subject to the official holiday arrangement',
  ],
  'calendar.provisionalWhy': [
    '{year}年节假日安排尚未公布，按《全国年节及纪念日放假办法》推算；正式安排公布后自动重算',
    "{year}'s holiday arrangement is not yet published: counted on the statutory holidays, and recomputed when it is",
  ],
  'calendar.source.rule': ['法定规则推算', 'statutory rule'],
  'calendar.source.notice': ['国务院办公厅通知', 'State Council notice'],
  'calendar.kind.holiday': ['休', 'day off'],
  'calendar.kind.workday': ['班', 'make-up working day'],
} as const satisfies Record<string, readonly [string, string]>;
