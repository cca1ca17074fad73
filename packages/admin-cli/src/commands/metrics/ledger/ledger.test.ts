import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import * as S from '../../../records/schemas.js';
import { ensureBuilt, tempDir, tongban, tongbanJson } from '../../../test-support/cli.js';
import { ErrorResult } from '../../../test-support/schemas.js';

beforeAll(ensureBuilt, 300_000);

const env = { TONGBAN_USER: '张敏' };
const AT = '2026-11-23T10:00+08:00';

const add = (data: string, over: Record<string, string> = {}) => {
  const flags: Record<string, string> = {
    problem: '投诉按时反馈率仅60%',
    unit: '投诉科',
    measure: '=每日晨会督办',
    deadline: '2026-12-31',
    metric: 'complaintReplyInTime',
    at: AT,
    ...over,
  };
  return tongbanJson(
    ['metrics', 'ledger', 'add', ...Object.entries(flags).flatMap(([k, v]) => [`--${k}`, v])],
    {
      data,
      env,
    },
  );
};

describe('tongban metrics ledger (seed 000 7.3 问题清单-责任部门-整改措施-完成时限)', () => {
  it('adds, updates, closes and lists entries with who and when', async () => {
    const data = tempDir();
    const a = await add(data);
    expect(a.code).toBe(0);
    const e = S.LedgerEntryResult.parse(a.json).entry;
    expect(e).toMatchObject({
      id: 'GJ-2026Q4-001',
      quarter: '2026Q4',
      status: 'open',
      responsibleUnit: '投诉科',
    });
    await add(data, { problem: '当场受理率低', metric: 'sameDayAcceptance', deadline: '2026-12-15' });
    const u = await tongbanJson(
      [
        'metrics',
        'ledger',
        'update',
        'gj-2026q4-001',
        '--progress',
        '已建立晨会督办',
        '--at',
        '2026-11-30T10:00+08:00',
      ],
      { data, env: { TONGBAN_USER: '李华' } },
    );
    expect(S.LedgerEntryResult.parse(u.json).entry).toMatchObject({
      status: 'inProgress',
      progress: '已建立晨会督办',
    });
    const late = S.LedgerListResult.parse(
      (await tongbanJson(['metrics', 'ledger', 'list', '--overdue', '--at', '2026-12-20'], { data })).json,
    );
    expect(late.entries.map((x) => x.id)).toEqual(['GJ-2026Q4-002']);
    const c = await tongbanJson(
      [
        'metrics',
        'ledger',
        'close',
        'GJ-2026Q4-001',
        '--result',
        '反馈率升至95%',
        '--at',
        '2026-12-28T10:00+08:00',
      ],
      { data, env },
    );
    const closed = S.LedgerEntryResult.parse(c.json).entry;
    expect(closed).toMatchObject({ status: 'closed', result: '反馈率升至95%' });
    expect(closed.history.map((h) => `${h.action}/${h.by}`)).toEqual([
      'add/张敏',
      'update/李华',
      'close/张敏',
    ]);
    const again = await tongbanJson(['metrics', 'ledger', 'close', 'GJ-2026Q4-001', '--result', 'x'], {
      data,
      env,
    });
    expect(again.code).toBe(3);
    expect(ErrorResult.parse(again.json).error.code).toBe('LEDGER_WRONG_STATE');
    const list = S.LedgerListResult.parse(
      (await tongbanJson(['metrics', 'ledger', 'list', '--status', 'closed'], { data })).json,
    );
    expect(list.entries.map((x) => x.id)).toEqual(['GJ-2026Q4-001']);
    const human = await tongban(['metrics', 'ledger', 'list'], { data });
    expect(human.stdout).toMatch(/GJ-2026Q4-002 +当场受理率低 +投诉科/);
  });

  it('exports CSV and XLSX with the seed’s column names, formulas neutralised', async () => {
    const data = tempDir();
    await add(data);
    const dir = tempDir();
    const csv = await tongbanJson(
      ['metrics', 'ledger', 'export', '--out', join(dir, 'l.csv'), '--at', '2027-01-05'],
      { data },
    );
    expect(S.LedgerExportResult.parse(csv.json)).toMatchObject({ format: 'csv', entries: 1 });
    const text = readFileSync(join(dir, 'l.csv'), 'utf8');
    expect(text).toContain('编号,季度,问题清单,相关指标,原因,责任部门,整改措施,完成时限,状态,逾期');
    expect(text).toContain(
      "GJ-2026Q4-001,2026Q4,投诉按时反馈率仅60%,complaintReplyInTime,,投诉科,'=每日晨会督办,2026-12-31,待整改,是",
    );
    const xlsx = await tongbanJson(['metrics', 'ledger', 'export', '--out', join(dir, '台账.xlsx')], {
      data,
    });
    expect(S.LedgerExportResult.parse(xlsx.json)).toMatchObject({ format: 'xlsx', entries: 1 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, '台账.xlsx'));
    const ws = wb.getWorksheet('改进台账')!;
    expect(ws.getRow(1).getCell(3).value).toBe('问题清单');
    expect(ws.getRow(2).getCell(6).value).toBe('投诉科');
    // A plain string cell in XLSX never runs as a formula: kept as typed.
    expect(ws.getRow(2).getCell(7).value).toBe('=每日晨会督办');
    const bad = await tongban(['metrics', 'ledger', 'export', '--out', join(dir, 'l.txt')], { data });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('name the file .xlsx or .csv');
  });

  it('says what, where and how to mend: empty unit, past deadline, unknown id, missing flags', async () => {
    const data = tempDir();
    const empty = await add(data, { unit: ' ' });
    expect(empty.code).toBe(2);
    expect(ErrorResult.parse(empty.json).error).toMatchObject({
      code: 'LEDGER_INVALID',
      where: { field: 'responsibleUnit' },
    });
    const past = await add(data, { deadline: '2026-11-01' });
    expect(past.code).toBe(2);
    expect(ErrorResult.parse(past.json).error.hint).toContain('on or after 2026-11-23');
    const unknown = await tongban(['metrics', 'ledger', 'update', 'GJ-2026Q4-009', '--progress', 'x'], {
      data,
      env,
    });
    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toContain('tongban metrics ledger list');
    const missing = await tongban(['metrics', 'ledger', 'add', '--problem', 'x'], { data, env });
    expect(missing.code).toBe(1);
  });

  it('has help with examples for every command', async () => {
    for (const cmd of ['add', 'list', 'update', 'close', 'export']) {
      const help = await tongban(['metrics', 'ledger', cmd, '--help']);
      expect(help.code, cmd).toBe(0);
      expect(help.stdout, cmd).toMatch(/EXAMPLES\n\s+\$ tongban metrics ledger/);
    }
  });
});
