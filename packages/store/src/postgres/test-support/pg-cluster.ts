import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A private PostgreSQL cluster for tests and benches (issue 9: real servers only, no mocked database).
 *
 *   const pg = await startPgCluster();          // initdb into a temp dir, start on a free port
 *   const url = await pg.createDatabase();      // a fresh, empty database per test
 *   await pg.down(); await pg.up();             // stop / start the server, data kept (offline-kiosk fault tests)
 *   await pg.stop();                            // stop and delete everything (call it in afterAll)
 *
 * The server listens on 127.0.0.1:<free port> and on a unix socket in the temp dir; authentication is `trust`
 * (the cluster lives only as long as the test). PostgreSQL refuses to run as root: when the tests run as root
 * (CI containers), initdb, pg_ctl and postgres run as the `postgres` system user (created by Debian's
 * `postgresql` package) through `runuser -u postgres`, and the temp dir is chowned to that user.
 * The binaries are found in TONGBAN_PG_BIN, else the newest /usr/lib/postgresql/<n>/bin, else on PATH.
 * `.ci/run` installs Debian's `postgresql` package when it is missing (`apt-get install -y postgresql`).
 */
export interface PgCluster {
  /** postgresql://postgres@127.0.0.1:<port>/<database> of the database made at start (default "tongban"). */
  url: string;
  /** The same database through the unix socket (faster; for benches). */
  socketUrl: string;
  port: number;
  /** The temp dir: data/ (PGDATA), the socket, server.log. */
  dir: string;
  /** Directory of initdb, pg_ctl, pgbench, psql. */
  bin: string;
  /** CREATE DATABASE with a fresh name (or the given one); returns its TCP url. */
  createDatabase(name?: string): Promise<string>;
  /** Stop the server (fast shutdown), keeping the data. */
  down(): Promise<void>;
  /** Start it again on the same port. */
  up(): Promise<void>;
  /** down() then up(). */
  restart(): Promise<void>;
  /** Stop and delete the temp dir. Safe to call twice. */
  stop(): Promise<void>;
  /** The tail of the server log (for failing tests). */
  log(lines?: number): string;
  /** Run a program of bin as the cluster's OS user, e.g. pgbench; returns stdout. */
  run(program: string, args: string[]): string;
}

export interface PgClusterOptions {
  /** Database created at start (default "tongban"). */
  database?: string;
  /**
   * Durable server settings (fsync, synchronous_commit on). Default false: tests turn fsync off for speed;
   * benches pass true to measure what a province would run.
   */
  durable?: boolean;
  /** Extra `-c name=value` server settings. */
  settings?: Record<string, string | number>;
}

/** Where the PostgreSQL server programs are, or undefined when none is installed. */
export function findPgBin(): string | undefined {
  const fromEnv = process.env.TONGBAN_PG_BIN;
  if (fromEnv && existsSync(join(fromEnv, 'pg_ctl'))) return fromEnv;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' });
  const found = which.stdout.trim();
  return found ? found.replace(/\/pg_ctl$/, '') : undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

let counter = 0;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Stop and delete the clusters of test processes that were killed before their stop() (a timed-out test run):
 * each cluster dir holds owner.pid, the process that started it; when that process is gone, so goes the cluster.
 */
function sweepOrphans(bin: string, asRoot: boolean): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith('tongban-pg-')) continue;
    const dir = join(tmpdir(), name);
    let owner: number;
    try {
      owner = Number(readFileSync(join(dir, 'owner.pid'), 'utf8'));
    } catch {
      continue; // not ours to judge
    }
    if (!owner || alive(owner)) continue;
    const args = ['stop', '-w', '-t', '30', '-m', 'immediate', '-D', join(dir, 'data')];
    const ctl = join(bin, 'pg_ctl');
    if (asRoot) spawnSync('runuser', ['-u', 'postgres', '--', ctl, ...args]);
    else spawnSync(ctl, args);
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startPgCluster(options: PgClusterOptions = {}): Promise<PgCluster> {
  const bin = findPgBin();
  if (!bin) {
    throw new Error(
      'PostgreSQL server programs not found: install them (`apt-get install -y postgresql`) or set TONGBAN_PG_BIN',
    );
  }
  const asRoot = isRoot();
  sweepOrphans(bin, asRoot);
  const dir = mkdtempSync(join(tmpdir(), 'tongban-pg-'));
  writeFileSync(join(dir, 'owner.pid'), String(process.pid));
  const data = join(dir, 'data');
  const logFile = join(dir, 'server.log');
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  const run = (program: string, args: string[]): string => {
    const file = join(bin, program);
    const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
    const r = spawnSync(cmd, argv as string[], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) {
      throw new Error(`${program} ${args.join(' ')} failed (${r.status}): ${r.stderr || r.stdout}`);
    }
    return r.stdout;
  };
  const database = options.database ?? 'tongban';
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);

  const settings: Record<string, string | number> = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: dir,
    max_connections: 200,
    ...(options.durable ? {} : { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' }),
    ...options.settings,
  };
  let port = 0;
  const start = () => {
    const opts = [`-p ${port}`, ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`)].join(' ');
    run('pg_ctl', ['start', '-w', '-t', '60', '-D', data, '-l', logFile, '-o', opts]);
  };
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    try {
      start();
      break;
    } catch (e) {
      if (attempt >= 4) throw e; // the port was taken between probe and start; try another
    }
  }
  let running = true;
  const stopNow = (mode: 'fast' | 'immediate') => {
    if (!running) return;
    run('pg_ctl', ['stop', '-w', '-t', '60', '-m', mode, '-D', data]);
    running = false;
  };
  const onExit = () => {
    try {
      stopNow('immediate');
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // the process is ending; nothing more to do
    }
  };
  process.once('exit', onExit);

  const tcp = (db: string) => `postgresql://postgres@127.0.0.1:${port}/${db}`;
  const psql = (db: string, sql: string) =>
    run('psql', [
      '-X',
      '-q',
      '-h',
      dir,
      '-p',
      String(port),
      '-U',
      'postgres',
      '-d',
      db,
      '-v',
      'ON_ERROR_STOP=1',
      '-c',
      sql,
    ]);
  psql('postgres', `CREATE DATABASE "${database}"`);

  let stopped = false;
  return {
    url: tcp(database),
    socketUrl: `postgresql://postgres@/${database}?host=${encodeURIComponent(dir)}&port=${port}`,
    get port() {
      return port;
    },
    dir,
    bin,
    async createDatabase(name?: string) {
      const db = name ?? `t_${process.pid}_${Date.now().toString(36)}_${++counter}`;
      psql('postgres', `CREATE DATABASE "${db}"`);
      return tcp(db);
    },
    async down() {
      stopNow('fast');
    },
    async up() {
      if (running) return;
      start();
      running = true;
    },
    async restart() {
      stopNow('fast');
      start();
      running = true;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      stopNow('fast');
      process.removeListener('exit', onExit);
      rmSync(dir, { recursive: true, force: true });
    },
    log(lines = 40) {
      try {
        return readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
      } catch {
        return '';
      }
    },
    run,
  };
}
