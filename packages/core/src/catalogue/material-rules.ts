/**
 * Materials that may not be demanded (seed 004 6.2 a-g), checked as catalogue warnings: a person decides, the
 * catalogue still loads. The keyword lists are data, so a province can extend them without touching the rules.
 */
import { displayName, normaliseName } from './normalise.js';
import type { CatalogueProblem } from './problems.js';
import type { Material, ServiceItem } from './service-item.js';

/** Words that, written as a material's basis, mean "there is none" (6.2 a). */
export const NO_BASIS_WORDS: readonly string[] = ['无', '暂无', '无依据', '没有', '-', '/', 'none', 'n/a'];

/**
 * Proofs that a written commitment can replace (6.2 c; seed 003 五 告知承诺+容缺办理). The list follows the kinds of
 * 证明事项 that the State Council's 证明事项告知承诺制 (国办发〔2020〕42号) and provincial lists most often move to a
 * commitment; it is illustrative, extend it with the province's published list.
 */
export const COMMITMENT_PROOF_WORDS: readonly string[] = [
  '无犯罪记录',
  '无违法',
  '无违规',
  '居住证明',
  '婚姻状况',
  '未婚',
  '未再婚',
  '单身',
  '亲属关系',
  '工作经历',
  '从业经历',
  '收入证明',
  '无欠税',
  '无欠费',
  '生存证明',
  '健在',
];

/**
 * Issuers that cannot investigate a fact, so their certificate proves nothing (6.2 f). Community and village
 * committees keep no criminal, marriage, kinship, income or health records; a police station keeps household and
 * criminal records (so its 无犯罪记录证明 is lawful) but not marriage, income or health records.
 */
export const UNVERIFIABLE_ISSUERS: readonly { issuers: readonly string[]; facts: readonly string[] }[] = [
  {
    issuers: ['居委会', '居民委员会', '村委会', '村民委员会', '社区', '街道', '乡镇'],
    facts: ['犯罪', '违法', '婚姻', '未婚', '单身', '亲属关系', '收入', '健康', '病', '生存', '健在', '纳税'],
  },
  {
    issuers: ['派出所', '公安'],
    facts: ['婚姻', '未婚', '单身', '收入', '健康', '病', '纳税', '欠费', '工作经历'],
  },
];

/**
 * Documents that government departments issue themselves and can check by data sharing or an electronic licence
 * (6.2 e; seed 003 九: 政府部门核发的材料原则上免于提交). Flagged only when no eLicence is linked.
 */
export const SHARED_GOVERNMENT_DOCUMENTS: readonly string[] = [
  '营业执照',
  '户口簿',
  '户口本',
  '结婚证',
  '离婚证',
  '不动产权证',
  '房屋所有权证',
  '房产证',
  '出生医学证明',
  '社会保险缴费',
  '社保缴费',
  '纳税证明',
  '完税证明',
  '行驶证',
  '机动车登记证书',
];

/** Outputs of earlier steps of the same process, which the hall already holds (6.2 g). */
export const PREVIOUS_STEP_OUTPUTS: readonly string[] = [
  '受理通知书',
  '收件通知书',
  '收件凭证',
  '代收凭证',
  '受理回执',
  '补齐补正通知书',
  '补正通知书',
  '审批结果',
  '审查意见',
  '审核意见',
  '初审意见',
  '预审意见',
];
/** A material named after a process step and ending like a step's output (e.g. 审查 + 意见书) is such an output. */
const STEP_OUTPUT_SUFFIXES: readonly string[] = ['意见', '结果', '通知书', '回执', '决定书', '凭证'];

const PAPER_SUFFIXES = /(复印件|影印件|原件|副本|正本|扫描件)$/;

function baseName(name: string): string {
  return normaliseName(name)
    .replace(/[（(][^）)]*[）)]$/, '')
    .replace(PAPER_SUFFIXES, '');
}

function warn(
  item: ServiceItem,
  index: number | undefined,
  letter: string,
  path: string,
  message: string,
  hint: string,
): CatalogueProblem {
  const p: CatalogueProblem = {
    severity: 'warning',
    rule: `material.6.2${letter}`,
    itemCode: item.itemCode,
    name: displayName(item),
    path,
    message: `${message} (seed 004 6.2 ${letter})`,
    hint,
    clause: `seed 004 6.2 ${letter}`,
  };
  if (index !== undefined) p.index = index;
  return p;
}

const isProof = (m: Material) => normaliseName(m.name).includes('证明');

