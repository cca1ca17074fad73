import { Args, Flags } from '@oclif/core';
import { findItem, submitCase, UNITS, type Unit } from '@tongban/core/cases';
import { DELIVERY_METHODS, MODES, type Mode } from '@tongban/core/catalogue';
import { TongbanError } from '@tongban/core/errors';
import { validateIdNumber } from '@tongban/core/identity';
import { CaseCommand, renderStep } from '../../cases/case-command.js';
import { parseInstant } from '../../cases/time.js';
import { type StepResult, stepResult } from '../../cases/views.js';

/** Who opens a case when --unit / TONGBAN_UNIT is not given: the window that takes it in (seed 000 tables 1-3 row 1). */
const OPENED_BY: Record<Mode, Unit> = {
  online: 'localWindow',
  proxyLocal: 'remoteWindow',
  proxyRemote: 'remoteWindow',
  window: 'window',
};

export default class CasesSubmit extends CaseCommand<StepResult> {
  static override summary =
    'Open a case at a window (提交申请) from an item code: applicant, materials, mode.';
  static override description = [
    'Takes the item from the latest published catalogue (or --catalogue-version N) and pins its rules in the case.',
    'Materials are named as in the catalogue (`tongban items show CODE`); --all-materials hands in every one.',
    'The application number is SITE-YYMMDD-C....-...: the site comes from --site or TONGBAN_SITE.',
    'Modes: online 全程网办, proxyLocal 异地代收-属地办理, proxyRemote 异地代收-异地办理, window 窗口办.',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> 000173003001 --mode window --name 王芳 --id-number 11010519491231002X --phone 13800138000 --material 申请人居民身份证 --material 居住地住址证明 --site HRB1 --actor zhangmin',
    'TONGBAN_SITE=HRB1 TONGBAN_USER=zhangmin <%= config.bin %> <%= command.id %> 000173004002 --mode proxyLocal --name 李雷 --id-number 11010519491231002X --all-materials --json',
  ];
  static override args = {
    item: Args.string({
      description: 'Item code (事项编码), or code@level@implementingUnit when several units implement it',
      required: true,
    }),
  };
  static override flags = {
    mode: Flags.option({ options: MODES, summary: 'Handling mode (办理模式).', required: true })(),
    name: Flags.string({ summary: 'Applicant name (申请人).', required: true }),
    'id-number': Flags.string({
      summary: 'ID number or unified social credit code (证件号码); masked in every output.',
      required: true,
    }),
    phone: Flags.string({ summary: 'Applicant phone.', default: '' }),
    material: Flags.string({ summary: 'A material handed in (repeat for each).', multiple: true }),
    'all-materials': Flags.boolean({
      summary: 'Every material the item demands was handed in (those replaced by an e-licence are fetched).',
    }),
    'e-licence-unavailable': Flags.string({
      summary:
        'A material whose electronic licence could not be fetched (repeat); the applicant must hand it in.',
      multiple: true,
    }),
    'delivery-method': Flags.option({
      options: DELIVERY_METHODS,
      summary:
        'How the result is delivered (送达方式, seed 000 5.4); proxy modes record it at proxy-receive.',
    })(),
    site: Flags.string({
      summary: 'Site code that starts the application number (2-6 of 0-9 A-Z without I L O U).',
      env: 'TONGBAN_SITE',
      required: true,
    }),
    'catalogue-version': Flags.integer({
      summary: 'Catalogue version to open under (default latest).',
      min: 1,
    }),
    unit: Flags.option({
      options: UNITS,
      summary: 'Unit opening the case; default $TONGBAN_UNIT, else the intake window of the mode.',
      env: 'TONGBAN_UNIT',
      helpGroup: 'ACTING',
    })(),
    actor: Flags.string({
      summary: 'Person acting; default $TONGBAN_USER.',
      env: 'TONGBAN_USER',
      aliases: ['by'],
      required: true,
      helpGroup: 'ACTING',
    }),
    at: Flags.string({
      summary: 'When it was submitted (ISO-8601 or YYYY-MM-DD; default now).',
      helpGroup: 'ACTING',
    }),
  };

  async run(): Promise<StepResult> {
    const { args, flags } = await this.parse(CasesSubmit);
    const idNumber = flags['id-number'].trim();
    if (/^\d{17}[\dXx]$/.test(idNumber) && !validateIdNumber(idNumber)) {
      throw new TongbanError('usage.idNumber', 'the ID number fails its check digit (GB 11643)', {
        where: { field: '--id-number' },
        hint: 'compare every digit with the card; the last one is computed from the first 17',
      });
    }
    const store = await this.openStore(flags.data);
    const calendar = await this.calendarOf(flags.data);
    let submitted = flags.material ?? [];
    if (flags['all-materials']) {
      const cat = await store.catalogue(flags['catalogue-version']);
      if (cat)
        submitted = [
          ...new Set([
            ...submitted,
            ...findItem(cat.items, args.item)
              .materials.filter(
                (m) => m.eLicence === undefined || flags['e-licence-unavailable']?.includes(m.name),
              )
              .map((m) => m.name),
          ]),
        ];
    }
    const at = flags.at ? parseInstant(flags.at, '--at') : new Date().toISOString();
    const c = await submitCase(store, calendar, flags['catalogue-version'], {
      item: args.item.trim(),
      mode: flags.mode,
      applicant: { name: flags.name.trim(), idNumber, phone: flags.phone.trim() },
      submitted,
      eLicenceUnavailable: flags['e-licence-unavailable'],
      unit: flags.unit ?? OPENED_BY[flags.mode],
      actor: flags.actor,
      site: flags.site,
      at,
      deliveryMethod: flags['delivery-method'],
    });
    const result = stepResult(c, c.log.entries[0]?.id ?? '', false);
    const missing = c.materials.missing;
    this.log(renderStep(result, missing.length ? [['missing', missing.join('、')]] : []));
    return result;
  }
}
