import { Flags } from '@oclif/core';
import { loadCase } from '@tongban/core/cases';
import { CaseCommand, caseArg, resolveCaseId } from '../../cases/case-command.js';
import { PROVISIONAL_MARK, PROVISIONAL_NOTE } from '../../cases/list.js';
import { localDate, localMinute, parseInstant } from '../../cases/time.js';
import { type ShowResult, showResult } from '../../cases/views.js';
import { renderPairs, renderTable } from '../../output/table.js';

export default class CasesShow extends CaseCommand<ShowResult> {
  static override summary =
    'Show one case: summary, timeline with the unit of each step, deadlines, notices.';
  static override description = [
    'Deadlines: the promised due date (承诺时限 on the work calendar, pauses subtracted), the time the clock stood',
    'still (补正 waits after acceptance, 特别程序), supplement and 容缺 deadlines, the proxy transfer limit.',
    'Notices: every notice the steps so far called for (seed 000 tables 1-3). Next: the steps allowed now and by whom.',
    'ID numbers and phones are masked. `length` is the number of events: give it to --if-length of a step.',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1',
    '<%= config.bin %> <%= command.id %> hrb1-260302-c7k3q-xm1 --json',
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --now 2026-04-01',
  ];
  static override args = { case: caseArg };
  static override flags = {
    now: Flags.string({ summary: 'Judge overdue and running pauses as of this instant (default now).' }),
  };

  async run(): Promise<ShowResult> {
    const { args, flags } = await this.parse(CasesShow);
    const store = await this.openStore(flags.data);
    const calendar = await this.calendarOf(flags.data);
    const caseId = await resolveCaseId(store, args.case);
    const now = flags.now ? parseInstant(flags.now, '--now') : new Date().toISOString();
    const r = showResult(await loadCase(store, calendar, caseId), calendar, now);
    const d = r.deadlines;
    const pairs: [string, unknown][] = [
      ['申请编号 case', r.caseId],
      ['事项 item', `${r.itemCode} ${r.itemName} (catalogue v${r.catalogueVersion})`],
      ['模式 mode', `${r.mode} · ${r.kind}${r.bundleId ? ` · 一件事 ${r.bundleId}` : ''}`],
      ['状态 state', `${r.state} ${r.stateName}`],
      ['待办 waiting on', r.waitingOn ? `${r.waitingOn} ${r.waitingOnName}` : '(closed)'],
      ['申请人 applicant', `${r.applicant.name} ${r.applicant.idNumber} ${r.applicant.phone}`.trim()],
      ['材料 handed in', r.materials.submitted.join('、') || '(none)'],
    ];
    if (r.materials.eLicences.length)
      pairs.push([
        '电子证照 fetched',
        r.materials.eLicences
          .map((f) => `${f.material}（${f.licence}，${localMinute(f.fetchedAt)}调取）`)
          .join('、'),
      ]);
    if (r.materials.missing.length) pairs.push(['材料 missing', r.materials.missing.join('、')]);
    if (r.deliveryMethod)
      pairs.push([
        '送达 delivery',
        `${r.deliveryMethod}${r.deliverAt ? ` at ${localMinute(r.deliverAt)}` : ''}`,
      ]);
    pairs.push([
      '时限 promised',
      `${d.promisedDays} working days${d.acceptedAt ? ` from ${localMinute(d.acceptedAt)}` : ' (from acceptance)'}`,
    ]);
    if (d.dueDate) {
      pairs.push([
        '到期 due',
        `${d.dueDate}${d.dueProvisional ? ` ${PROVISIONAL_MARK}` : ''}${d.overdue ? ` — OVERDUE by ${d.workingDaysOver} working day(s)` : ''}`,
      ]);
    } else if (d.clockStopped) pairs.push(['到期 due', 'clock stopped (paused)']);
    for (const p of d.pauses) {
      pairs.push([
        '暂停 paused',
        `${p.reason} ${localMinute(p.from)} → ${p.to ? localMinute(p.to) : 'running'} (${p.workingDays} working days)`,
      ]);
    }
    for (const s of d.supplements) {
      pairs.push([
        '补正 supplement',
        `${s.stage}: ${s.items.map((i) => `${i.material}(${i.reason})`).join('、')} by ${localDate(s.dueAt)}${s.answeredAt ? `, answered ${localMinute(s.answeredAt)}` : ', open'}`,
      ]);
    }
    if (d.tolerance) {
      const t = d.tolerance;
      const parts = [`due ${localDate(t.dueAt)}`];
      if (t.missing.length) parts.push(`owed ${t.missing.join('、')}`);
      for (const h of t.handedIn)
        parts.push(`${h.material} handed in ${localMinute(h.at)}${h.late ? ' LATE 逾期补交' : ''}`);
      pairs.push(['容缺 tolerance', parts.join('; ')]);
    }
    if (d.transferDueAt) {
      pairs.push([
        '流转 transfer by',
        `${localDate(d.transferDueAt)}${d.transferDueProvisional ? ` ${PROVISIONAL_MARK}` : ''}`,
      ]);
    }
    if (r.refusal)
      pairs.push([r.refusal.proxy ? '不予代收 refused' : '不予受理 refused', r.refusal.reasons.join('；')]);
    if (r.decision) {
      const dec = r.decision;
      pairs.push([
        '决定 decision',
        `${dec.outcome} ${localMinute(dec.at)} by ${dec.unit}${dec.department ? ` (${dec.department})` : ''}${d.decidedOnTime === false ? ' — late' : ''}`,
      ]);
      if (dec.reasons.length) pairs.push(['理由 reasons', dec.reasons.join('；')]);
      if (dec.rights) {
        pairs.push([
          '救济 rights',
          `复议 ${dec.rights.review.body} within ${dec.rights.review.withinDays} days; 诉讼 ${dec.rights.litigation.court} within ${dec.rights.litigation.withinMonths} months`,
        ]);
      }
    }
    if (d.dueProvisional || d.transferDueProvisional) pairs.push(['预计 provisional', PROVISIONAL_NOTE]);
    pairs.push(['事件 events', r.length]);
    this.log(renderPairs(pairs));
    this.log('\nTimeline');
    this.log(
      renderTable(r.timeline, [
        { header: 'at (+08:00)', get: (t) => localMinute(t.at) },
        { header: 'unit', get: (t) => t.unit },
        { header: 'step', get: (t) => t.event },
        { header: 'state', get: (t) => t.state },
        { header: 'what happened', get: (t) => t.text, max: 72 },
      ]),
    );
    if (r.notices.length) {
      this.log('\nNotices');
      this.log(
        renderTable(r.notices, [
          { header: 'notice', get: (n) => n.name },
          { header: 'type', get: (n) => n.type },
          { header: 'issued by', get: (n) => n.unit },
          { header: 'at (+08:00)', get: (n) => localMinute(n.at) },
        ]),
      );
    }
    if (r.nextSteps.length) {
      this.log(`\nNext: ${r.nextSteps.map((s) => `${s.event} (${s.units.join('/')})`).join(', ')}`);
    }
    return r;
  }
}
