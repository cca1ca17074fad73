import { Flags } from '@oclif/core';
import { TongbanError } from '@tongban/core/errors';
import type { PostgresStore } from '@tongban/store/postgres';
import { TongbanCommand } from '../../base-command.js';

/** `--database-url` of the db commands (issue 9), from the flag or TONGBAN_DATABASE_URL. */
export const databaseUrlFlag = Flags.string({
  summary: 'PostgreSQL URL of the province store, e.g. postgresql://tongban:secret@db.example:5432/tongban.',
  env: 'TONGBAN_DATABASE_URL',
});

/** Opens the PostgreSQL store (pg is loaded only here); refuses when no URL is given. */
export async function openDatabase(url: string | undefined): Promise<PostgresStore> {
  if (!url?.trim()) {
    throw new TongbanError('USAGE_DATABASE_URL', 'No PostgreSQL database given.', {
      where: { field: '--database-url' },
      hint: 'pass --database-url postgresql://user:password@host:5432/database or set TONGBAN_DATABASE_URL',
    });
  }
  const { openPostgresStore } = await import('@tongban/store/postgres');
  return openPostgresStore({ url: url.trim(), poolSize: 2 });
}

export interface DbMigrateResult {
  /** The URL with its password masked. */
  database: string;
  /** Versions applied by this run (empty: already up to date). */
  applied: number[];
  current: number;
  latest: number;
}

export default class DbMigrate extends TongbanCommand<DbMigrateResult> {
  static override summary = 'Apply the pending schema migrations of the PostgreSQL store.';
  static override description =
    'Creates or upgrades the tables of the province store (case events, case summaries, records, catalogue) and ' +
    'records each version in schema_migrations. Safe to run again, and from two machines at once. Kiosks and ' +
    'CLIs refuse a database that is not migrated to their version.';
  static override examples = [
    '<%= config.bin %> <%= command.id %> --database-url postgresql://tongban:secret@db.example:5432/tongban',
    'TONGBAN_DATABASE_URL=postgresql://tongban@db/tongban <%= config.bin %> <%= command.id %> --json',
  ];
  static override flags = { 'database-url': databaseUrlFlag };

  async run(): Promise<DbMigrateResult> {
    const { flags } = await this.parse(DbMigrate);
    const store = await openDatabase(flags['database-url']);
    try {
      const { redactUrl, schemaStatus } = await import('@tongban/store/postgres');
      const applied = await store.migrate();
      const status = await schemaStatus(store.pool);
      const result = {
        database: redactUrl(store.url),
        applied,
        current: status.current,
        latest: status.latest,
      };
      this.log(
        applied.length
          ? `Applied migration(s) ${applied.join(', ')}; ${result.database} is at schema version ${status.current}.`
          : `${result.database} is up to date (schema version ${status.current}).`,
      );
      return result;
    } finally {
      await store.close();
    }
  }
}
