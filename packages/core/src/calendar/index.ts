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
export { isIsoDate } from './shanghai-time.js';
export { CalendarRangeError, type ClockPause, WorkCalendar } from './work-calendar.js';
