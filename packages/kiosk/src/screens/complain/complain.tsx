import { type COMPLAINT_TYPES, complaintMessages } from '@tongban/core/complaints';
import { maskIdNumber } from '@tongban/core/identity';
import { formatLocalDate, type MessageLocale } from '@tongban/core/messages';
import { Box, Text } from 'ink';
import { useMemo, useReducer } from 'react';
import { failureText } from '../../app/failure.js';
import { Frame } from '../../app/frame.js';
import { useKeys } from '../../app/key-router.js';
import { isDigit, isGlobalKey } from '../../app/keys.js';
import { useKiosk } from '../../app/kiosk-context.js';
import { List, listKey } from '../../components/list/list.js';
import type { KioskMessageKey } from '../../messages/kiosk-messages.js';
import { COMPLAINT_TYPE_KEYS } from '../../services/complaint-desk.js';
import { complainReducer, initialComplainState, isTextStep } from './use-complain-state.js';

const PHRASES: KioskMessageKey[] = [
  'complain.phrase1',
  'complain.phrase2',
  'complain.phrase3',
  'complain.phrase4',
  'complain.phrase5',
];

export function complaintTypeWord(k: keyof typeof COMPLAINT_TYPES, locale: MessageLocale): string {
  return complaintMessages[`complaint.type.${k}`][locale === 'en' ? 1 : 0];
}

/** 投诉 with the fields of seed 002 10.2; the number and the 5-working-day reply promise (seed 000 7.2) at the end. */
export function ComplainScreen() {
  const { t, theme, state, services, dispatch } = useKiosk();
  const desk = services.complaints;
  const units = useMemo(() => desk.targetUnits(), [desk]);
  const [s, act] = useReducer(complainReducer, initialComplainState);
  const rows =
    s.step === 'unit'
      ? units
      : s.step === 'type'
        ? COMPLAINT_TYPE_KEYS.map((k) => complaintTypeWord(k, state.locale))
        : [];

  const submit = async () => {
    if (!s.unit || !s.type) return;
    act({ type: 'working' });
    try {
      const c = await desk.receive({
        targetUnit: s.unit,
        type: s.type,
        respondentName: s.respondent,
        content: s.content,
        demands: s.demands,
        phone: s.phone,
        applicant: state.applicant,
      });
      act({ type: 'done', number: c.id, dueAt: c.dueAt });
    } catch (e) {
      act({ type: 'failed', why: failureText(services, t, 'complain', e) });
    }
  };

  const pick = (i: number) => {
    if (s.step === 'unit' && units[i]) act({ type: 'unit', unit: units[i] });
    const kind = COMPLAINT_TYPE_KEYS[i];
    if (s.step === 'type' && kind) act({ type: 'kind', kind });
  };

  useKeys((input, key) => {
    if (key.ctrl || s.step === 'working') return;
    if (s.step === 'done') {
      if (key.return || key.escape || input === '-' || input === '0') dispatch({ type: 'back' });
      return;
    }
    const back = () => (s.step === 'unit' ? dispatch({ type: 'back' }) : act({ type: 'back' }));
    if (isTextStep(s.step)) {
      const text = s[s.step];
      if (key.return) act({ type: 'next' });
      else if (key.escape) back();
      else if (key.backspace || key.delete) {
        if (text) act({ type: 'erase' });
        else back();
      } else if (input === '-' && !text) back();
      else if (s.step === 'content' && !text && /^[1-5]$/.test(input)) {
        act({ type: 'key', text: t(PHRASES[Number(input) - 1] as KioskMessageKey) });
      } else if (input && !isGlobalKey(input) && !key.upArrow && !key.downArrow)
        act({ type: 'key', text: input });
      return;
    }
    if (key.escape || input === '-' || key.backspace || key.delete) back();
    else if (s.step === 'confirm') {
      if (key.return) void submit();
    } else if (key.upArrow) act({ type: 'move', by: -1, count: rows.length });
    else if (key.downArrow) act({ type: 'move', by: 1, count: rows.length });
    else if (key.return) pick(s.index);
    else if (isDigit(input)) {
      const k = listKey(input, s.index, theme.rows, rows.length);
      if (k && 'pick' in k) pick(k.pick);
      else if (k) act({ type: 'move', by: k.by, count: rows.length });
      else if (input === '0') back();
    }
  });

  const keys: KioskMessageKey[] = isTextStep(s.step)
    ? ['keys.type', 'keys.erase', 'keys.confirm', 'keys.back']
    : s.step === 'done' || s.step === 'confirm'
      ? ['keys.confirm', 'keys.back']
      : ['keys.move', 'keys.pick', 'keys.confirm', 'keys.back'];
  const heading: Record<string, KioskMessageKey> = {
    unit: 'complain.unit',
    type: 'complain.type',
    respondent: 'complain.respondent',
    content: 'complain.content',
    demands: 'complain.demands',
    phone: 'complain.phone',
    confirm: 'complain.confirm',
    working: 'complain.working',
  };
  const summary: [KioskMessageKey, string | undefined][] = [
    ['complain.unit', s.unit],
    ['complain.type', s.type && complaintTypeWord(s.type, state.locale)],
    ['complain.respondent', s.respondent],
    ['complain.content', s.content],
    ['complain.demands', s.demands],
    ['complain.phone', s.phone],
  ];

  if (s.step === 'done' && s.result) {
    return (
      <Frame title={t('complain.title')} keys={keys}>
        <Text bold color={theme.ok}>
          {t('complain.done')}
        </Text>
        <Text bold inverse color={theme.ok}>{` ${t('complain.number', { n: s.result.number })} `}</Text>
        <Text bold={theme.bold}>
          {t('complain.promise', { days: desk.replyDays, date: formatLocalDate(s.result.dueAt) })}
        </Text>
      </Frame>
    );
  }
  return (
    <Frame title={t('complain.title')} keys={keys}>
      {state.applicant ? (
        <Text color={theme.muted}>
          {t('applicant.line', { name: state.applicant.name, id: maskIdNumber(state.applicant.idNumber) })}
        </Text>
      ) : null}
      {summary
        .filter(
          ([k, v]) =>
            v && heading[s.step] !== k && (s.step === 'confirm' || k.endsWith('unit') || k.endsWith('type')),
        )
        .map(([k, v]) => (
          <Text key={k} color={s.step === 'confirm' ? theme.text : theme.muted} wrap="truncate-end">
            {t(k).replace(/[（(].*$/, '')}：{v}
          </Text>
        ))}
      <Text bold={theme.bold} color={theme.accent}>
        {heading[s.step] ? t(heading[s.step] as KioskMessageKey) : ''}
      </Text>
      {rows.length > 0 ? <List t={t} rows={rows} index={s.index} theme={theme} /> : null}
      {isTextStep(s.step) ? <Text inverse>{` ${s[s.step]}_ `}</Text> : null}
      {s.step === 'content' && !s.content ? (
        <Box flexDirection="column">
          {PHRASES.map((p, i) => (
            <Text key={p} color={theme.muted}>
              {i + 1}. {t(p)}
            </Text>
          ))}
        </Box>
      ) : null}
      {s.problem?.kind === 'required' ? <Text color={theme.warn}>{t('complain.required')}</Text> : null}
      {s.problem?.kind === 'failed' ? (
        <Text color={theme.warn}>{t('complain.failed', { why: s.problem.why })}</Text>
      ) : null}
    </Frame>
  );
}
