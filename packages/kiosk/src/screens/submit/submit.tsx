import { displayName } from '@tongban/core/catalogue';
import { Text } from 'ink';
import { useReducer } from 'react';
import { failureText, printReceipt } from '../../app/failure.js';
import { Frame } from '../../app/frame.js';
import { useKeys } from '../../app/key-router.js';
import { isBack, isDigit } from '../../app/keys.js';
import { useKiosk } from '../../app/kiosk-context.js';
import { List } from '../../components/list/list.js';
import { coreWord } from '../../messages/kiosk-messages.js';
import { initialSubmitState, optionsOf, submitReducer } from './use-submit-state.js';

/** 提交申请: mode, delivery, confirm; the case is created in the store and the receipt printed. */
export function SubmitScreen() {
  const { t, theme, state, services, devices, dispatch } = useKiosk();
  const item = state.item;
  const [s, act] = useReducer(submitReducer, item?.modes ?? [], initialSubmitState);
  const options = optionsOf(s);
  const label = (o: string) =>
    s.step === 'mode' ? coreWord(`mode.${o}`, state.locale) : t(`delivery.${o}` as 'delivery.post');

  const submit = async () => {
    if (!item || !state.applicant || !s.mode || !s.delivery) return;
    act({ type: 'working' });
    try {
      const { receipt } = await services.submit({
        item,
        mode: s.mode,
        deliveryMethod: s.delivery,
        applicant: state.applicant,
        submitted: state.submitted ?? [],
      });
      dispatch({ type: 'submitted', receipt });
      dispatch({ type: 'printed', print: await printReceipt(services, devices, t, receipt) });
    } catch (e) {
      act({ type: 'failed', error: failureText(services, t, 'submit', e) });
    }
  };

  useKeys((input, key) => {
    if (s.step === 'working') return;
    if (key.upArrow) act({ type: 'move', by: -1 });
    else if (key.downArrow) act({ type: 'move', by: 1 });
    else if (key.return) {
      if (s.step === 'confirm') void submit();
      else act({ type: 'pick', index: s.index });
    } else if (isDigit(input) && input !== '0') act({ type: 'pick', index: Number(input) - 1 });
    else if (isBack(input, key)) {
      if (s.step === 'confirm' || s.step === 'failed' || (s.step === 'delivery' && s.modes.length > 1))
        act({ type: 'back' });
      else dispatch({ type: 'back' });
    }
  });

  return (
    <Frame title={t('submit.title')} keys={['keys.pick', 'keys.confirm', 'keys.back']}>
      <Text bold color={theme.accent}>
        {item ? displayName(item) : ''}
      </Text>
      {s.mode ? <Text>{coreWord(`mode.${s.mode}`, state.locale)}</Text> : null}
      {s.delivery ? <Text>{t(`delivery.${s.delivery}`)}</Text> : null}
      {state.later && state.later.length > 0 ? (
        <Text color={theme.warn}>
          {t('materials.tolerance')}: {state.later.join('、')}
        </Text>
      ) : null}
      {s.step === 'mode' ? <Text bold>{t('submit.mode')}</Text> : null}
      {s.step === 'delivery' ? <Text bold>{t('submit.delivery')}</Text> : null}
      {options.length > 0 ? <List t={t} rows={options.map(label)} index={s.index} theme={theme} /> : null}
      {s.step === 'confirm' ? <Text bold inverse color={theme.ok}>{` ${t('submit.confirm')} `}</Text> : null}
      {s.step === 'working' ? <Text>{t('submit.working')}</Text> : null}
      {s.step === 'failed' ? (
        <Text color={theme.warn}>{t('submit.failed', { why: s.error ?? '' })}</Text>
      ) : null}
    </Frame>
  );
}
