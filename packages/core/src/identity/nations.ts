/**
 * GB/T 3304 codes of the nationalities of China (民族代码), as printed on the resident identity card
 * (the card prints the name without 族). 97 其他, 98 外国血统中国籍人士.
 */
const ROOTS = [
  '汉',
  '蒙古',
  '回',
  '藏',
  '维吾尔',
  '苗',
  '彝',
  '壮',
  '布依',
  '朝鲜',
  '满',
  '侗',
  '瑶',
  '白',
  '土家',
  '哈尼',
  '哈萨克',
  '傣',
  '黎',
  '傈僳',
  '佤',
  '畲',
  '高山',
  '拉祜',
  '水',
  '东乡',
  '纳西',
  '景颇',
  '柯尔克孜',
  '土',
  '达斡尔',
  '仫佬',
  '羌',
  '布朗',
  '撒拉',
  '毛南',
  '仡佬',
  '锡伯',
  '阿昌',
  '普米',
  '塔吉克',
  '怒',
  '乌孜别克',
  '俄罗斯',
  '鄂温克',
  '德昂',
  '保安',
  '裕固',
  '京',
  '塔塔尔',
  '独龙',
  '鄂伦春',
  '赫哲',
  '门巴',
  '珞巴',
  '基诺',
] as const;

export interface Nation {
  /** Two digits, '01'..'56', '97', '98'. */
  code: string;
  /** Full GB/T 3304 name, e.g. 汉族. */
  name: string;
  /** As printed on the card, e.g. 汉. */
  cardName: string;
}

export const NATIONS: readonly Nation[] = [
  ...ROOTS.map((root, i) => ({ code: String(i + 1).padStart(2, '0'), name: root + '族', cardName: root })),
  { code: '97', name: '其他', cardName: '其他' },
  { code: '98', name: '外国血统中国籍人士', cardName: '外国血统' },
];

const BY_CODE = new Map(NATIONS.map((n) => [n.code, n]));

/** The nation for a GB/T 3304 code ('1' and '01' both work), or undefined for an unknown code. */
export function nationByCode(code: string): Nation | undefined {
  const c = code.trim();
  return BY_CODE.get(c.length === 1 ? '0' + c : c);
}
