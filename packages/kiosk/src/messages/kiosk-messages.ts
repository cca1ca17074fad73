/**
 * Words the kiosk shows, in the shape of core's message catalogue ([zh-CN, en] per key, `{name}` placeholders),
 * kept here until core's MESSAGES spreads a kiosk area (DESIGN "Conventions": words live in catalogues).
 */
import { isMessageKey, type MessageLocale, messageTemplate } from '@tongban/core/messages';

export const kioskMessages = {
  'app.title': ['通办 · 24小时自助服务', 'Tongban · 24-hour self-service'],
  'attract.what': [
    '在这里可以：办理政务服务事项、查询办理进度、预约、投诉和评价',
    'Here you can apply for government services, check progress, book, complain and rate',
  ],
  'attract.hours': ['大厅办公时间：{hours}', 'Hall hours: {hours}'],
  'attract.now': ['现在时间 {time}', 'Time now {time}'],
  'attract.start': ['请放置身份证，或按任意键开始', 'Place your ID card, or press any key to start'],
  'menu.title': ['请选择要办理的业务', 'What would you like to do?'],
  'menu.apply': ['办理事项', 'Apply for a service'],
  'menu.progress': ['查询办理进度', 'Check progress'],
  'menu.appointment': ['预约办理', 'Book an appointment'],
  'menu.bundle': ['一件事一次办', 'Apply for a bundle (一件事)'],
  'menu.rate': ['评价服务（好差评）', 'Rate a finished case'],
  'menu.complain': ['投诉建议', 'Complain'],
  'menu.end': ['结束并退出', 'Finish and leave'],
  'applicant.line': ['申请人：{name}  证件：{id}', 'Applicant: {name}  ID: {id}'],
  'applicant.none': ['尚未验证身份', 'Not identified yet'],
  'identify.title': ['身份验证', 'Identify yourself'],
  'identify.card': ['请将身份证放在读卡器上', 'Place your ID card on the reader'],
  'identify.or': ['或用数字键输入18位身份证号（X 用 . 键）', 'or type your 18-digit ID number (. for X)'],
  'identify.name': ['请输入姓名（拼音或汉字均可）', 'Type your name'],
  'identify.bad': [
    '身份证号校验不通过，请检查后重新输入',
    'The ID number does not check out; please check it',
  ],
  'identify.short': ['还需输入 {n} 位', '{n} more characters'],
  'identify.readerDown': [
    '读卡器暂不可用，请用键盘输入证件号',
    'The card reader is unavailable: type your ID number',
  ],
  'identify.readFailed': [
    '读卡失败，请取下身份证后重新放置',
    'The card could not be read: take it away and place it again',
  ],
  'find.title': ['查找事项', 'Find a service'],
  'find.categories': ['按窗口分类浏览', 'Browse by window category'],
  'find.search': [
    '搜索（汉字、事项编码或拼音首字母，如 sfz）：',
    'Search (name, item code or pinyin initials, e.g. sfz):',
  ],
  'find.none': ['没有找到相符的事项', 'No service matches'],
  'find.count': ['共 {n} 项', '{n} found'],
  'guide.title': ['办事指南', 'Service guide'],
  'guide.materials': ['申请材料', 'Materials'],
  'guide.key': ['主要', 'key'],
  'guide.secondary': ['次要', 'secondary'],
  'guide.tolerable': ['可容缺', 'may follow later'],
  'guide.eLicence': ['电子证照替代：{name}', 'replaced by e-licence: {name}'],
  'guide.original': ['需原件核验', 'bring the original'],
  'guide.copies': ['复印件{n}份', '{n} copies'],
  'guide.fees': ['收费', 'Fees'],
  'guide.free': ['不收费', 'Free'],
  'guide.days': ['承诺时限：{n}个工作日', 'Promised time limit: {n} working days'],
  'guide.modes': ['办理方式：{modes}', 'Handling: {modes}'],
  'guide.place': ['办理地点：{place}', 'Where: {place}'],
  'materials.title': ['核对材料：有的请按编号勾选', 'Check your materials: press a number to tick'],
  'materials.complete': ['材料齐全，可以提交', 'Materials complete: you can submit'],
  'materials.tolerance': [
    '可容缺受理：先提交，缺少的次要材料在期限内补交',
    'Can be accepted with tolerance (容缺): bring the missing secondary materials later',
  ],
  'materials.missing': ['材料不齐，请一次备齐以下材料：', 'Not complete. Bring all of these:'],
  'materials.auto': ['（电子证照，自动调取）', '(e-licence, fetched by the hall)'],
  'submit.title': ['提交申请', 'Submit'],
  'submit.mode': ['选择办理方式', 'Choose how it is handled'],
  'submit.delivery': ['选择结果送达方式', 'Choose how you receive the result'],
  'submit.confirm': ['按确认键提交', 'Press Enter to submit'],
  'submit.working': ['正在提交…', 'Submitting…'],
  'submit.failed': ['提交失败：{why}', 'Submission failed: {why}'],
  'delivery.pickup': ['窗口领取', 'Pick up at the window'],
  'delivery.post': ['邮寄送达', 'By post'],
  'delivery.electronic': ['电子送达', 'Electronic'],
  'delivery.sms': ['短信通知', 'SMS'],
  'receipt.title': ['申请已提交', 'Application submitted'],
  'receipt.number': ['申请编号：{n}', 'Application no.: {n}'],
  'receipt.printed': ['回执已打印，请取走', 'Your receipt is printed: please take it'],
  'receipt.printing': ['正在打印回执…', 'Printing the receipt…'],
  'receipt.onScreen': [
    '打印机故障（{why}），请拍照保存以下回执',
    'Printer trouble ({why}): photograph this receipt',
  ],
  'progress.title': ['查询办理进度', 'Check progress'],
  'progress.prompt': [
    '输入申请编号，或放置身份证查询本人办件',
    'Type the application number, or place your ID card',
  ],
  'progress.notFound': ['没有找到该申请编号', 'No case with this number'],
  'progress.due': ['承诺办结日期：{date}', 'Due by: {date}'],
  'progress.waiting': ['当前等待：{who}', 'Now waiting on: {who}'],
  'progress.state': ['当前状态：{state}', 'State: {state}'],
  'progress.mine': ['您的办件', 'Your cases'],
  'progress.none': ['没有您的办件', 'You have no cases'],
  'rate.title': ['评价服务', 'Rate the service'],
  'rate.prompt': ['选择要评价的办件，然后按 1-5 评分', 'Pick a case, then press 1-5'],
  'rate.levels': [
    '1 非常不满意  2 不满意  3 基本满意  4 满意  5 非常满意',
    '1 very bad  2 bad  3 fair  4 good  5 very good',
  ],
  'rate.done': ['感谢您的评价', 'Thank you for your rating'],
  'soon.title': ['此功能请到服务窗口办理', 'Please use a service window for this'],
  'idle.warning': [
    '长时间无操作，{n} 秒后将自动退出并清除您的信息。按任意键继续',
    'No activity: leaving in {n} s and forgetting your details. Press any key to stay',
  ],
  'keys.confirm': ['确认', 'Enter'],
  'keys.back': ['返回', 'Back'],
  'keys.move': ['↑↓ 选择', '↑↓ move'],
  'keys.pick': ['数字 选项', 'digits pick'],
  'keys.large': ['* 大字', '* large text'],
  'keys.lang': ['/ English', '/ 中文'],
  'keys.home': ['0 结束', '0 finish'],
  'keys.demo': ['演示: Ctrl+K 放身份证  Ctrl+P 打印机缺纸', 'Demo: Ctrl+K place card  Ctrl+P paper out'],
  'status.line': [
    '读卡器 {reader} · 打印机 {printer} · 目录 v{version} · {terminal}',
    'Reader {reader} · Printer {printer} · Catalogue v{version} · {terminal}',
  ],
  'device.online': ['正常', 'ok'],
  'device.offline': ['离线', 'offline'],
  'device.busy': ['忙', 'busy'],
  'device.error': ['故障', 'error'],
  'device.paperOut': ['缺纸', 'paper out'],
  'device.coverOpen': ['开盖', 'cover open'],
  'device.nearEnd': ['纸将尽', 'paper low'],
} as const satisfies Record<string, readonly [string, string]>;

export type KioskMessageKey = keyof typeof kioskMessages;
export type Translate = (key: KioskMessageKey, params?: Record<string, string | number>) => string;

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(PLACEHOLDER, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** A translator for kiosk words in one locale. */
export function kioskTranslator(locale: MessageLocale): Translate {
  return (key, params) => fill(kioskMessages[key][locale === 'en' ? 1 : 0], params);
}

/** Core's shared words (mode.*, caseKind.* ...) when they exist, else the key itself. */
export function coreWord(key: string, locale: MessageLocale): string {
  return isMessageKey(key) ? messageTemplate(key, locale) : key;
}