/** Every 6.2 warning of one item's materials, in material order then letter order. */
export function materialWarnings(item: ServiceItem, index?: number): CatalogueProblem[] {
  const out: CatalogueProblem[] = [];
  const itemHasBasis = item.legalBasis.some((b) => b.trim() !== '');
  const bases = item.materials.map((m) => baseName(m.name));
  const steps = item.process.map(normaliseName).filter((s) => s.length >= 2);

  item.materials.forEach((m, i) => {
    const at = `materials[${i}]`;
    const name = normaliseName(m.name);
    const basis = m.basis === undefined ? undefined : normaliseName(m.basis);
    // a) no legal basis
    if ((basis !== undefined && NO_BASIS_WORDS.includes(basis)) || (basis === undefined && !itemHasBasis)) {
      out.push(
        warn(
          item,
          index,
          'a',
          basis === undefined ? at : `${at}.basis`,
          `material “${m.name}” has no legal basis`,
          'cite the law or regulation that requires it in basis, or stop demanding it',
        ),
      );
    }
    // b) already proven by an electronic licence, yet demanded on paper
    if (m.eLicence !== undefined && (m.original || m.copies > 0)) {
      const paper = [
        m.original && 'the original',
        m.copies > 0 && `${m.copies} cop${m.copies === 1 ? 'y' : 'ies'}`,
      ]
        .filter(Boolean)
        .join(' and ');
      out.push(
        warn(
          item,
          index,
          'b',
          m.copies > 0 ? `${at}.copies` : `${at}.original`,
          `material “${m.name}” is proven by the electronic licence “${m.eLicence}”, yet the item still demands ${paper} on paper`,
          'set original to false and copies to 0: the hall fetches the licence itself (seed 003 九)',
        ),
      );
    }
    // c) a proof a written commitment can replace
    if (isProof(m)) {
      const word = COMMITMENT_PROOF_WORDS.find((w) => name.includes(w));
      if (word) {
        out.push(
          warn(
            item,
            index,
            'c',
            at,
            `material “${m.name}” is a proof of “${word}” that a written commitment (告知承诺) can replace`,
            'accept the applicant’s written commitment instead and check afterwards (seed 003 五)',
          ),
        );
      }
    }
    // d) duplicates, or covered by another material
    for (let j = 0; j < i; j++) {
      const other = item.materials[j]!;
      const a = bases[i]!;
      const b = bases[j]!;
      if (other.name === m.name) continue; // an exact repeat is already a schema error
      const covered = a === b || (a.length >= 3 && b.endsWith(a)) || (b.length >= 3 && a.endsWith(b));
      if (covered) {
        out.push(
          warn(
            item,
            index,
            'd',
            at,
            `material “${m.name}” is the same document as materials[${j}] “${other.name}”`,
            'keep one entry and say there whether the original, copies or both are needed',
          ),
        );
        break;
      }
    }
    // e) a government-issued document the hall can check by data sharing
    if (m.eLicence === undefined) {
      const doc = SHARED_GOVERNMENT_DOCUMENTS.find((d) => name.includes(d));
      if (doc) {
        out.push(
          warn(
            item,
            index,
            'e',
            at,
            `material “${m.name}” is issued by a government department (${doc}) and can be checked by data sharing`,
            'link it to its electronic licence in eLicence, or verify it between departments instead of demanding it',
          ),
        );
      }
    }
    // f) a certificate its issuer cannot verify
    if (isProof(m)) {
      const issuerText = normaliseName(`${m.issuer ?? ''}${m.name}`);
      for (const rule of UNVERIFIABLE_ISSUERS) {
        const issuer = rule.issuers.find((w) => issuerText.includes(w));
        const fact = issuer && rule.facts.find((w) => name.includes(w));
        if (issuer && fact) {
          out.push(
            warn(
              item,
              index,
              'f',
              m.issuer ? `${at}.issuer` : at,
              `material “${m.name}” asks ${issuer} to certify “${fact}”, which it cannot investigate`,
              'drop the certificate, or ask the body that holds the record (or accept a written commitment)',
            ),
          );
          break;
        }
      }
    }
    // g) produced by an earlier step of the same process
    const output =
      PREVIOUS_STEP_OUTPUTS.find((w) => name.includes(w)) ??
      steps.find((s) => name.includes(s) && STEP_OUTPUT_SUFFIXES.some((x) => name.endsWith(x)));
    if (output) {
      out.push(
        warn(
          item,
          index,
          'g',
          at,
          `material “${m.name}” is produced by an earlier step (${output}) of this same process`,
          'take it from the case file instead of asking the applicant for it',
        ),
      );
    }
  });
  return out;
}
