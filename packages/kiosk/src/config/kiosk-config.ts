/**
 * The kiosk configuration file (JSON): hall, terminal, devices, timeouts, language, data directory.
 * Validated with zod; every problem is reported as "field: what is wrong" with the file name, so a technician can
 * mend it without reading code.
 */
import { readFileSync } from 'node:fs';
import { TongbanError } from '@tongban/core/errors';
import { z } from 'zod';

const Device = z.object({
  /** Serial port path (/dev/ttyUSB0) or "simulated". */
  port: z.string().trim().min(1, 'port must name a serial port such as /dev/ttyUSB0, or "simulated"'),
  baudRate: z
    .number()
    .int()
    .refine((b) => [9600, 19200, 38400, 57600, 115200].includes(b), 'baudRate must be 9600-115200')
    .optional(),
});

export const KioskConfig = z.object({
  hall: z.object({
    name: z.string().trim().min(1, 'hall.name is the name printed on receipts'),
    /** Opening hours shown on the attract screen. */
    hours: z.string().trim().default('工作日 9:00-17:00（自助区 7×24 小时开放）'),
    /** Site code used in application numbers. */
    site: z
      .string()
      .trim()
      .regex(
        /^[0-9A-HJKMNP-TV-Z]{2,6}$/,
        'hall.site must be 2-6 capital letters or digits without I, L, O or U (it starts every application number), e.g. HRB1',
      ),
  }),
  terminal: z.object({
    id: z.string().trim().min(1, 'terminal.id identifies this kiosk in every case event'),
    /** 综合窗口 this kiosk stands for; appointments are booked at this window. */
    window: z.string().trim().default('W01'),
  }),
  devices: z
    .object({
      reader: Device.default({ port: 'simulated' }),
      printer: Device.default({ port: 'simulated' }),
      paper: z.union([z.literal(58), z.literal(80)]).default(80),
    })
    .default({ reader: { port: 'simulated' }, printer: { port: 'simulated' }, paper: 80 }),
  timeouts: z
    .object({
      /** Quiet seconds before the idle warning. */
      idleSeconds: z.number().int().min(10, 'idleSeconds must be at least 10').max(3600).default(90),
      /** Seconds the warning is shown before the session ends. */
      warningSeconds: z.number().int().min(3).max(120).default(15),
    })
    .default({ idleSeconds: 90, warningSeconds: 15 }),
  language: z.enum(['zh-CN', 'en']).default('zh-CN'),
  /** Data directory of the embedded store (default: TONGBAN_DATA, then ./.tongban). */
  dataDir: z.string().trim().min(1).optional(),
  /**
   * The province's central PostgreSQL store (issue 9; TONGBAN_DATABASE_URL does the same). The kiosk then keeps
   * an outbox in its data directory for the hours the database cannot be reached (seed 003 一: 全时在线).
   */
  database: z
    .object({
      url: z
        .string()
        .trim()
        .regex(
          /^postgres(ql)?:\/\//,
          'database.url must be a PostgreSQL URL such as postgres://kiosk@db.example/province',
        ),
      /** Where the outbox lives (default: <data directory>/outbox). */
      outboxDir: z.string().trim().min(1).optional(),
      /** Seconds between pushes of the outbox and reports to the centre. */
      syncSeconds: z.number().int().min(1).max(3600).default(5),
    })
    .optional(),
});
export type KioskConfig = z.infer<typeof KioskConfig>;
export type KioskConfigInput = z.input<typeof KioskConfig>;

export class KioskConfigError extends TongbanError {}

/** Parses a configuration object; throws a KioskConfigError listing every problem with its field path. */
export function parseKioskConfig(input: unknown, file = '(config)'): KioskConfig {
  const r = KioskConfig.safeParse(input);
  if (r.success) return r.data;
  const problems = r.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`);
  throw new KioskConfigError(
    'kiosk.config',
    `${file} is not a valid kiosk configuration:\n  ${problems.join('\n  ')}`,
    {
      where: { file, field: r.error.issues[0]?.path.join('.') },
      hint: 'mend the fields above; see docs/kiosk.md for an example',
    },
  );
}

/** Reads and validates a JSON configuration file. */
export function loadKioskConfig(file: string): KioskConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new KioskConfigError('kiosk.config', `cannot read ${file}: ${(e as Error).message}`, {
      where: { file },
      hint: 'give the path of a JSON file with --config',
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new KioskConfigError('kiosk.config', `${file} is not JSON: ${(e as Error).message}`, {
      where: { file },
      hint: 'check commas and quotes (JSON has no comments)',
    });
  }
  return parseKioskConfig(json, file);
}

/** The configuration of demo mode: simulated devices, short idle time. */
export function demoConfig(): KioskConfig {
  return parseKioskConfig({
    hall: { name: '哈尔滨市道里区政务服务中心 24小时自助服务区', site: 'HRB1' },
    terminal: { id: 'KIOSK-DEMO-01' },
  });
}
