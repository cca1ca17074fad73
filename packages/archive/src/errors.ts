import { type ErrorLocation, TongbanError } from '@tongban/core/errors';

/**
 * Why a bundle is refused, grouped by the four checks of e-records practice (GB/T 18894-2016 7.4: 真实性 authenticity,
 * 完整性 integrity, 可用性 usability, 安全性 security), plus the structural refusals of the tar form.
 */
export type BundleCheck = 'authenticity' | 'integrity' | 'usability' | 'security' | 'format';

/** A bundle (archive or transfer bag) that is refused: names the file inside the bag and the reason. */
export class BundleError extends TongbanError {
  readonly check: BundleCheck;
  constructor(
    check: BundleCheck,
    code: string,
    message: string,
    where: ErrorLocation & { bundle?: string; entry?: string },
    hint: string,
  ) {
    super(`bundle.${check}.${code}`, message, { where, hint });
    this.check = check;
  }
}

/** Errors of use (no key, nothing to archive, output exists): not about a bundle's content. */
export function archiveError(
  code: string,
  message: string,
  where: ErrorLocation,
  hint: string,
): TongbanError {
  return new TongbanError(`archive.${code}`, message, { where, hint });
}
