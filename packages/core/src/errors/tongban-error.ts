/**
 * Every error a person can cause is a TongbanError: it says what went wrong (`message`),
 * where (`where`: file, row, column, byte offset, item code, case id...) and how to mend it (`hint`).
 * See DESIGN.md "Conventions".
 */
export interface ErrorLocation {
  file?: string;
  sheet?: string;
  row?: number;
  column?: string;
  offset?: number;
  itemCode?: string;
  field?: string;
  caseId?: string;
  [key: string]: string | number | undefined;
}

export class TongbanError extends Error {
  readonly code: string;
  readonly where: ErrorLocation;
  readonly hint: string;

  constructor(
    code: string,
    message: string,
    options: { where?: ErrorLocation; hint?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.where = options.where ?? {};
    this.hint = options.hint ?? '';
  }

  /** One line for a person: what, where, how to mend it. */
  describe(): string {
    const where = Object.entries(this.where)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ');
    return [this.message, where && `(${where})`, this.hint && `— ${this.hint}`].filter(Boolean).join(' ');
  }
}
