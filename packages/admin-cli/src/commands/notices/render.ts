import { isAbsolute, join, resolve } from 'node:path';
import { Flags } from '@oclif/core';
import { UNITS, type Unit } from '@tongban/core/cases';
import { TongbanError } from '@tongban/core/errors';
import { NOTICE_TYPES, type NoticeType } from '@tongban/core/notices';
import type { Store } from '@tongban/core/store';
import { CaseCommand, caseArg, resolveCaseId } from '../../cases/case-command.js';
import { startProgress } from '../../output/progress.js';
import { renderTable } from '../../output/table.js';
import { shanghaiTime } from '../../output/time.js';

/** One notice file of the result (application number and type name the file). */
export interface NoticeFileRow {
  applicationNo: string;
  type: NoticeType;
  file: string;
  status: 'written' | 'unchanged' | 'failed';
  bytes?: number;
  error?: string;
}

export interface NoticesResult {
  out: string;
  /** Notices selected (rendered or failed). */
  total: number;
  written: number;
  unchanged: number;
  failed: number;
  /** Merged mode: the one PDF and its page count. */
  merged?: { file: string; notices: number; status: 'written' | 'unchanged' };
  files: NoticeFileRow[];
  /** Notices that could not even be built (the case lacks what the notice needs). */
  failures: { caseId: string; type: NoticeType; at: string; error: string }[];
  ms: number;
}

/** Flags shared by `notices render` and `notices batch`: what goes on the paper besides the case's facts. */
export const noticeFlags = {
  out: Flags.directory({
    summary: 'Folder to write the PDF files into (created if missing).',
    required: true,
  }),
  type: Flags.option({
    options: NOTICE_TYPES,
    summary: 'Only this notice type (repeatable).',
    multiple: true,
  })(),
  issuer: Flags.string({
    summary:
      'Name printed in the seal area (承办窗口), e.g. "安阳市政务服务中心 3 号综合窗口"; default the unit name.',
    env: 'TONGBAN_ISSUER',
  }),
  handler: Flags.string({
    summary: '经办人 printed on the notices; default the person who performed the step.',
  }),
  'enquiry-phone': Flags.string({ summary: "联系电话; default the item's contact phone." }),
  'complaint-phone': Flags.string({ summary: "监督投诉电话; default the item's complaint phone." }),
  'progress-url': Flags.string({
    summary: 'Base of the progress query in the QR code ({applicationNo} substituted, else appended).',
    env: 'TONGBAN_PROGRESS_URL',
  }),
  locale: Flags.option({
    options: ['zh-CN', 'en'] as const,
    summary: 'Language of the notices.',
    default: 'zh-CN',
  })(),
  threads: Flags.integer({
    summary:
      'Cores to use (default: every core): 1 renders in one thread, 2 adds a deflate and a writer thread.',
    description:
      'With more than two cores, rendering worker threads are added for batches of a few hundred notices or more.',
    min: 1,
  }),
  'synthetic-bold': Flags.boolean({
    summary: 'Embolden the Regular font instead of embedding the Bold one (smaller).',
  }),
};

export interface NoticeFlagValues {
  data: string;
  out: string;
  type?: NoticeType[];
  issuer?: string;
  handler?: string;
  'enquiry-phone'?: string;
  'complaint-phone'?: string;
  'progress-url'?: string;
  locale: 'zh-CN' | 'en';
  threads?: number;
  'synthetic-bold'?: boolean;
}

export const unitOption = Flags.option({ options: UNITS, summary: 'Only notices issued by this unit.' })();

/**
 * Builds the notices of the selection from the store, renders them (pdfkit is imported here, lazily: other commands
 * never load it) and writes one file per notice, or one merged PDF. Files whose content is unchanged are left alone.
 */
