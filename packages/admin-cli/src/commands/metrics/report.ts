import { writeFileSync } from 'node:fs';
import { Flags } from '@oclif/core';
import { UNIT_NAMES as CASE_UNIT_NAMES } from '@tongban/core/cases';
import type { MetricValue } from '@tongban/core/metrics';
import { TongbanCommand } from '../../base-command.js';
import { loadCalendar } from '../../calendar-support.js';
import { renderTable } from '../../output/table.js';
import { barChart } from '../../records/bar-chart.js';
import { toCsv } from '../../records/csv.js';
import { parseDay } from '../../records/flags.js';
import { loadMetricsInput } from '../../records/metrics-data.js';

const UNIT_NAMES: Record<string, string> = CASE_UNIT_NAMES;

export interface UnitMetric {
  id: string;
  numeratorCount: number;
  denominatorCount: number;
  value: number | null;
}

export interface MetricsReportResult {
  period: { from: string; to: string };
  filter: { unit?: string; window?: string; itemCode?: string };
  /** Every metric of core (seed 000 7.1; seed 002 12.3.4; seed 004 11.3.4) with its formula, counts and misses. */
  metrics: MetricValue[];
  /** The same metrics narrowed to each unit that counted anything (empty when --unit is given). */
  byUnit: { unit: string; name: string; metrics: UnitMetric[] }[];
  /** Cases whose events could not be folded. */
  skipped: { caseId: string; reason: string }[];
}

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

export default class MetricsReport extends TongbanCommand<MetricsReportResult> {
  static override summary =
    'Report every metric (评价指标) of a period with its formula, by unit, as a table, JSON or CSV.';
  static override description = [
    'Metrics of seed 000 7.1, seed 002 12.3.4 and seed 004 11.3.4, as defined in core (METRICS): each with its',
    'formula, numerator and denominator counts, and the cases below the line but not above it (misses). The period',
    'is a range of local days (Asia/Shanghai), both included. The human output ends with a bar chart of each rate',
    'by unit (单位). --format csv writes one row per metric and scope (all, then each unit).',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> --from 2026-11-01 --to 2026-11-30',
    '<%= config.bin %> <%= command.id %> --from 2026-10-01 --to 2026-12-31 --unit localWindow',
    '<%= config.bin %> <%= command.id %> --from 2026-11-01 --to 2026-11-30 --format csv --out metrics-2026-11.csv',
    '<%= config.bin %> <%= command.id %> --from 2026-11-01 --to 2026-11-30 --json',
  ];
  static override flags = {
    from: Flags.string({ summary: "First local day 'YYYY-MM-DD'.", required: true }),
    to: Flags.string({ summary: "Last local day 'YYYY-MM-DD' (included).", required: true }),
    unit: Flags.option({ options: Object.keys(UNIT_NAMES), summary: 'Only cases this unit took part in.' })(),
    window: Flags.string({ summary: 'Only cases handled at this window (actor or windowId).' }),
    item: Flags.string({ summary: 'Only cases of this item code.' }),
    format: Flags.option({
      options: ['table', 'json', 'csv'] as const,
      default: 'table',
      summary: 'Output format.',
    })(),
    out: Flags.file({ summary: 'Write the csv or json to this file instead of stdout.' }),
    'no-chart': Flags.boolean({ summary: 'Leave out the bar chart by unit.', default: false }),
  };

