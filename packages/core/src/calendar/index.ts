export {
  CalendarFileError,
  type CalendarProblem,
  type CalendarYear,
  CalendarYearSchema,
  formatCalendarYear,
  mergeCalendarYear,
  parseCalendarYear,
} from './calendar-year.js';
export { isIsoDate } from './shanghai-time.js';
export { CalendarRangeError, type ClockPause, WorkCalendar } from './work-calendar.js';
