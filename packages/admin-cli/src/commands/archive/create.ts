import { resolve } from 'node:path';
import { Flags } from '@oclif/core';
import type { ArchiveResult } from '@tongban/archive';
import { UNITS, type Unit } from '@tongban/core/cases';
import { TongbanCommand } from '../../base-command.js';
import { loadCalendar } from '../../calendar-support.js';
import { startProgress } from '../../output/progress.js';
import { renderTable } from '../../output/table.js';
import { loadPdfRenderer } from '../../pdf-renderer.js';

export type ArchiveCreateResult = ArchiveResult;

const MiB = 1 << 20;

export default class ArchiveCreate extends TongbanCommand<ArchiveCreateResult> {
  static override summary =
    "Archive a unit's delivered cases of a period into one signed BagIt bundle (归档).";
  static override description = [
    'Seed 000 tables 1-3 row 5; seed 001 6.4; seed 004 8.8: each unit archives its part once. The bundle is a BagIt',
    'bag (RFC 8493) with per case the event log, the summary, the notices as PDF, the attached materials and the',
    "archival metadata (GB/T 18894 / GB/T 42727), signed with the unit's Ed25519 key. An `archive` event with the",
    'bundle id is appended to every case in it. --out FILE.tar writes a tar; any other path a folder.',
    'Cases closed without approval (refused, withdrawn, terminated, proxy-refused) are filed by the units that acted',
    'on them (否决事项 登记备案, seed 002 6.7 a). A case whose issued notices cannot all be rebuilt is not archived:',
    'it is named with the reason and the run exits 2 (the others are archived); when no case is whole, nothing is.',
    'Exit codes: 0 done, 2 a case left out as incomplete or bad input, 3 nothing to archive, 4 no key for the unit.',
  ].join(' ');
  static override examples = [
    '<%= config.bin %> <%= command.id %> --from 2026-11-16 --to 2026-11-16 --unit department --out /archives/2026-11-16-dept.tar --by 王芳',
    '<%= config.bin %> <%= command.id %> --from 2026-11-01 --to 2026-11-30 --unit window --out /archives/2026-11-window --json',
  ];
  static override flags = {
    from: Flags.string({ summary: 'First day (YYYY-MM-DD, Asia/Shanghai) of delivery.', required: true }),
    to: Flags.string({ summary: 'Last day (inclusive).', required: true }),
    unit: Flags.option({
      options: UNITS,
      summary: 'The archiving unit (default: the unit of the newest own key).',
    })(),
    out: Flags.string({
      summary: 'FILE.tar (tar form) or a folder (folder form); must not exist.',
      required: true,
    }),
    retention: Flags.option({
      options: ['永久', '30年', '10年'] as const,
      summary: '保管期限 for every case (default: approved 30年, otherwise 10年).',
    })(),
    'max-size': Flags.integer({
      summary:
        'Split into bags of at most about this many MiB each (Bag-Count "i of n"); FILE.tar becomes FILE-1.tar, FILE-2.tar...',
      min: 1,
    }),
    notices: Flags.boolean({
      summary: 'Render the notices as PDF into the bundle.',
      default: true,
      allowNo: true,
    }),
    by: Flags.string({ summary: 'Who archives (name or staff id).', env: 'TONGBAN_USER', required: true }),
  };

  async run(): Promise<ArchiveCreateResult> {
    const { flags } = await this.parse(ArchiveCreate);
    const core = await import('@tongban/archive');
    const dataDir = resolve(flags.data);
    const period = core.periodOf(flags.from, flags.to);
    let unit = flags.unit as Unit | undefined;
    if (!unit) {
      const own = (await core.listArchiveKeys(dataDir)).find((k) => k.own);
      if (!own) await core.signerFor(dataDir, 'department'); // throws the "make a key" error
      unit = own?.unit as Unit;
    }
    const store = await this.openStore(flags.data);
    const calendar = await loadCalendar(dataDir);
    let progress = startProgress('archive', 1, { enabled: false });
    const result = await core.createArchive({
      store,
      dataDir,
      calendar,
      unit,
      period,
      out: resolve(flags.out),
      actor: flags.by,
      notices: flags.notices,
      ...(flags.notices ? { renderPdf: await loadPdfRenderer() } : {}),
      ...(flags.retention ? { retention: flags.retention } : {}),
      ...(flags['max-size'] ? { maxBagBytes: flags['max-size'] * MiB } : {}),
      onPlan: (p) => {
        progress = startProgress(`archive ${p.cases} case(s), MiB`, Math.ceil(p.materialBytes / MiB), {
          enabled: !this.jsonEnabled(),
        });
      },
      onBytes: (b) => progress.tick(Math.floor(b / MiB)),
    });
    progress.stop();
    this.log(
      renderTable(result.cases, [
        { header: 'case', get: (r) => r.caseId },
        { header: 'item', get: (r) => r.itemCode },
        { header: 'docs', get: (r) => r.documents, align: 'right' },
        { header: 'notices', get: (r) => r.notices, align: 'right' },
        { header: 'materials', get: (r) => r.materials, align: 'right' },
      ]),
    );
    if (result.parts.length > 1)
      for (const p of result.parts)
        this.log(`  part ${p.bundleId}: ${p.caseIds.length} case(s) -> ${p.path}`);
    this.log(
      `Bundle ${result.bundleId}: ${result.cases.length} case(s), ${result.payload.files} files, ${result.payload.bytes} bytes, signed by key ${result.signature.keyId} at ${result.signature.signedAt} -> ${result.path}`,
    );
    for (const s of result.skipped) this.log(`  not yet archivable: ${s.caseId}: ${s.reason}`);
    // a case that cannot be archived whole is left out and named; the run exits 2 (seed 002 6.7 a)
    for (const x of result.incomplete)
      this.logToStderr(`not archived (incomplete): ${x.caseId}: ${x.reason}`);
    if (result.incomplete.length > 0) process.exitCode = 2;
    return result;
  }
}
