export {
  type CalendarDay,
  CalendarFileError,
  type CalendarProblem,
  type CalendarYear,
  calendarYearSchema,
  formatCalendarYear,
  mergeCalendarYear,
  parseCalendarYear,
} from './calendar-year.js';
export { isIsoDate, SHANGHAI_OFFSET_MS } from './shanghai-time.js';
export {
  type ProvisionalYear,
  type RuleDay,
  statutoryRulesFor,
  statutoryYear,
} from './statutory-holidays.js';
export {
  CalendarRangeError,
  type ClockPause,
  FIRST_CALENDAR_YEAR,
  PROVISIONAL_YEARS_AHEAD,
  WorkCalendar,
  type WorkCalendarOptions,
} from './work-calendar.js';
