// The official arrangements shipped with Tongban. Imported as JSON modules so that tsc copies them to dist and
// both the sources (vitest, tsx) and the built package find them without reading the file system.
import cn2024 from './data/cn-2024.json' with { type: 'json' };
import cn2025 from './data/cn-2025.json' with { type: 'json' };
import cn2026 from './data/cn-2026.json' with { type: 'json' };

/** [file name, JSON] of every shipped year; validated by WorkCalendar.default(). */
export const SHIPPED_CALENDAR_YEARS: readonly (readonly [string, unknown])[] = [
  ['calendar/data/cn-2024.json', cn2024],
  ['calendar/data/cn-2025.json', cn2025],
  ['calendar/data/cn-2026.json', cn2026],
];
