import { SlotFullError } from '@tongban/core/appointments';
import { displayName } from '@tongban/core/catalogue';
import { Box, Text } from 'ink';
import { useEffect, useReducer, useState } from 'react';
import { failureText, printReceipt } from '../../app/failure.js';
import { Frame } from '../../app/frame.js';
import { useKeys } from '../../app/key-router.js';
import { isBack, isDigit } from '../../app/keys.js';
import { useKiosk } from '../../app/kiosk-context.js';
import { List, listKey } from '../../components/list/list.js';
import type { Translate } from '../../messages/kiosk-messages.js';
import { bookReducer, dayOf, initialBookState, rowCount, slotOf } from './use-book-state.js';

/** Short weekday of a local day, in the kiosk's language. */
export function weekday(day: string, locale: string): string {
  return new Date(`${day}T12:00:00+08:00`).toLocaleDateString(locale === 'en' ? 'en-GB' : 'zh-CN', {
    weekday: 'short',
    timeZone: 'Asia/Shanghai',
  });
}

/** 预约: item → window → day → slot, with the places left shown at every step (seed 002 8.2.1, 8.2.2). */
export function BookScreen() {
  const { t, theme, state, services, devices, dispatch } = useKiosk();
  const desk = services.appointments;
  const [s, act] = useReducer(bookReducer, initialBookState);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    void desk.bookableItems().then((items) => act({ type: 'items', items }));
  }, [desk]);
  useEffect(() => {
    if (s.item) void desk.windowsFor(s.item).then((windows) => act({ type: 'windows', windows }));
  }, [desk, s.item]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload refreshes the places after a full slot
  useEffect(() => {
    if (s.item && s.window) void desk.days(s.item, s.window).then((days) => act({ type: 'days', days }));
  }, [desk, s.item, s.window, reload]);

  const book = async () => {
    const applicant = state.applicant;
    if (!s.item || !s.window || !s.day || !s.slot || !applicant) return;
    act({ type: 'working' });
    try {
      const { receipt } = await desk.book({
        item: s.item,
        windowId: s.window,
        day: s.day,
        slotStart: s.slot,
        applicant,
      });
      dispatch({ type: 'submitted', receipt, of: 'appointment' });
      dispatch({ type: 'printed', print: await printReceipt(services, devices, t, receipt) });
    } catch (e) {
      if (e instanceof SlotFullError) {
        setReload((n) => n + 1);
        act({ type: 'slotFull' });
      } else act({ type: 'failed', why: failureText(services, t, 'book', e) });
    }
  };

  useKeys((input, key) => {
    if (s.step === 'working') return;
    if (key.upArrow) act({ type: 'move', by: -1 });
    else if (key.downArrow) act({ type: 'move', by: 1 });
    else if (key.return) {
      if (s.step === 'confirm') void book();
      else act({ type: 'pick', index: s.index });
    } else if (isDigit(input) && listKey(input, s.index, theme.rows, rowCount(s))) {
      const k = listKey(input, s.index, theme.rows, rowCount(s));
      if (k && 'pick' in k) act({ type: 'pick', index: k.pick });
      else if (k) act({ type: 'move', by: k.by });
    } else if (isBack(input, key) || input === '0') {
      if (s.step === 'item') dispatch({ type: 'back' });
      else act({ type: 'back' });
    }
  });

  const rows = rowsOf(s, t, state.locale);
  const loading =
    (s.step === 'item' && !s.items) ||
    (s.step === 'window' && !s.windows) ||
    ((s.step === 'day' || s.step === 'slot') && !s.days);
  const empty = !loading && rows.length === 0 && s.step !== 'confirm' && s.step !== 'working';
  const slot = slotOf(s);
  return (
    <Frame title={t('book.title')} keys={['keys.move', 'keys.pick', 'keys.confirm', 'keys.back']}>
      <Text bold color={theme.accent}>
        {[
          s.item ? displayName(s.item) : '',
          s.window ? t('book.windowName', { w: s.window }) : '',
          s.day ? `${s.day} ${weekday(s.day, state.locale)}` : '',
          slot ? `${slot.slot.start}-${slot.slot.end}` : '',
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      <Text bold={theme.bold}>{t(HEADINGS[s.step])}</Text>
      {empty ? <Text color={theme.warn}>{t(s.step === 'item' ? 'book.noItems' : 'book.none')}</Text> : null}
      {rows.length > 0 ? <List t={t} rows={rows} index={s.index} theme={theme} /> : null}
      {s.note ? (
        <Box marginTop={1}>
          <Text color={theme.warn} bold>
            {s.note.kind === 'slotFull' ? t('book.slotFull') : t('book.failed', { why: s.note.why })}
          </Text>
        </Box>
      ) : null}
    </Frame>
  );
}

const HEADINGS = {
  item: 'book.item',
  window: 'book.window',
  day: 'book.day',
  slot: 'book.slot',
  confirm: 'book.confirm',
  working: 'book.working',
} as const;

function rowsOf(s: Parameters<typeof rowCount>[0], t: Translate, locale: string): string[] {
  if (s.step === 'item') return (s.items ?? []).map((i) => displayName(i));
  if (s.step === 'window') return (s.windows ?? []).map((w) => t('book.windowName', { w }));
  if (s.step === 'day')
    return (s.days ?? []).map(
      (d) =>
        `${d.day} ${weekday(d.day, locale)}  ${d.remaining > 0 ? t('book.dayPlaces', { n: d.remaining }) : t('book.full')}`,
    );
  if (s.step === 'slot')
    return (dayOf(s)?.slots ?? []).map(
      (x) =>
        `${x.slot.start}-${x.slot.end}  ${x.remaining > 0 ? t('book.places', { n: x.remaining, of: x.capacity }) : t('book.full')}`,
    );
  return [];
}
