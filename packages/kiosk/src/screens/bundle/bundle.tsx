import { displayName } from '@tongban/core/catalogue';
import { Box, Text } from 'ink';
import { useMemo, useReducer } from 'react';
import { failureText, printReceipt } from '../../app/failure.js';
import { Frame } from '../../app/frame.js';
import { useKeys } from '../../app/key-router.js';
import { isBack, isDigit } from '../../app/keys.js';
import { useKiosk } from '../../app/kiosk-context.js';
import { List, listKey } from '../../components/list/list.js';
import { coreWord } from '../../messages/kiosk-messages.js';
import { bundleMaterialsToBring, checkBundleMaterials } from '../../services/bundle-desk.js';
import { optionsOf } from '../submit/use-submit-state.js';
import { bundleReducer, initialBundleState } from './use-bundle-state.js';

/** 一件事一次办 (seed 003 四): one bundle, one combined material list, every case submitted at once, one receipt. */
export function BundleScreen() {
  const { t, theme, state, services, devices, dispatch } = useKiosk();
  const bundles = useMemo(() => services.bundles(), [services]);
  const [s, act] = useReducer(bundleReducer, initialBundleState);
  const b = s.bundle;
  const bring = b ? bundleMaterialsToBring(b) : [];
  const fetched = b ? b.materials.filter((m) => m.eLicence !== undefined) : [];
  const verdict = b ? checkBundleMaterials(b, s.ticked) : undefined;
  const sub = s.sub;
  const options = sub ? optionsOf(sub) : [];

  const submit = async () => {
    if (!b || !state.applicant || !sub?.mode || !sub.delivery) return;
    act({ type: 'submit', action: { type: 'working' } });
    try {
      const { receipt } = await services.submitBundle({
        bundle: b,
        mode: sub.mode,
        deliveryMethod: sub.delivery,
        applicant: state.applicant,
        submitted: s.submitted,
      });
      dispatch({ type: 'submitted', receipt, of: 'bundle' });
      dispatch({ type: 'printed', print: await printReceipt(services, devices, t, receipt) });
    } catch (e) {
      const error = failureText(services, t, 'bundle', e);
      act({ type: 'submit', action: { type: 'failed', error } });
    }
  };

  const count = s.step === 'bundle' ? bundles.length : s.step === 'materials' ? bring.length : options.length;
  useKeys((input, key) => {
    if (sub?.step === 'working' && s.step === 'submit') return;
    if (isBack(input, key)) {
      if (s.step === 'bundle') dispatch({ type: 'back' });
      else act({ type: 'back' });
      return;
    }
    if (s.step === 'submit') {
      if (key.upArrow) act({ type: 'submit', action: { type: 'move', by: -1 } });
      else if (key.downArrow) act({ type: 'submit', action: { type: 'move', by: 1 } });
      else if (key.return) {
        if (sub?.step === 'confirm') void submit();
        else act({ type: 'submit', action: { type: 'pick', index: sub?.index ?? 0 } });
      } else if (isDigit(input) && input !== '0')
        act({ type: 'submit', action: { type: 'pick', index: Number(input) - 1 } });
      return;
    }
    const pick = (i: number) => {
      if (s.step === 'bundle') {
        const chosen = bundles[i];
        if (chosen) act({ type: 'pickBundle', bundle: chosen });
      } else {
        const m = bring[i];
        if (m) {
          act({ type: 'set', index: i });
          act({ type: 'toggle', name: m.name });
        }
      }
    };
    if (key.upArrow) act({ type: 'move', by: -1, count });
    else if (key.downArrow) act({ type: 'move', by: 1, count });
    else if ((input === ' ' || input === '+') && s.step === 'materials') pick(s.index);
    else if (isDigit(input) && listKey(input, s.index, theme.rows, count)) {
      const k = listKey(input, s.index, theme.rows, count);
      if (k && 'pick' in k) pick(k.pick);
      else if (k) act({ type: 'move', by: k.by, count });
    } else if (key.return) {
      if (s.step === 'bundle') pick(s.index);
      else if (verdict && verdict.kind !== 'missing')
        act({
          type: 'materialsChecked',
          submitted: verdict.submitted,
          later: verdict.kind === 'tolerance' ? verdict.later : [],
        });
    }
  });

  const chosen = s.step === 'bundle' ? bundles[s.index] : b;
  return (
    <Frame title={t('bundle.title')} keys={['keys.move', 'keys.pick', 'keys.confirm', 'keys.back']}>
      {s.step === 'bundle' ? (
        <>
          <Text bold={theme.bold}>{t('bundle.pick')}</Text>
          <List
            t={t}
            rows={bundles.map((x) => `${x.name}  ${t('bundle.count', { n: x.items.length })}`)}
            index={s.index}
            theme={theme}
          />
        </>
      ) : (
        <Text bold color={theme.accent}>
          {b?.name}
        </Text>
      )}
      {chosen && s.step !== 'submit' ? (
        <Text color={theme.muted} wrap="truncate-end">
          {t('bundle.items', { names: chosen.items.map((i) => displayName(i)).join('、') })}
        </Text>
      ) : null}
      {s.step === 'materials' ? (
        <>
          <Text bold={theme.bold}>{t('bundle.materials')}</Text>
          <List
            t={t}
            rows={bring.map(
              (m) =>
                `[${s.ticked.has(m.name) ? '✓' : ' '}] ${m.name}${m.tolerable ? ` (${t('guide.tolerable')})` : ''}`,
            )}
            index={s.index}
            theme={theme}
          />
          {fetched.length > 0 ? (
            <Text color={theme.muted} wrap="truncate-end">
              [✓] {fetched.map((m) => m.name).join('、')} {t('materials.auto')}
            </Text>
          ) : null}
          <Box marginTop={1} flexDirection="column">
            {verdict?.kind === 'complete' ? (
              <Text color={theme.ok} bold>
                {t('materials.complete')}
              </Text>
            ) : null}
            {verdict?.kind === 'tolerance' ? (
              <Text color={theme.ok} bold>
                {t('materials.tolerance')}: {verdict.later.join('、')}
              </Text>
            ) : null}
            {verdict?.kind === 'missing' ? (
              <Text color={theme.warn}>
                {t('materials.missing')}
                {verdict.missing.join('、')}
              </Text>
            ) : null}
          </Box>
        </>
      ) : null}
      {s.step === 'submit' && sub ? (
        <>
          {b && b.modes.length === 0 ? <Text color={theme.warn}>{t('bundle.noMode')}</Text> : null}
          {sub.mode ? <Text>{coreWord(`mode.${sub.mode}`, state.locale)}</Text> : null}
          {sub.delivery ? <Text>{t(`delivery.${sub.delivery}`)}</Text> : null}
          {s.later.length > 0 ? (
            <Text color={theme.warn}>
              {t('materials.tolerance')}: {s.later.join('、')}
            </Text>
          ) : null}
          {sub.step === 'mode' ? <Text bold>{t('submit.mode')}</Text> : null}
          {sub.step === 'delivery' ? <Text bold>{t('submit.delivery')}</Text> : null}
          {options.length > 0 ? (
            <List
              t={t}
              rows={options.map((o) =>
                sub.step === 'mode'
                  ? coreWord(`mode.${o}`, state.locale)
                  : t(`delivery.${o}` as 'delivery.post'),
              )}
              index={sub.index}
              theme={theme}
            />
          ) : null}
          {sub.step === 'confirm' ? (
            <Text bold inverse color={theme.ok}>{` ${t('submit.confirm')} `}</Text>
          ) : null}
          {sub.step === 'working' ? <Text>{t('submit.working')}</Text> : null}
          {sub.step === 'failed' ? (
            <Text color={theme.warn}>{t('submit.failed', { why: sub.error ?? '' })}</Text>
          ) : null}
        </>
      ) : null}
    </Frame>
  );
}
