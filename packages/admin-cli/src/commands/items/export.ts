import { Flags } from '@oclif/core';
import { TongbanCommand } from '../../base-command.js';
import { FORMATS, formatOf } from '../../catalogue-io/read-catalogue.js';
import { OUT_ENCODINGS, writeCatalogue, writeTemplate } from '../../catalogue-io/write-catalogue.js';
import { loadCatalogue, loadDefaultCatalogue, parseRef } from '../../catalogue-source.js';

export interface ItemsExportResult {
  /** The catalogue exported, or "template" for --template. */
  catalogue: string;
  file: string;
  format: 'xlsx' | 'csv' | 'json';
  encoding?: string;
  items: number;
  bytes: number;
}

export default class ItemsExport extends TongbanCommand<ItemsExportResult> {
  static override summary =
    'Export a catalogue to XLSX, CSV or JSON (reads back losslessly with `items import`).';
  static override description = [
    'XLSX and CSV use the tabular layout of `items import` (one row per item, sheet 事项清单). Text cells that',
    'start with = + - @ (or a tab, or an apostrophe) get a leading apostrophe so that Excel/WPS never run them as',
    'formulas; `items import` removes exactly that one apostrophe again. CSV is UTF-8 with BOM by default (Excel',
    'opens it correctly); --encoding gbk for older systems, gb18030 when the text holds rare characters.',
    'Reads the latest published version by default (the draft when nothing is published).',
    '',
    "XLSX is the template's layout: sheet 事项清单 with a frozen row of Chinese headers (required ones in red),",
    'drop-downs for 事项类型, 层级, 办件类型, 办理模式 and 综合窗口分类, time limits as numbers, and a sheet 填表说明',
    'saying what each column means, the values it takes, an example and the clause it comes from.',
    '--template writes that workbook with no items, for an administrator to fill in (its window categories are',
    'those of the catalogue in the data directory, else the six of seed 001 5.1.1).',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> --out 事项清单.xlsx',
    '<%= config.bin %> <%= command.id %> --template --out 事项清单模板.xlsx',
    '<%= config.bin %> <%= command.id %> --format csv --encoding gbk --out catalogue-gbk.csv',
    '<%= config.bin %> <%= command.id %> --version draft --out draft.json --json',
  ];
  static override flags = {
    out: Flags.string({ char: 'o', summary: 'File to write.', required: true }),
    format: Flags.option({ options: FORMATS, summary: 'Format (default: from the file name).' })(),
    encoding: Flags.option({
      options: OUT_ENCODINGS,
      default: 'utf8-bom' as const,
      summary: 'CSV text encoding.',
    })(),
    version: Flags.string({ summary: 'Catalogue to export: a version number, "latest" or "draft".' }),
    template: Flags.boolean({
      summary: 'Write the empty XLSX template administrators fill in (with 填表说明 and drop-downs).',
      default: false,
      exclusive: ['version'],
    }),
  };

  async run(): Promise<ItemsExportResult> {
    const { flags } = await this.parse(ItemsExport);
    const format = formatOf(flags.out, flags.format);
    if (!format) {
      const { TongbanError } = await import('@tongban/core/errors');
      throw new TongbanError(
        'usage.unknownFormat',
        `cannot tell the format of "${flags.out}" from its name`,
        {
          where: { field: '--out' },
          hint: 'name the file .xlsx, .csv or .json, or pass --format',
        },
      );
    }
    if (flags.template) return this.template(flags.out, format, flags.data);
    const store = await this.openStore(flags.data);
    const cat = flags.version
      ? await loadCatalogue(store, parseRef(flags.version, '--version'))
      : await loadDefaultCatalogue(store);
    const bytes = await writeCatalogue(cat.items, flags.out, format, flags.encoding);
    const result: ItemsExportResult = {
      catalogue: cat.label,
      file: flags.out,
      format,
      ...(format === 'csv' ? { encoding: flags.encoding } : {}),
      items: cat.items.length,
      bytes,
    };
    this.log(`Exported ${result.items} items of ${cat.label} to ${flags.out} (${format}, ${bytes} bytes).`);
    return result;
  }

  private async template(out: string, format: string, data: string): Promise<ItemsExportResult> {
    if (format !== 'xlsx') {
      const { TongbanError } = await import('@tongban/core/errors');
      throw new TongbanError('usage.templateFormat', `the template is an XLSX workbook, not ${format}`, {
        where: { field: '--out' },
        hint: 'name the file .xlsx, e.g. --out 事项清单模板.xlsx',
      });
    }
    const { existsSync } = await import('node:fs');
    let categories: string[] = [];
    if (existsSync(data)) {
      const store = await this.openStore(data);
      const items = (await store.getDraft()) ?? (await store.catalogue())?.items ?? [];
      categories = [...new Set(items.map((i) => i.windowCategory))];
    }
    const bytes = await writeTemplate(out, categories.join(',').length < 240 ? categories : []);
    this.log(
      `Wrote the catalogue template to ${out} (xlsx, ${bytes} bytes): fill in sheet 事项清单, see 填表说明.`,
    );
    return { catalogue: 'template', file: out, format: 'xlsx', items: 0, bytes };
  }
}
