import type { Receipt } from '@tongban/core/receipts';
import type { KioskDevices } from '../devices/kiosk-devices.js';
import { failureKey, printFailureKey } from '../messages/applicant-failure.js';
import type { Translate } from '../messages/kiosk-messages.js';
import type { KioskServices } from '../services/kiosk-services.js';
import type { PrintState } from './use-kiosk-state.js';

/**
 * An error met on a screen: logged with its detail, answered with catalogue words (issue 15: the applicant never
 * reads an error's own text).
 */
export function failureText(services: KioskServices, t: Translate, where: string, e: unknown): string {
  services.log.failure(where, e);
  return t(failureKey(e));
}

/** Prints a receipt; a failure (or no printer) is logged and told in catalogue words. */
export async function printReceipt(
  services: KioskServices,
  devices: KioskDevices | undefined,
  t: Translate,
  receipt: Receipt,
): Promise<PrintState> {
  try {
    const r = devices ? await devices.print(receipt) : undefined;
    if (r?.ok) return { kind: 'printed' };
    services.log.failure('print', {
      code: `print.${r?.reason ?? 'noPrinter'}`,
      message: r ? r.message : 'no printer configured or opened',
    });
    return { kind: 'failed', why: t(printFailureKey(r?.reason)) };
  } catch (e) {
    services.log.failure('print', e);
    return { kind: 'failed', why: t('printer.error') };
  }
}
