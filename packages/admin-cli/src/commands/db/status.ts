import { TongbanCommand } from '../../base-command.js';
import { renderTable } from '../../output/table.js';
import { shanghaiTime } from '../../output/time.js';
import { databaseUrlFlag, openDatabase } from './migrate.js';

export interface DbStatusResult {
  database: string;
  current: number;
  latest: number;
  applied: { version: number; name: string; appliedAt: string }[];
  pending: { version: number; name: string }[];
}

export default class DbStatus extends TongbanCommand<DbStatusResult> {
  static override summary =
    'Show the schema version of the PostgreSQL store and the migrations still to apply.';
  static override description = 'Exit code 3 when migrations are pending (run `tongban db migrate`).';
  static override examples = [
    '<%= config.bin %> <%= command.id %> --database-url postgresql://tongban@db.example/tongban',
  ];
  static override flags = { 'database-url': databaseUrlFlag };

  async run(): Promise<DbStatusResult> {
    const { flags } = await this.parse(DbStatus);
    const store = await openDatabase(flags['database-url']);
    try {
      const { redactUrl, schemaStatus } = await import('@tongban/store/postgres');
      const status = await schemaStatus(store.pool).catch((e: unknown) => {
        throw store.mapError(e);
      });
      const result: DbStatusResult = { database: redactUrl(store.url), ...status };
      const rows = [
        ...status.applied.map((m) => ({
          version: m.version,
          name: m.name,
          state: `applied ${shanghaiTime(m.appliedAt)}`,
        })),
        ...status.pending.map((m) => ({ version: m.version, name: m.name, state: 'pending' })),
      ];
      this.log(
        renderTable(rows, [
          { header: 'version', get: (r) => String(r.version), align: 'right' },
          { header: 'migration', get: (r) => r.name, max: 50 },
          { header: 'state', get: (r) => r.state },
        ]),
      );
      this.log(
        status.pending.length
          ? `${result.database}: schema version ${status.current}, ${status.pending.length} migration(s) pending: run \`tongban db migrate\`.`
          : `${result.database}: schema version ${status.current}, up to date.`,
      );
      if (status.pending.length) this.failWith(3);
      return result;
    } finally {
      await store.close();
    }
  }
}
