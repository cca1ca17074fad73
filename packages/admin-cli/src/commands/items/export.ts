import { Flags } from '@oclif/core';
import { TongbanCommand } from '../../base-command.js';
import { FORMATS, formatOf } from '../../catalogue-io/read-catalogue.js';
import { OUT_ENCODINGS, writeCatalogue } from '../../catalogue-io/write-catalogue.js';
import { loadCatalogue, loadDefaultCatalogue, parseRef } from '../../catalogue-source.js';

export interface ItemsExportResult {
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
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> --out 事项清单.xlsx',
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
}
