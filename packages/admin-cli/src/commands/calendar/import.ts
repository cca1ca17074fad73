import { createHash } from 'node:crypto';
import { access, mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Args, Flags } from '@oclif/core';
import { TongbanCommand } from '../../base-command.js';
import { loadCalendar } from '../../calendar-support.js';
import { localDate } from '../../cases/time.js';
import { calendarDir } from '../../data-dir.js';
import { readTextFile } from '../../file-input.js';
import { renderTable } from '../../output/table.js';

/** One deadline of an open case counted again on the imported year. */
export interface RecomputedDeadline {
  caseId: string;
  itemCode: string;
  state: string;
  /** dueAt = the promised due date (承诺时限); transferDueAt = the proxy transfer limit. */
  deadline: 'dueAt' | 'transferDueAt';
  from: string | null;
  fromDate: string | null;
  fromProvisional: boolean;
  to: string | null;
  toDate: string | null;
  toProvisional: boolean;
  changed: boolean;
}

export interface CalendarImportResult {
  year: number;
  source: string;
  /** Where the year was written inside the data directory. */
  file: string;
  /** True when an earlier import of the same year was replaced. */
  replaced: boolean;
  /** What the calendar had for the year before: a provisional year (statutory rules), a notice, or nothing. */
  before: 'provisional' | 'official' | 'none';
  holidays: number;
  workdays: number;
  dryRun: boolean;
  /** Every deadline of an open case that was counted across the year, old and new (a log event in each case). */
  recomputed: RecomputedDeadline[];
  /** How many of them moved. */
  changed: number;
}

export default class CalendarImport extends TongbanCommand<CalendarImportResult> {
  static override summary = "Import a year's official holiday arrangement (国务院办公厅节假日安排) as JSON.";
  static override description = [
    'The file is one CalendarYear: {"year", "source", "holidays": [{"date","name"}], "workdays": [{"date","name"}]}',
    '(see fixtures/calendar/rehearsal/cn-2027.json). It is validated first (real dates, all in that year, make-up',
    'working days on weekends, no date twice); on any problem nothing is written. The year is stored as',
    '<data>/calendar/cn-YYYY.json and replaces the provisional year (statutory rules), the shipped data or an',
    'earlier import of the same year. Every open case whose deadline was counted across that year is recomputed:',
    'each gets a recomputeDeadline event (unit system) with the old and new date, and the command lists them',
    'and says how many changed. With --dry-run nothing is written and the list shows what would change.',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> cn-2027.json',
    '<%= config.bin %> <%= command.id %> cn-2027.json --dry-run --json',
  ];
  static override args = {
    file: Args.file({ description: 'JSON file of one year', required: true }),
  };
  static override flags = {
    'dry-run': Flags.boolean({ summary: 'Validate and report without writing.', default: false }),
  };

  async run(): Promise<CalendarImportResult> {
    const { args, flags } = await this.parse(CalendarImport);
    const { parseCalendarYear, formatCalendarYear, CalendarRangeError } = await import(
      '@tongban/core/calendar'
    );
    const { recomputeDeadlines } = await import('@tongban/core/cases');
    const text = await readTextFile(args.file);
    const year = parseCalendarYear(text, basename(args.file));
    const dir = calendarDir(flags.data);
    const file = join(dir, `cn-${year.year}.json`);
    const replaced = await access(file).then(
      () => true,
      () => false,
    );
    const before = await loadCalendar(flags.data);
    const after = before.withYear(year);
    let had: CalendarImportResult['before'] = 'none';
    try {
      had = before.isProvisional(year.year) ? 'provisional' : 'official';
    } catch (e) {
      if (!(e instanceof CalendarRangeError)) throw e;
    }
    const content = formatCalendarYear(year);
    const same = had === 'official' && formatCalendarYear(before.year(year.year)) === content;
    // Cases first, the file last: a run cut off in between is completed by running it again (events are keyed
    // by case and content, so none is appended twice), and a written file means every case was recomputed.
    const changes = same
      ? []
      : await recomputeDeadlines(await this.openStore(flags.data), {
          before,
          after,
          year: year.year,
          source: year.source,
          contentKey: createHash('sha256').update(content).digest('hex'),
          dryRun: flags['dry-run'],
        });
    if (!flags['dry-run']) {
      await mkdir(dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, content, 'utf8');
      await rename(tmp, file);
    }
    const recomputed = changes.map((c) => ({
      ...c,
      fromDate: c.from ? localDate(c.from) : null,
      toDate: c.to ? localDate(c.to) : null,
    }));
    const result: CalendarImportResult = {
      year: year.year,
      source: year.source,
      file,
      replaced,
      before: had,
      holidays: year.holidays.length,
      workdays: year.workdays.length,
      dryRun: flags['dry-run'],
      recomputed,
      changed: recomputed.filter((c) => c.changed).length,
    };
    this.report(result);
    return result;
  }

  private report(r: CalendarImportResult): void {
    const what = {
      provisional: ', replacing the provisional year (statutory rules)',
      official: ', replacing the earlier data',
      none: '',
    }[r.before];
    this.log(
      `${r.dryRun ? 'Would import' : 'Imported'} ${r.year} (${r.source}): ${r.holidays} holidays, ${r.workdays} make-up working days${what} -> ${r.file}`,
    );
    const cases = new Set(r.recomputed.map((c) => c.caseId)).size;
    this.log(
      `${r.dryRun ? 'Would recompute' : 'Recomputed'} ${cases} open case(s) whose deadline was counted on ${r.year}: ${r.changed} deadline(s) ${r.dryRun ? 'would change' : 'changed'}.`,
    );
    if (r.recomputed.length === 0) return;
    const mark = (date: string | null, provisional: boolean) => `${date ?? '-'}${provisional ? ' 预计' : ''}`;
    this.log(
      renderTable(r.recomputed, [
        { header: 'case', get: (c) => c.caseId },
        { header: 'item', get: (c) => c.itemCode },
        { header: 'deadline', get: (c) => (c.deadline === 'dueAt' ? '办结 due' : '流转 transfer') },
        { header: 'old', get: (c) => mark(c.fromDate, c.fromProvisional) },
        { header: 'new', get: (c) => mark(c.toDate, c.toProvisional) },
        { header: '', get: (c) => (c.changed ? 'changed' : 'same') },
      ]),
    );
  }
}
