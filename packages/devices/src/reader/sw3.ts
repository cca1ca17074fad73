/**
 * SW3 status byte of a GA 467 response (frame byte 9), mapped to typed results. Codes collected from public
 * implementations (see /work/shared/reference/devices.md); an undocumented code maps to `unknown`.
 */
export const SW3 = {
  144: 'success',
  159: 'cardFound',
  145: 'fieldEmpty',
  16: 'checksumError',
  17: 'lengthError',
  33: 'commandError',
  35: 'unauthorised',
  36: 'unrecognisedError',
  49: 'cardAuthFailed',
  50: 'samAuthFailed',
  51: 'verificationError',
  64: 'unknownCardType',
  65: 'readFailed',
  71: 'randomNumberFailed',
  96: 'samSelfTestFailed',
  102: 'samNotAuthorised',
  128: 'findCardFailed',
  129: 'selectCardFailed',
} as const;

export type Sw3Status = (typeof SW3)[keyof typeof SW3] | 'unknown';

const MEANINGS: Record<Sw3Status, string> = {
  success: '操作成功',
  cardFound: '找卡成功',
  fieldEmpty: '证/卡中此项无内容',
  checksumError: '接收业务终端数据的校验和错',
  lengthError: '接收业务终端数据的长度错',
  commandError: '接收业务终端的命令错误',
  unauthorised: '越权操作',
  unrecognisedError: '无法识别的错误',
  cardAuthFailed: '证/卡认证机具失败',
  samAuthFailed: '机具认证证/卡失败',
  verificationError: '信息验证错误',
  unknownCardType: '无法识别的卡类型',
  readFailed: '读证/卡操作失败',
  randomNumberFailed: '取随机数失败',
  samSelfTestFailed: 'SAM 自检失败',
  samNotAuthorised: 'SAM 未经授权，无法使用',
  findCardFailed: '寻找证/卡失败',
  selectCardFailed: '选取证/卡失败',
  unknown: '未记载的状态码',
};

export interface Sw3Result {
  code: number;
  status: Sw3Status;
  ok: boolean;
  meaning: string;
}

export function decodeSw3(code: number): Sw3Result {
  const status: Sw3Status = (SW3 as Record<number, Sw3Status>)[code] ?? 'unknown';
  return { code, status, ok: status === 'success' || status === 'cardFound', meaning: MEANINGS[status] };
}