  async run(): Promise<MetricsReportResult> {
    const { flags } = await this.parse(MetricsReport);
    const from = parseDay(flags.from, '--from');
    const to = parseDay(flags.to, '--to');
    const store = await this.openStore(flags.data);
    const { computeMetrics } = await import('@tongban/core/metrics');
    const calendar = await loadCalendar(flags.data);
    const data = await loadMetricsInput(store, to, flags.item);
    const filter = {
      ...(flags.unit ? { unit: flags.unit as never } : {}),
      ...(flags.window ? { window: flags.window } : {}),
      ...(flags.item ? { itemCode: flags.item } : {}),
    };
    const period = { from, to };
    const report = computeMetrics({ ...data, calendar, period, filter });
    const byUnit: MetricsReportResult['byUnit'] = [];
    if (!flags.unit) {
      for (const unit of Object.keys(UNIT_NAMES)) {
        const r = computeMetrics({ ...data, calendar, period, filter: { ...filter, unit: unit as never } });
        if (!r.metrics.some((m) => m.denominatorCount > 0)) continue;
        byUnit.push({
          unit,
          name: UNIT_NAMES[unit] as string,
          metrics: r.metrics.map((m) => ({
            id: m.id,
            numeratorCount: m.numeratorCount,
            denominatorCount: m.denominatorCount,
            value: m.value,
          })),
        });
      }
    }
    const result: MetricsReportResult = {
      period: report.period,
      filter: report.filter,
      metrics: report.metrics,
      byUnit,
      skipped: report.skipped,
    };

    if (flags.format === 'csv' || flags.format === 'json') {
      const text =
        flags.format === 'json'
          ? `${JSON.stringify(result, null, 2)}\n`
          : toCsv(...csvOf(result, flags.unit ?? 'all'));
      if (flags.out) {
        writeFileSync(flags.out, text);
        this.log(`Wrote ${flags.format} of ${result.metrics.length} metrics to ${flags.out}.`);
      } else if (!this.jsonEnabled()) {
        process.stdout.write(text);
      }
      return result;
    }

    const scope = [
      flags.unit && `unit ${flags.unit}`,
      flags.window && `window ${flags.window}`,
      flags.item && `item ${flags.item}`,
    ]
      .filter(Boolean)
      .join(', ');
    this.log(`评价指标 Metrics ${from} .. ${to}${scope ? ` (${scope})` : ''}`);
    this.log('');
    this.log(
      renderTable(result.metrics, [
        { header: '指标 metric', get: (m) => m.zh },
        { header: 'value', get: (m) => pct(m.value), align: 'right' },
        { header: 'n/d', get: (m) => `${m.numeratorCount}/${m.denominatorCount}`, align: 'right' },
        { header: 'formula', get: (m) => m.formula, max: 64 },
        { header: 'seed', get: (m) => m.seed, max: 28 },
      ]),
    );
    if (result.skipped.length) {
      this.log('');
      this.log(`${result.skipped.length} case(s) left out (their events do not fold):`);
      for (const s of result.skipped) this.log(`  ${s.caseId}: ${s.reason}`);
    }
    if (!flags['no-chart']) {
      this.log('');
      if (flags.unit) {
        this.log(`按指标 Rates of ${UNIT_NAMES[flags.unit]} (${flags.unit})`);
        this.log(
          barChart(
            result.metrics.map((m) => ({
              label: m.zh,
              value: m.value,
              note: `${m.numeratorCount}/${m.denominatorCount}`,
            })),
          ),
        );
      } else if (byUnit.length === 0) {
        this.log('No case in this period: no rates by unit to chart.');
      } else {
        for (const m of result.metrics) {
          const rows = byUnit
            .map((u) => ({ u, x: u.metrics.find((x) => x.id === m.id) }))
            .filter(({ x }) => x && x.denominatorCount > 0);
          if (rows.length === 0) continue;
          this.log(`${m.zh} ${m.en}  ·  ${m.formula}`);
          this.log(
            barChart(
              rows.map(({ u, x }) => ({
                label: `  ${u.name} ${u.unit}`,
                value: x?.value ?? null,
                note: `${x?.numeratorCount}/${x?.denominatorCount}`,
              })),
            ),
          );
          this.log('');
        }
      }
    }
    return result;
  }
}

function csvOf(r: MetricsReportResult, scope: string): [string[], unknown[][]] {
  const header = [
    'scope',
    'metric',
    'zh',
    'en',
    'formula',
    'seed',
    'numerator',
    'denominator',
    'value',
    'from',
    'to',
  ];
  const rows: unknown[][] = r.metrics.map((m) => [
    scope,
    m.id,
    m.zh,
    m.en,
    m.formula,
    m.seed,
    m.numeratorCount,
    m.denominatorCount,
    m.value === null ? '' : Number(m.value.toFixed(6)),
    r.period.from,
    r.period.to,
  ]);
  for (const u of r.byUnit) {
    for (const x of u.metrics) {
      const m = r.metrics.find((d) => d.id === x.id);
      rows.push([
        u.unit,
        x.id,
        m?.zh,
        m?.en,
        m?.formula,
        m?.seed,
        x.numeratorCount,
        x.denominatorCount,
        x.value === null ? '' : Number(x.value.toFixed(6)),
        r.period.from,
        r.period.to,
      ]);
    }
  }
  return [header, rows];
}
