import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldCase, summarise } from '@tongban/core/cases';
import { METRICS, metricsReport } from '@tongban/core/metrics';
import { displayWidth } from '@tongban/core/text';
import { openStore } from '@tongban/store';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  calendar,
  complaints,
  histories,
  november,
  ratings,
} from '../../../../core/src/metrics/november-2026.fixture.js';
import * as S from '../../records/schemas.js';
import { ensureBuilt, tempDir, tongban, tongbanJson } from '../../test-support/cli.js';

beforeAll(ensureBuilt, 300_000);

/** The hand-worked November 2026 history of core's metrics tests, written into a data directory with core. */
async function seeded(): Promise<string> {
  const data = tempDir();
  const store = await openStore({ data });
  for (const [caseId, events] of Object.entries(histories)) {
    await store.append(caseId, events, summarise(foldCase(events, { calendar })));
  }
  for (const { revision: _, ...c } of complaints) await store.putRecord('complaints', c);
  for (const { revision: _, ...r } of ratings) await store.putRecord('ratings', r);
  await store.close();
  return data;
}

async function expected(data: string, unit?: string) {
  const store = await openStore({ data });
  try {
    return await metricsReport(store, {
      calendar,
      period: november,
      filter: unit ? { unit: unit as never } : {},
    });
  } finally {
    await store.close();
  }
}

const args = ['metrics', 'report', '--from', november.from, '--to', november.to];

describe('tongban metrics report (seed 000 7.1; seed 002 12.3.4; seed 004 11.3.4)', () => {
  it('gives every metric of core with its formula, the same figures as core, and each unit’s figures', async () => {
    const data = await seeded();
    const run = await tongbanJson(args, { data });
    expect(run.code).toBe(0);
    const r = S.MetricsReportResult.parse(run.json);
    const want = await expected(data);
    expect(r.metrics.map((m) => m.id)).toEqual(METRICS.map((m) => m.id));
    expect(r.metrics).toEqual(want.metrics);
    expect(r.metrics.find((m) => m.id === 'onTimeCompletion')).toMatchObject({
      numeratorCount: 4,
      denominatorCount: 5,
    });
    expect(r.byUnit.length).toBeGreaterThan(1);
    for (const u of r.byUnit) {
      const w = await expected(data, u.unit);
      expect(
        u.metrics.map((m) => [m.id, m.numeratorCount, m.denominatorCount]),
        u.unit,
      ).toEqual(w.metrics.map((m) => [m.id, m.numeratorCount, m.denominatorCount]));
    }
    const narrowed = S.MetricsReportResult.parse(
      (await tongbanJson([...args, '--unit', 'localWindow'], { data })).json,
    );
    expect(narrowed.filter).toEqual({ unit: 'localWindow' });
    expect(narrowed.metrics).toEqual((await expected(data, 'localWindow')).metrics);
    expect(narrowed.byUnit).toEqual([]);
  });

  it('prints a table naming each formula and a bar chart of the rates by unit, aligned by display width', async () => {
    const data = await seeded();
    const run = await tongban(args, { data });
    expect(run.code).toBe(0);
    for (const m of METRICS) {
      expect(run.stdout).toContain(m.zh);
      expect(run.stdout).toContain(m.formula.slice(0, 40));
    }
    const json = S.MetricsReportResult.parse((await tongbanJson(args, { data })).json);
    // Each chart block: lines "  单位名 unit  ████…  87.5%  n/d"; the bars start at the same display column.
    const blocks = run.stdout.split('\n\n').filter((b) => b.includes('█') || b.includes('▏'));
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      const bars = block.split('\n').filter((l) => /^ {2}\S/.test(l) && /%|—/.test(l));
      expect(bars.length).toBeGreaterThan(0);
      // The value column ends at the same display column on every line (bar width is fixed)...
      const ends = bars
        .filter((l) => l.includes('%'))
        .map((l) => displayWidth(l.slice(0, l.indexOf('%') + 1)));
      expect(new Set(ends).size, block).toBe(1);
      // ...and every bar starts at the same display column, whatever the width of the CJK label before it.
      const starts = bars
        .map((l) => /[█▏▎▍▌▋▊▉]/.exec(l))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => displayWidth(m.input.slice(0, m.index)));
      expect(new Set(starts).size, block).toBe(1);
    }
    const name = json.byUnit[0]!.name;
    expect(run.stdout).toContain(name);
  });

  it('writes CSV: one row per metric for all cases, then per unit, with the formula and counts', async () => {
    const data = await seeded();
    const out = join(tempDir(), 'metrics.csv');
    const run = await tongban([...args, '--format', 'csv', '--out', out], { data });
    expect(run.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('scope,metric,zh,en,formula,seed,numerator,denominator,value,from,to');
    const json = S.MetricsReportResult.parse((await tongbanJson(args, { data })).json);
    expect(lines).toHaveLength(1 + METRICS.length * (1 + json.byUnit.length));
    expect(lines[1]).toMatch(/^all,onTimeCompletion,按时办结率,.*,4,5,0\.8,2026-11-01,2026-11-30$/);
    const stdout = await tongban([...args, '--format', 'csv'], { data });
    expect(stdout.stdout).toContain('all,satisfaction,群众满意率');
  });

  it('refuses a backwards period and says how to mend it', async () => {
    const run = await tongban(['metrics', 'report', '--from', '2026-11-30', '--to', '2026-11-01'], {
      data: tempDir(),
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('from <= to');
    const bad = await tongban(['metrics', 'report', '--from', '2026-11', '--to', '2026-11-30'], {
      data: tempDir(),
    });
    expect(bad.code).toBe(1);
  });
});
