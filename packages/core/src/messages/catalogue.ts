import { TongbanError } from '../errors/index.js';
import { calendarMessages } from './calendar.js';
import { domainMessages } from './domain.js';
import { noticeMessages } from './notices.js';

/** Locales of the message catalogue: zh-CN is the default (DESIGN "Conventions"). */
export const MESSAGE_LOCALES = ['zh-CN', 'en'] as const;
export type MessageLocale = (typeof MESSAGE_LOCALES)[number];
export const DEFAULT_LOCALE: MessageLocale = 'zh-CN';

export function isMessageLocale(value: unknown): value is MessageLocale {
  return typeof value === 'string' && (MESSAGE_LOCALES as readonly string[]).includes(value);
}

/**
 * Every message, by key, as [zh-CN, en]. To add words: put them in an area file (domain.ts, notices.ts, or a new
 * one such as kiosk.ts) and spread that area here. Keys must be unique across areas (tested).
 */
export const MESSAGES = {
  ...domainMessages,
  ...noticeMessages,
  ...calendarMessages,
} as const satisfies Record<string, readonly [string, string]>;

export type MessageKey = keyof typeof MESSAGES;

/** The placeholder names of a template, e.g. `'{a}和{b}'` -> `'a' | 'b'`. */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;

export type MessageParams<K extends MessageKey> = Record<
  Placeholders<(typeof MESSAGES)[K][0]>,
  string | number
>;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(MESSAGES, key);
}

/** The raw template of a key in a locale (placeholders not filled). */
export function messageTemplate(key: MessageKey, locale: MessageLocale = DEFAULT_LOCALE): string {
  const entry = (MESSAGES as Record<string, readonly [string, string]>)[key];
  if (!entry) {
    throw new TongbanError('messages.unknownKey', `no message "${key}" in the catalogue`, {
      where: { field: key },
      hint: 'add the key to an area file of packages/core/src/messages and spread it into MESSAGES',
    });
  }
  return locale === 'en' ? entry[1] : entry[0];
}

/** One locale's catalogue as a plain key -> template map (for translators and exports). */
export function catalogueFor(locale: MessageLocale): Record<MessageKey, string> {
  const out = {} as Record<MessageKey, string>;
  for (const key of Object.keys(MESSAGES) as MessageKey[]) out[key] = messageTemplate(key, locale);
  return out;
}

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/** Placeholder names in the order they appear in a template. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** A piece of filled-in text: `key` is set when the piece is a filled placeholder (a field of a form). */
export interface MessageRun {
  text: string;
  key?: string;
}

/**
 * Fills a template and keeps the pieces apart: the literal text and each filled placeholder (with its name), so a
 * renderer can underline filled blanks and tests can check which fields a sentence carries, in order.
 */
export function fillRuns(
  key: MessageKey,
  params: Record<string, string | number>,
  locale: MessageLocale = DEFAULT_LOCALE,
): MessageRun[] {
  const template = messageTemplate(key, locale);
  const runs: MessageRun[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    const name = m[1]!;
    const value = params[name];
    if (value === undefined) {
      throw new TongbanError('messages.missingParam', `message "${key}" needs the parameter "${name}"`, {
        where: { field: key },
        hint: `pass { ${name}: ... } when filling "${key}"`,
      });
    }
    if (m.index > last) runs.push({ text: template.slice(last, m.index) });
    runs.push({ text: String(value), key: name });
    last = m.index + m[0].length;
  }
  if (last < template.length) runs.push({ text: template.slice(last) });
  return runs;
}

type ParamsArg<K extends MessageKey> = [Placeholders<(typeof MESSAGES)[K][0]>] extends [never]
  ? [params?: Record<string, never>]
  : [params: MessageParams<K>];
type Args<K extends MessageKey> = [...ParamsArg<K>, locale?: MessageLocale];

/**
 * Translates a key: `t('mode.online')` -> '全程网办'; `t('common.workingDays', { days: 5 }, 'en')` -> '5 working days'.
 * Parameters are typed from the zh-CN template; a missing one is a TongbanError.
 */
export function t<K extends MessageKey>(key: K, ...args: Args<K>): string {
  const [params, locale] = args as unknown as [Record<string, string | number> | undefined, MessageLocale?];
  return fillRuns(key, params ?? {}, locale ?? DEFAULT_LOCALE)
    .map((r) => r.text)
    .join('');
}

/** A `t` bound to one locale. */
export type Translator = <K extends MessageKey>(key: K, ...params: ParamsArg<K>) => string;

export function translator(locale: MessageLocale = DEFAULT_LOCALE): Translator {
  return ((key: MessageKey, params?: Record<string, string | number>) =>
    fillRuns(key, params ?? {}, locale)
      .map((r) => r.text)
      .join('')) as Translator;
}
