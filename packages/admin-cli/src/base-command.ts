import { Command, Flags, ux } from '@oclif/core';
import type { Store } from '@tongban/core/store';
import { EXIT, exitCodeFor, isTongbanError } from './exit-codes.js';
import { openDataStore } from './store.js';

/**
 * Base of every `tongban` command: `--json` (oclif's enableJsonFlag prints the typed result `run` returns),
 * `--data` / TONGBAN_DATA to select the store, and one place that turns a TongbanError into
 * "what / where / how to mend" on stderr with a documented exit code (see exit-codes.ts).
 */
export abstract class TongbanCommand<T> extends Command {
  static override enableJsonFlag = true;

  static override baseFlags = {
    data: Flags.directory({
      summary: 'Data directory of the store (the lowdb files, calendars).',
      env: 'TONGBAN_DATA',
      default: '.tongban',
      helpGroup: 'GLOBAL',
    }),
  };

  private store: Store | undefined;

  /** Opens the store of the data directory once per command; closed in `finally`. */
  protected async openStore(dataDir: string): Promise<Store> {
    this.store ??= await openDataStore(dataDir);
    return this.store;
  }

  abstract override run(): Promise<T>;

  /**
   * As oclif's logJson, without its token-by-token colouring when no JSON theme is set: that colouring gives the
   * same text as JSON.stringify(json, null, 2) but takes about a second for a 10,000-item import report.
   */
  override logJson(json: unknown): void {
    if (this.config.theme?.json) super.logJson(json);
    else ux.stdout(JSON.stringify(json, null, 2));
  }

  /** Sets the exit code for a result that is itself a refusal (e.g. an import with problems). */
  protected failWith(code: number): void {
    process.exitCode = code;
  }

  override async finally(err: Error | undefined): Promise<void> {
    if (this.store) await this.store.close();
    this.store = undefined;
    return super.finally(err);
  }

  override async catch(err: Error & { exitCode?: number; oclif?: { exit?: number } }): Promise<void> {
    if (isTongbanError(err)) {
      const code = exitCodeFor(err);
      process.exitCode = code;
      if (this.jsonEnabled()) {
        this.logJson({
          error: { name: err.name, code: err.code, message: err.message, where: err.where, hint: err.hint },
          exitCode: code,
        });
        return;
      }
      const where = Object.entries(err.where)
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
      const lines = [`Error [${err.code}]: ${err.message}`];
      if (where) lines.push(`  where: ${where}`);
      if (err.hint) lines.push(`  mend:  ${err.hint}`);
      process.stderr.write(`${lines.join('\n')}\n`);
      return;
    }
    if (err.oclif?.exit !== undefined || err.name === 'ExitError') return super.catch(err);
    // Not a mistake of the person: a bug. Say so, with the stack only when debugging.
    process.exitCode = EXIT.internal;
    if (this.jsonEnabled()) {
      this.logJson({
        error: { name: err.name, code: 'INTERNAL', message: err.message },
        exitCode: EXIT.internal,
      });
      return;
    }
    process.stderr.write(
      `Internal error: ${err.message}\n  mend:  this is a bug in tongban; rerun with DEBUG=tongban* and report the output\n`,
    );
    if (process.env.DEBUG) process.stderr.write(`${err.stack ?? ''}\n`);
  }
}
