import { DELIVERY_METHODS } from '../catalogue/service-item.js';
import { checkReasons, ending, noticeError, prepare, reasonsBlock } from './common.js';
import type {
  NoticeContext,
  NoticeItem,
  ProxyReceiptInput,
  ProxyReceiptNotice,
  ProxyRefusalInput,
  ProxyRefusalNotice,
} from './types.js';

/**
 * 代收凭证 (seed 000 table 2 row 1 a 1, b, c; table 3 row 1 a 1, b): the remote window received complete materials;
 * it states the materials, the mode and the unit that will accept and decide, the delivery method chosen by the
 * applicant and, for 异地代收-属地办理, how and within what time the materials go to the local window.
 */
export function buildProxyReceipt(
  item: NoticeItem,
  ctx: NoticeContext,
  input: ProxyReceiptInput,
): ProxyReceiptNotice {
  const p = prepare('proxyReceipt', item, ctx);
  const { w, base } = p;
  if (input?.mode !== 'proxyLocal' && input?.mode !== 'proxyRemote') {
    throw noticeError(
      'mode',
      `a proxy receipt belongs to 异地代收 (proxyLocal or proxyRemote), not "${String(input?.mode)}"`,
      { type: 'proxyReceipt', field: 'mode' },
      "pass mode: 'proxyLocal' or 'proxyRemote'",
    );
  }
  const materials = (input.materials ?? []).filter((m) => m.name?.trim());
  if (materials.length === 0) {
    throw noticeError(
      'materialsMissing',
      'a proxy receipt must list the materials received',
      { type: 'proxyReceipt', field: 'materials' },
      'pass materials: [{ name, original?, copies? }, ...]',
    );
  }
  if (!DELIVERY_METHODS.includes(input.delivery)) {
    throw noticeError(
      'deliveryMissing',
      'a proxy receipt must record how the result is delivered (seed 000 table 2 row 1 b; 5.4)',
      { type: 'proxyReceipt', field: 'delivery' },
      `pass delivery: one of ${DELIVERY_METHODS.join(', ')}`,
    );
  }
  const handlingUnit = (input.handlingUnit ?? item.implementingUnit)?.trim();
  if (!handlingUnit) {
    throw noticeError(
      'handlingUnit',
      'a proxy receipt must name the unit that accepts and decides',
      { type: 'proxyReceipt', field: 'handlingUnit' },
      "pass handlingUnit or use the catalogue item's implementingUnit",
    );
  }
  const n: Omit<ProxyReceiptNotice, 'sections' | 'hasStub'> = {
    ...base,
    mode: input.mode,
    handlingUnit,
    materials: materials.map((m) => ({ ...m, name: m.name.trim() })),
    materialCount: materials.length,
    delivery: input.delivery,
  };
  if (input.deliverAt) n.deliverAt = input.deliverAt;
  if (input.transfer) {
    const days = input.transfer.days ?? item.transferDays;
    if (days === undefined || !input.transfer.to?.trim()) {
      throw noticeError(
        'transfer',
        'the transfer of materials needs its time limit and destination (seed 000 table 2 row 1 c)',
        { type: 'proxyReceipt', field: days === undefined ? 'transfer.days' : 'transfer.to' },
        "pass transfer: { method, to, days } or set the item's transferDays",
      );
    }
    n.transfer = { method: input.transfer.method, days, to: input.transfer.to.trim() };
  }

  w.title('title', base.title);
  w.fields('number', [w.field('applicationNo', 'notice.label.applicationNo', base.applicationNo)]);
  w.paragraph('salutation', 'salutation', 'notice.salutation', { applicant: base.applicant.name });
  w.paragraph('body', 'body', 'notice.proxyReceipt.body', {
    item: p.itemName,
    materialCount: n.materialCount,
  });
  w.paragraph('handling', 'body', 'notice.proxyReceipt.handling', {
    mode: w.tr(`mode.${n.mode}`),
    handlingUnit,
  });
  w.paragraph('materialsIntro', 'body', 'notice.proxyReceipt.materialsIntro');
  w.table(
    'materials',
    [
      ['no', 'notice.column.no'],
      ['material', 'notice.column.material'],
      ['form', 'notice.column.form'],
      ['copies', 'notice.column.copies'],
    ],
    n.materials.map((m, i) => [
      String(i + 1),
      m.name,
      [
        m.eLicence ? `${w.tr('material.eLicence')}（${m.eLicence}）` : '',
        m.original ? w.tr('material.original') : '',
        m.copies ? w.tr('material.copy') : '',
      ]
        .filter(Boolean)
        .join(w.tr('notice.listSeparator')),
      m.copies ? w.tr('common.copies', { copies: m.copies }) : '',
    ]),
  );
  const terms = [w.field('delivery', 'notice.label.delivery', w.tr(`delivery.${n.delivery}`))];
  if (n.deliverAt) terms.push(w.field('deliverAt', 'notice.label.deliverAt', w.tr(`unit.${n.deliverAt}`)));
  if (n.transfer) {
    terms.push(
      w.field(
        'transfer',
        'notice.label.transfer',
        w.tr('notice.proxyReceipt.transferValue', {
          transferMethod: w.tr(`transfer.${n.transfer.method}`),
          transferDays: w.tr('common.workingDays', { days: n.transfer.days }),
          transferTo: n.transfer.to,
        }),
      ),
    );
  }
  w.fields('terms', terms, 'stacked');
  ending(p, 'notice.seal.proxyWindow', false);
  w.paragraph('note', 'note', 'notice.proxyReceipt.note', {}, w.tr('notice.notePrefix'));
  w.qr(base.qrPayload, base.applicationNo);
  return { ...n, hasStub: false, sections: w.sections };
}

/**
 * 不予代收凭证 (seed 000 table 2 row 1 a 2; table 3 row 1 a 2): every reason told at once (一次性告知).
 */
export function buildProxyRefusal(
  item: NoticeItem,
  ctx: NoticeContext,
  input: ProxyRefusalInput,
): ProxyRefusalNotice {
  const p = prepare('proxyRefusal', item, ctx);
  const { w, base } = p;
  const reasons = checkReasons(input?.reasons, 'proxyRefusal');
  const n: Omit<ProxyRefusalNotice, 'sections' | 'hasStub'> = { ...base, reasons };
  if (input.basis?.trim()) n.basis = input.basis.trim();

  w.title('title', base.title);
  w.fields('number', [w.field('applicationNo', 'notice.label.applicationNo', base.applicationNo)]);
  w.paragraph('salutation', 'salutation', 'notice.salutation', { applicant: base.applicant.name });
  w.paragraph('body', 'body', 'notice.proxyRefusal.body', { item: p.itemName });
  reasonsBlock(p, reasons, n.basis);
  if (input.advice?.trim()) w.plain('advice', 'body', input.advice.trim());
  else w.paragraph('advice', 'body', 'notice.proxyRefusal.advice');
  ending(p, 'notice.seal.proxyWindow');
  w.qr(base.qrPayload, base.applicationNo);
  return { ...n, hasStub: false, sections: w.sections };
}
