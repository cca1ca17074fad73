/**
 * The metrics of the service hall, each with its formula as data (seed 000 7.1; seed 002 12.3.4; seed 004 11.3.4).
 * A period is a range of local days in Asia/Shanghai, both ends included; "in the period" means the instant named
 * by the cohort falls on one of those days.
 */
export interface MetricDefinition {
  id: MetricId;
  zh: string;
  en: string;
  /** Seed clause(s) the metric comes from. */
  seed: string;
  /** Who is counted below the line. */
  denominator: string;
  /** Who of them is counted above the line. */
  numerator: string;
  /** The formula in one line. */
  formula: string;
}

export const METRIC_IDS = [
  'onTimeCompletion',
  'sameDayAcceptance',
  'onlineCompletion',
  'immediateShare',
  'oneVisitShare',
  'transferTimeliness',
  'complaintReplyInTime',
  'satisfaction',
  'eLicenceReplacement',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

export const METRICS: readonly MetricDefinition[] = [
  {
    id: 'onTimeCompletion',
    zh: '按时办结率',
    en: 'on-time completion rate',
    seed: 'seed 002 12.3.4 b; seed 004 11.3.4 c',
    denominator: 'accepted cases decided (approve or deny) in the period',
    numerator:
      'of them, decided at or before the promised due date (acceptance + promisedDays working days, 补正 and 特别程序 pauses subtracted)',
    formula: 'count(decidedAt <= dueAt) / count(decided in period)',
  },
  {
    id: 'sameDayAcceptance',
    zh: '当场受理率',
    en: 'same-day acceptance rate',
    seed: 'seed 004 11.3.4 b',
    denominator: 'cases accepted (accept or 容缺受理) in the period',
    numerator:
      'of them, accepted on the local day the application reached the accepting unit (submit; proxyLocal: push transfer or signed-for post; proxyRemote: proxy receipt)',
    formula: 'count(localDay(acceptedAt) = localDay(intakeAt)) / count(accepted in period)',
  },
  {
    id: 'onlineCompletion',
    zh: '网上办结率',
    en: 'online completion rate',
    seed: 'seed 002 12.3.4 c; seed 004 11.3.4 d; seed 000 7.1 a (全程网办率)',
    denominator: 'cases decided (approve or deny) in the period',
    numerator: 'of them, handled in mode online (全程网办)',
    formula: 'count(mode = online) / count(decided in period)',
  },
  {
    id: 'immediateShare',
    zh: '即办件比率',
    en: 'immediate-case share',
    seed: 'seed 002 12.3.4 d; seed 004 11.3.4 e',
    denominator: 'cases decided (approve or deny) in the period',
    numerator: 'of them, 即办件 (kind immediate)',
    formula: 'count(kind = immediate) / count(decided in period)',
  },
  {
    id: 'oneVisitShare',
    zh: '“最多跑一次”比率',
    en: 'one-visit share',
    seed: 'seed 004 11.3.4 f; seed 002 (只跑一次)',
    denominator: 'cases whose result was delivered in the period',
    numerator:
      'of them, cases with at most one visit: distinct local days with an on-site step (submit, proxy receipt or supplement done at a window; delivery by pickup)',
    formula: 'count(visits <= 1) / count(delivered in period)',
  },
  {
    id: 'transferTimeliness',
    zh: '材料流转及时率',
    en: 'transfer timeliness (proxy modes)',
    seed: 'seed 000 7.1 (材料流转及时率); seed 000 table 2 row 1 c',
    denominator: 'proxyLocal cases whose materials were transferred in the period',
    numerator: 'of them, transferred within transferDays working days of the proxy receipt',
    formula: 'count(transfer.at <= proxyReceivedAt + transferDays) / count(transferred in period)',
  },
  {
    id: 'complaintReplyInTime',
    zh: '投诉按时反馈率',
    en: 'complaints replied within the limit',
    seed: 'seed 000 7.1 b (基层投诉响应时效), 7.2 (5 个工作日); seed 002 10',
    denominator: 'complaints whose reply limit (receipt + 5 working days) falls in the period',
    numerator: 'of them, replied at or before the limit',
    formula: 'count(reply.at <= dueAt) / count(dueAt in period)',
  },
  {
    id: 'satisfaction',
    zh: '群众满意率',
    en: 'satisfaction rate',
    seed: 'seed 000 7.1 (群众满意度); seed 002 12.2.2, 12.3.6 a; seed 003 三',
    denominator: 'ratings given in the period (auto-满意 ones included)',
    numerator: 'of them, 基本满意 or better (level >= 3)',
    formula: 'count(level >= 3) / count(rated in period)',
  },
  {
    id: 'eLicenceReplacement',
    zh: '电子证照替代率(减材料率)',
    en: 'share of materials replaced by electronic licences',
    seed: 'seed 000 7.1 (减材料率); seed 003 九',
    denominator: 'required materials of the cases submitted in the period (each case counts its own list)',
    numerator: 'of them, materials the hall fetches as an electronic licence (eLicence set)',
    formula: 'sum(required with eLicence) / sum(required) over cases submitted in period',
  },
];

export function metricDefinition(id: MetricId): MetricDefinition {
  return METRICS.find((m) => m.id === id) as MetricDefinition;
}
