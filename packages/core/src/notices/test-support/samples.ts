/**
 * One realistic notice of each type (the inputs of the notices tests), for the PDF tests, the PNG snapshots of
 * docs/notices and bench/pdf-notices.ts. `sampleNotice(type, i)` varies the applicant and number with i.
 */
import { ServiceItem } from '../../catalogue/service-item.js';
import {
  buildNotice,
  NOTICE_TYPES,
  type Notice,
  type NoticeContext,
  type NoticeInputs,
  type NoticeType,
} from '../index.js';

export const SAMPLE_ITEM = ServiceItem.parse({
  mainName: '食品经营许可',
  subName: '新办',
  itemType: 'licensing',
  itemCode: '11410500MB1234567X4000111701',
  legalBasis: ['《中华人民共和国食品安全法》第三十五条'],
  materials: [
    { name: '食品经营许可申请书', kind: 'key', original: true },
    { name: '营业执照', kind: 'key', copies: 1, eLicence: '营业执照' },
    { name: '经营场所平面图', kind: 'secondary', tolerable: true, copies: 2 },
  ],
  process: ['申请', '受理', '审查', '决定', '送达'],
  promisedDays: 10,
  legalDays: 20,
  audience: ['person', 'organisation'],
  contact: { phone: '0372-2288001', complaintPhone: '0372-12345' },
  level: 'city',
  implementingUnit: '安阳市市场监督管理局',
  windowCategory: '市场准入',
  caseKind: 'promised',
  modes: ['window', 'proxyLocal'],
  transferDays: 2,
  specialProcedures: [{ kind: 'inspection', maxDays: 5 }, { kind: 'expertReview' }],
  intermediaryServices: [{ name: '食品检测报告', maxDays: 15 }],
});

const NAMES = ['李秀英', '王建国', '张伟', '刘芳', '陈静', '杨洋', '赵磊', '黄晓明', '周婷', '吴桂芳'];

export function sampleContext(i = 0, over: Partial<NoticeContext> = {}): NoticeContext {
  return {
    applicationNo: `AY261123${String(i + 1).padStart(4, '0')}K`,
    applicant: {
      name: NAMES[i % NAMES.length] as string,
      idNumber: '410502199003071234',
      phone: '13903720001',
    },
    issuer: { unit: 'window', name: '安阳市政务服务中心 3 号综合窗口' },
    handler: '王敏',
    issuedAt: '2026-11-23T02:30:00Z',
    progressQueryBase: 'https://zwfw.anyang.gov.cn/progress?no=',
    ...over,
  };
}

export const SAMPLE_RIGHTS = {
  review: { body: '安阳市人民政府' },
  litigation: { court: '安阳市文峰区人民法院' },
};
const RIGHTS = SAMPLE_RIGHTS;

export const SAMPLE_INPUTS: { [T in NoticeType]: NoticeInputs[T] } = {
  proxyReceipt: {
    mode: 'proxyLocal',
    materials: [
      { name: '食品经营许可申请书', original: true },
      { name: '营业执照', copies: 1 },
    ],
    delivery: 'post',
    deliverAt: 'localWindow',
    transfer: { method: 'push', to: '安阳市政务服务中心综合窗口' },
  },
  proxyRefusal: {
    reasons: ['申请书未签字', '营业执照复印件与原件不一致'],
    basis: '《食品经营许可管理办法》第十一条',
  },
  acceptance: {
    materials: [{ name: '食品经营许可申请书' }, { name: '营业执照' }, { name: '经营场所平面图' }],
    dueAt: '2026-12-07T15:59:59.999Z',
  },
  nonAcceptance: {
    reasons: ['申请事项不属于本机关职权范围'],
    basis: '《中华人民共和国行政许可法》第三十二条',
    rights: RIGHTS,
  },
  supplement: {
    materials: [
      { name: '经营场所平面图', reason: '未标明设备布局' },
      { name: '食品安全管理制度', reason: '缺少' },
    ],
    dueAt: '2026-12-07T15:59:59.999Z',
  },
  approval: {
    result: '食品经营许可证',
    resultNo: 'JY14105020012345',
    delivery: 'post',
    deliveryDetail: '安阳市文峰区中华路 1 号',
  },
  denial: {
    reasons: ['现场核查经营场所不符合食品安全要求'],
    basis: '《食品经营许可管理办法》第十条',
    rights: RIGHTS,
  },
};

export function sampleNotice<T extends NoticeType>(type: T, i = 0, over: Partial<NoticeContext> = {}) {
  return buildNotice(type, SAMPLE_ITEM, sampleContext(i, over), SAMPLE_INPUTS[type]);
}

export function sampleNotices(i = 0, over: Partial<NoticeContext> = {}): Notice[] {
  return NOTICE_TYPES.map((t) => sampleNotice(t, i, over));
}
