import {
  type ServiceItem,
  type ServiceItemInput,
  ServiceItem as ServiceItemSchema,
} from '../service-item.js';

/** A small valid item input (居民身份证换领 at a county public security bureau); override what a test needs. */
export function itemInput(overrides: Partial<ServiceItemInput> = {}): ServiceItemInput {
  return {
    mainName: '居民身份证',
    subName: '换领',
    itemType: 'public-service',
    itemCode: '11000100001',
    legalBasis: ['《中华人民共和国居民身份证法》'],
    materials: [
      { name: '居民户口簿', kind: 'key', eLicence: '居民户口簿电子证照' },
      { name: '近期免冠照片', kind: 'secondary', tolerable: true },
    ],
    process: ['申请', '受理', '审查', '制证', '送达'],
    fees: [{ name: '工本费', amount: 20 }],
    promisedDays: 20,
    forms: [{ name: '居民身份证申领登记表' }],
    audience: ['person'],
    legalDays: 60,
    level: 'county',
    implementingUnit: '道里区公安分局',
    windowCategory: '公安服务',
    caseKind: 'promised',
    modes: ['window', 'proxyLocal'],
    transferDays: 2,
    ...overrides,
  };
}

/** The same, parsed (defaults applied). */
export function item(overrides: Partial<ServiceItemInput> = {}): ServiceItem {
  return ServiceItemSchema.parse(itemInput(overrides));
}
