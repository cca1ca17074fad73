import { Args, Flags } from '@oclif/core';
import type { TableExplain } from '@tongban/core/catalogue';
import { TongbanCommand } from '../../base-command.js';
import { explainLines } from '../../catalogue-io/explain.js';
import type { ImportProblem } from '../../catalogue-io/problem.js';
import { FORMATS, readCatalogue } from '../../catalogue-io/read-catalogue.js';
import { EXIT } from '../../exit-codes.js';
import type { DetectedEncoding } from '../../file-input.js';
import { ENCODINGS } from '../../file-input.js';
import { changeLines, changesAgainst, type ImportChanges, problemLines } from '../../import-report.js';
import { startProgress } from '../../output/progress.js';

export interface ItemsImportResult {
  file: string;
  format: 'xlsx' | 'csv' | 'json';
  encoding?: DetectedEncoding;
  sheet?: string;
  /** Item rows read. */
  rows: number;
  /** Items in the new draft (0 when refused). */
  items: number;
  /** False when any error was found: then nothing is written. */
  valid: boolean;
  dryRun: boolean;
  /** True when the draft was replaced. */
  written: boolean;
  errors: number;
  warnings: number;
  problems: ImportProblem[];
  /** Against the current draft (or the latest version, or nothing); absent when refused. */
  changes?: ImportChanges;
  /** --explain (XLSX/CSV): how each column was understood; nothing is written. */
  explain?: TableExplain;
}

export default class ItemsImport extends TongbanCommand<ItemsImportResult> {
  static override summary = 'Import the catalogue from XLSX, CSV or JSON into the draft (all checked first).';
  static override description = [
    'Seed 000 4.2; seed 004 3.10, 5.3. The whole file is read and validated before anything is written: every',
    'problem is reported with file, sheet, row, column and reason, and on any error the store is left as it was',
    '(exit 2). Warnings (e.g. a material without legal basis, seed 004 6.2) do not stop the import.',
    '',
    'XLSX: the sheet 事项清单 (else the first sheet); merged cells and formula cells are refused.',
    'CSV: UTF-8, UTF-8 with BOM, or GBK/GB18030 as Excel saves it on Chinese Windows (detected: bytes that are',
    'not valid UTF-8 are read as GB18030; --encoding forces one).',
    'A text cell starting with an apostrophe loses that one apostrophe (undoing the formula-injection guard of',
    '`items export`).',
    '',
    'The header row may follow title rows and use the headers of real lists (事项名称, 实施编码, 申请材料,',
    '承诺办结时限（工作日） ...); columns that are no field are ignored with a warning; a column the file lacks and',
    'that has a default (层级, 服务对象, 办件类型, 办理方式, 窗口分类, 子项名称, 表单) is said once as a warning.',
    '--explain prints how each column was understood (header -> field, or ignored) and what the import would do,',
    'and writes nothing (exit 2 when the file would be refused). See docs/catalogue.md.',
    '',
    'The draft is then published with `tongban items publish`.',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> 事项清单-2025-12.xlsx',
    '<%= config.bin %> <%= command.id %> catalogue.csv --dry-run',
    '<%= config.bin %> <%= command.id %> --explain 道里区实施清单.xlsx',
    '<%= config.bin %> <%= command.id %> catalogue.csv --encoding gbk --json',
    '<%= config.bin %> <%= command.id %> export.json --data /srv/tongban',
  ];
  static override args = { file: Args.string({ description: 'XLSX, CSV or JSON file', required: true }) };
  static override flags = {
    'dry-run': Flags.boolean({
      summary: 'Validate and show what would change, without writing.',
      default: false,
    }),
    explain: Flags.boolean({
      summary: 'Show how each column is understood and what would be imported; write nothing.',
      default: false,
    }),
    format: Flags.option({ options: FORMATS, summary: 'Format, when the file name does not tell.' })(),
    encoding: Flags.option({ options: ENCODINGS, default: 'auto' as const, summary: 'CSV text encoding.' })(),
  };

  async run(): Promise<ItemsImportResult> {
    const { args, flags } = await this.parse(ItemsImport);
    const progress = startProgress('importing', 100, { enabled: !this.jsonEnabled() });
    const read = await readCatalogue(args.file, {
      ...(flags.format ? { format: flags.format } : {}),
      encoding: flags.encoding,
      onPhase: (_phase, share) => progress.tick(Math.round(share * 100)),
    });
    const result: ItemsImportResult = {
      file: read.file,
      format: read.format,
      ...(read.encoding ? { encoding: read.encoding } : {}),
      ...(read.sheet !== undefined ? { sheet: read.sheet } : {}),
      rows: read.rows,
      items: read.items.length,
      valid: read.errors === 0,
      dryRun: flags['dry-run'],
      written: false,
      errors: read.errors,
      warnings: read.warnings,
      problems: read.problems,
      ...(flags.explain && read.explain ? { explain: read.explain } : {}),
    };
    if (flags.explain) {
      progress.stop();
      if (read.explain) for (const line of explainLines(read.file, read.sheet, read.explain)) this.log(line);
      for (const line of problemLines(read.problems)) this.log(line);
      this.log(
        `${result.valid ? `Would import ${result.items} items` : 'Would be refused'}: ${read.errors} error(s), ${read.warnings} warning(s); nothing was written (--explain).`,
      );
      if (!result.valid) this.failWith(EXIT.invalid);
      return result;
    }
    if (!result.valid) {
      progress.stop();
      for (const line of problemLines(read.problems)) this.logToStderr(line);
      this.logToStderr(
        `Refused: ${read.errors} error(s), ${read.warnings} warning(s) in ${read.file}; nothing was written.`,
      );
      this.failWith(EXIT.invalid);
      return result;
    }
    const store = await this.openStore(flags.data);
    await store.transact(async (tx) => {
      const draft = await tx.getDraft();
      const latest = draft ? undefined : await tx.catalogue();
      const against = draft ? 'draft' : latest ? `v${latest.version}` : 'empty';
      result.changes = await changesAgainst(against, draft ?? latest?.items ?? [], read.items);
      progress.tick(90);
      if (!flags['dry-run']) {
        await tx.saveDraft(read.items);
        result.written = true;
      }
    });
    progress.stop();
    for (const line of problemLines(read.problems)) this.logToStderr(line);
    const c = result.changes!;
    for (const line of changeLines(c)) this.log(line);
    this.log(
      `${flags['dry-run'] ? 'Dry run: would import' : 'Imported'} ${result.items} items from ${read.file} into the draft (against ${c.against}: +${c.added.length} -${c.removed.length} ~${c.changed.length}, ${c.unchanged} unchanged; ${read.warnings} warning(s)).`,
    );
    return result;
  }
}
