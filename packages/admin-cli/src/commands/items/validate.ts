import { Args, Flags } from '@oclif/core';
import { TongbanCommand } from '../../base-command.js';
import type { ImportProblem } from '../../catalogue-io/problem.js';
import { FORMATS, readCatalogue } from '../../catalogue-io/read-catalogue.js';
import { loadCatalogue, parseRef } from '../../catalogue-source.js';
import { EXIT } from '../../exit-codes.js';
import { ENCODINGS } from '../../file-input.js';
import { problemLines } from '../../import-report.js';

export interface ItemsValidateResult {
  /** The file checked, or "draft" / "vN". */
  source: string;
  items: number;
  valid: boolean;
  errors: number;
  warnings: number;
  problems: ImportProblem[];
}

export default class ItemsValidate extends TongbanCommand<ItemsValidateResult> {
  static override summary = 'Check a catalogue file (or the draft) without importing it.';
  static override description =
    'The same checks as `items import`, nothing written. Exit 0 when valid (warnings allowed), 2 with errors.';
  static override examples = [
    '<%= config.bin %> <%= command.id %> 事项清单.xlsx',
    '<%= config.bin %> <%= command.id %> catalogue.csv --encoding gbk --json',
    '<%= config.bin %> <%= command.id %>                # the draft in the store',
  ];
  static override args = {
    file: Args.string({ description: 'XLSX, CSV or JSON file (default: the draft)' }),
  };
  static override flags = {
    format: Flags.option({ options: FORMATS, summary: 'Format, when the file name does not tell.' })(),
    encoding: Flags.option({ options: ENCODINGS, default: 'auto' as const, summary: 'CSV text encoding.' })(),
    version: Flags.string({ summary: 'Without FILE: catalogue to check ("draft", "latest" or a number).' }),
  };

  async run(): Promise<ItemsValidateResult> {
    const { args, flags } = await this.parse(ItemsValidate);
    let result: ItemsValidateResult;
    if (args.file) {
      const read = await readCatalogue(args.file, {
        ...(flags.format ? { format: flags.format } : {}),
        encoding: flags.encoding,
      });
      result = {
        source: read.file,
        items: read.rows,
        valid: read.errors === 0,
        errors: read.errors,
        warnings: read.warnings,
        problems: read.problems,
      };
    } else {
      const { validateCatalogue } = await import('@tongban/core/catalogue');
      const store = await this.openStore(flags.data);
      const cat = await loadCatalogue(store, parseRef(flags.version ?? 'draft', '--version'));
      const check = validateCatalogue(cat.items);
      const problems: ImportProblem[] = [...check.errors, ...check.warnings].map((p) => ({
        severity: p.severity,
        rule: p.rule,
        file: cat.label,
        ...(p.index !== undefined ? { row: p.index + 1 } : {}),
        ...(p.itemCode !== undefined ? { itemCode: p.itemCode } : {}),
        ...(p.path ? { field: p.path } : {}),
        message: p.message,
        hint: p.hint,
      }));
      result = {
        source: cat.label,
        items: cat.items.length,
        valid: check.errors.length === 0,
        errors: check.errors.length,
        warnings: check.warnings.length,
        problems,
      };
    }
    for (const line of problemLines(result.problems)) this.logToStderr(line);
    this.log(
      `${result.source}: ${result.items} items, ${result.errors} error(s), ${result.warnings} warning(s) — ${result.valid ? 'valid' : 'INVALID'}.`,
    );
    if (!result.valid) this.failWith(EXIT.invalid);
    return result;
  }
}
