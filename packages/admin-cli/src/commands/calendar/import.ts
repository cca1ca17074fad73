import { access, mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Args, Flags } from '@oclif/core';
import { TongbanCommand } from '../../base-command.js';
import { calendarDir } from '../../data-dir.js';
import { readTextFile } from '../../file-input.js';

export interface CalendarImportResult {
  year: number;
  source: string;
  /** Where the year was written inside the data directory. */
  file: string;
  /** True when an earlier import of the same year was replaced. */
  replaced: boolean;
  holidays: number;
  workdays: number;
  dryRun: boolean;
}

export default class CalendarImport extends TongbanCommand<CalendarImportResult> {
  static override summary = "Import a year's official holiday arrangement (国务院办公厅节假日安排) as JSON.";
  static override description = [
    'The file is one CalendarYear: {"year", "source", "holidays": [{"date","name"}], "workdays": [{"date","name"}]}',
    '(see fixtures/calendar/example-2027.json). It is validated first (real dates, all in that year, make-up',
    'working days on weekends, no date twice); on any problem nothing is written. The year is stored as',
    '<data>/calendar/cn-YYYY.json and replaces the shipped data or an earlier import of the same year.',
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
    const { parseCalendarYear, formatCalendarYear } = await import('@tongban/core/calendar');
    const text = await readTextFile(args.file);
    const year = parseCalendarYear(text, basename(args.file));
    const dir = calendarDir(flags.data);
    const file = join(dir, `cn-${year.year}.json`);
    const replaced = await access(file).then(
      () => true,
      () => false,
    );
    if (!flags['dry-run']) {
      await mkdir(dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, formatCalendarYear(year), 'utf8');
      await rename(tmp, file);
    }
    const result: CalendarImportResult = {
      year: year.year,
      source: year.source,
      file,
      replaced,
      holidays: year.holidays.length,
      workdays: year.workdays.length,
      dryRun: flags['dry-run'],
    };
    this.log(
      `${flags['dry-run'] ? 'Would import' : 'Imported'} ${result.year} (${result.source}): ${result.holidays} holidays, ${result.workdays} make-up working days${replaced ? ', replacing the earlier import' : ''} -> ${file}`,
    );
    return result;
  }
}
