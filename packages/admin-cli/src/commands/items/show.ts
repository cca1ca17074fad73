import { Args, Flags } from '@oclif/core';
import type { ServiceItem } from '@tongban/core/catalogue';
import { feeText, LEVELS } from '@tongban/core/catalogue';
import { TongbanError } from '@tongban/core/errors';
import { TongbanCommand } from '../../base-command.js';
import { loadCatalogue, loadDefaultCatalogue, nameOf, parseRef } from '../../catalogue-source.js';
import { renderPairs } from '../../output/table.js';

export interface ItemsShowResult {
  catalogue: string;
  /** Every item with this code (one per level and implementing unit), as stored. */
  items: ServiceItem[];
}

export default class ItemsShow extends TongbanCommand<ItemsShowResult> {
  static override summary = 'Show one service item: its guide (办事指南) and every field.';
  static override examples = [
    '<%= config.bin %> <%= command.id %> 11410100MB1234567X4000012345',
    '<%= config.bin %> <%= command.id %> 000123004000 --level county --json',
  ];
  static override args = { code: Args.string({ description: 'Item code (事项编码)', required: true }) };
  static override flags = {
    level: Flags.option({ options: LEVELS, summary: 'Only the item at this level.' })(),
    unit: Flags.string({ summary: 'Only the item of this implementing unit.' }),
    version: Flags.string({ summary: 'Catalogue to read: a version number, "latest" or "draft".' }),
  };

  async run(): Promise<ItemsShowResult> {
    const { args, flags } = await this.parse(ItemsShow);
    const store = await this.openStore(flags.data);
    const cat = flags.version
      ? await loadCatalogue(store, parseRef(flags.version, '--version'))
      : await loadDefaultCatalogue(store);
    const code = args.code.trim();
    const items = cat.items.filter(
      (i) =>
        i.itemCode === code &&
        (!flags.level || i.level === flags.level) &&
        (!flags.unit || i.implementingUnit === flags.unit),
    );
    if (items.length === 0) {
      throw new TongbanError('item.notFound', `no item with code ${code} in ${cat.label}`, {
        where: { itemCode: code },
        hint: 'look the code up with `tongban items search NAME` or `tongban items list`',
      });
    }
    for (const i of items) {
      this.log(
        renderPairs([
          ['事项编码 code', i.itemCode],
          ['名称 name', nameOf(i)],
          ['类型 type', i.itemType],
          ['层级 level', `${i.level} · ${i.implementingUnit}`],
          ['窗口 window', i.windowCategory],
          ['办件 kind', i.caseKind],
          ['时限 days', `promised ${i.promisedDays}, legal ${i.legalDays} working days`],
          ['模式 modes', i.modes.join(', ')],
          ['依据 basis', i.legalBasis.join('; ')],
          ['材料 materials', i.materials.map((m) => `${m.name}${m.tolerable ? '(容缺)' : ''}`).join('、')],
          ['流程 process', i.process.join(' → ')],
          ['收费 fees', i.fees.length ? i.fees.map(feeText).join('、') : '不收费 free'],
          ['表单 forms', i.forms.map((f) => f.name).join('、')],
        ]),
      );
      this.log('');
    }
    return { catalogue: cat.label, items };
  }
}