export async function produceNotices(
  cmd: CaseCommand<NoticesResult>,
  store: Store,
  flags: NoticeFlagValues,
  select: { caseIds?: string[]; from?: string; to?: string; unit?: Unit; merge?: string },
): Promise<NoticesResult> {
  const started = performance.now();
  const { loadCalendar } = await import('../../calendar-support.js');
  const calendar = await loadCalendar(flags.data);
  const pdf = await import('@tongban/pdf');
  // this process's job is the batch: V8 optimizes fewer functions, the compiler takes less of the cores
  pdf.tuneCompilerForBatch();
  const phones = {
    ...(flags['enquiry-phone'] ? { enquiry: flags['enquiry-phone'] } : {}),
    ...(flags['complaint-phone'] ? { complaint: flags['complaint-phone'] } : {}),
  };
  const { notices, failures } = await pdf.collectNotices(store, calendar, {
    ...select,
    ...(flags.type?.length ? { types: flags.type } : {}),
    ...(flags.issuer ? { issuer: flags.issuer } : {}),
    ...(flags.handler ? { handler: flags.handler } : {}),
    ...(Object.keys(phones).length ? { phones } : {}),
    ...(flags['progress-url'] ? { progressQueryBase: flags['progress-url'] } : {}),
    locale: flags.locale,
  });
  const out = isAbsolute(flags.out) ? flags.out : resolve(flags.out);
  const render = { syntheticBold: flags['synthetic-bold'] ?? false };
  const result: NoticesResult = {
    out,
    total: notices.length + failures.length,
    written: 0,
    unchanged: 0,
    failed: failures.length,
    files: [],
    failures,
    ms: 0,
  };
  if (select.merge !== undefined) {
    if (notices.length > 0) {
      const file = join(out, select.merge);
      const renderer = new pdf.NoticePdfRenderer(render);
      const list = notices.map((n) => n.notice);
      // the trailer ID hashes the notices and options: the same ID means the same file, no need to render again
      const same = (await pdf.pdfFileId(file)) === renderer.documentId(list).toString('hex');
      const status = same ? 'unchanged' : await pdf.writeIfChanged(file, await renderer.renderMerged(list));
      result.merged = { file, notices: notices.length, status };
      if (status === 'written') result.written = notices.length;
      else result.unchanged = notices.length;
    }
  } else {
    const progress = startProgress('rendering', notices.length, { enabled: !cmd.jsonEnabled() });
    const files = await pdf.writeNoticeFiles(
      notices.map((n) => ({ notice: n.notice, path: join(out, `${n.stem}.pdf`) })),
      {
        ...(flags.threads ? { threads: flags.threads } : {}),
        render,
        onProgress: (done) => progress.tick(done),
      },
    );
    progress.stop();
    for (const f of files) {
      result.files.push({
        applicationNo: f.applicationNo,
        type: f.type,
        file: f.path,
        status: f.status,
        ...(f.bytes !== undefined ? { bytes: f.bytes } : {}),
        ...(f.error ? { error: f.error } : {}),
      });
      result[f.status]++;
    }
  }
  result.ms = Math.round(performance.now() - started);
  report(cmd, result);
  if (result.failed > 0) process.exitCode = 2;
  return result;
}

function report(cmd: CaseCommand<NoticesResult>, r: NoticesResult): void {
  if (r.files.length > 0 && r.files.length <= 50) {
    cmd.log(
      renderTable(r.files, [
        { header: 'application no.', get: (f) => f.applicationNo },
        { header: 'type', get: (f) => f.type },
        { header: 'status', get: (f) => f.status },
        {
          header: 'KiB',
          get: (f) => (f.bytes === undefined ? '' : (f.bytes / 1024).toFixed(1)),
          align: 'right',
        },
        { header: 'file', get: (f) => f.file, max: 60 },
      ]),
    );
  }
  if (r.merged) cmd.log(`merged: ${r.merged.file} (${r.merged.notices} notices, ${r.merged.status})`);
  for (const f of r.files.filter((x) => x.status === 'failed')) {
    cmd.logToStderr(`failed: ${f.applicationNo} ${f.type}: ${f.error}`);
  }
  for (const f of r.failures)
    cmd.logToStderr(`failed: ${f.caseId} ${f.type} (${shanghaiTime(f.at)}): ${f.error}`);
  cmd.log(
    `${r.total} notice(s): ${r.written} written, ${r.unchanged} unchanged, ${r.failed} failed, in ${r.ms} ms → ${r.out}`,
  );
}

export default class NoticesRender extends CaseCommand<NoticesResult> {
  static override summary = 'Render the notices (通知书) of one case to PDF, one file per notice.';
  static override description = [
    'Every notice the steps of the case called for (seed 000 tables 1-3; seed 001 appendices B and C), or only',
    '--type. Files are named APPLICATIONNO_type.pdf; a file whose content did not change is not rewritten.',
    'A4, Noto Sans SC embedded and subset, QR code of the progress query, PDF/A-2b.',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> AY1-261123-C7K3Q-XMZ --out notices',
    '<%= config.bin %> <%= command.id %> AY1-261123-C7K3Q-XMZ --type acceptance --out notices --issuer "3 号综合窗口"',
  ];
  static override args = { case: caseArg };
  static override flags = noticeFlags;

  async run(): Promise<NoticesResult> {
    const { args, flags } = await this.parse(NoticesRender);
    const store = await this.openStore(flags.data);
    const caseId = await resolveCaseId(store, args.case);
    const result = await produceNotices(this, store, flags as NoticeFlagValues, { caseIds: [caseId] });
    if (result.total === 0) {
      throw new TongbanError(
        'notices.noneDue',
        `case ${caseId} has no ${flags.type?.join('/') ?? ''} notice yet`,
        {
          where: { caseId },
          hint: 'a notice is issued by the step that calls for it (see `tongban cases show`); check --type',
        },
      );
    }
    return result;
  }
}
