import {
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Channel, CONSENT_PURPOSES, type ConsentPurpose } from '@shared/contacts/enums';
import { LIFECYCLE_PHASES } from '@shared/lifecycle/phase';
import {
  LIFECYCLE_ACTIONS,
  LIFECYCLE_ACTIVITY_TYPES,
  LIFECYCLE_ASSIGNEES,
  LIFECYCLE_PLACEHOLDERS,
  AMOUNT_MAX,
  consentChannelOfAction,
  LIFECYCLE_TRIGGERS,
  MILEAGE_INTERVAL_MAX,
  MILEAGE_INTERVAL_MIN,
  type LifecycleRuleInput,
  type LifecycleRuleView,
  unknownLifecyclePlaceholders,
} from '@shared/lifecycle/rules';
import { useCurrentUser } from '@web/app/auth';
import { useLocations } from '@web/app/org-queries';
import { describeProblem } from '@web/ui/form-errors';
import { useLifecycleSettings, useSaveDailyCap, useSaveLifecycleRule } from './queries';

const NEW_RULE: LifecycleRuleInput = {
  name: '',
  locationId: null,
  make: null,
  trigger: 'months_after_delivery',
  amount: 12,
  phase: null,
  action: 'activity',
  assignee: 'sales_consultant',
  activityType: 'call',
  consentChannel: 'phone',
  consentPurpose: 'marketing',
  subject: '',
  template: '',
  lookbackDays: 30,
  leadDays: 0,
  enabled: true,
};

const ANY = '';

/** What the preview fills in for the placeholders: a made-up customer, so no one's data is shown. */
const SAMPLE: Record<string, string> = {
  anrede: 'Sehr geehrte Frau Muster',
  vorname: 'Erika',
  nachname: 'Muster',
  name: 'Erika Muster',
  kundennummer: 'MUC-100001',
  fahrzeug: 'VW Golf',
  kennzeichen: 'M-AB 1234',
  berater: 'Max Berater',
  standort: 'Autohaus München',
};

/** The text as the sample customer would read it. */
export const previewOf = (text: string) =>
  text.replace(/\{\{\s*([a-zäöüß_]+)\s*\}\}/gi, (whole, key: string) => SAMPLE[key.toLowerCase()] ?? whole);

/** Adds or changes a lifecycle rule: when it is due, what it does, for whom and with which consent. */
export function RuleEditor({ rule, onClose }: { rule: LifecycleRuleView | null; onClose(): void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const locations = useLocations();
  const save = useSaveLifecycleRule();
  const settings = useLifecycleSettings();
  const saveCap = useSaveDailyCap();
  const [cap, setCap] = useState<number | null>(null);
  const shownCap = cap ?? settings.data?.dailyCapPerPerson ?? null;
  const capChanged = cap !== null && cap !== settings.data?.dailyCapPerPerson;
  const [values, setValues] = useState<LifecycleRuleInput>(() =>
    rule ? pick(rule) : { ...NEW_RULE, locationId: user.role === 'admin' ? null : user.homeLocationId },
  );
  const sends = values.action === 'email' || values.action === 'letter';
  // A placeholder the letter cannot fill would reach the customer as written.
  const placeholderError = (text: string) => {
    const unknown = unknownLifecyclePlaceholders(text);
    return unknown.length > 0 ? `${t('requests.errors.placeholder')} ${unknown.join(', ')}` : undefined;
  };
  const subjectError = sends ? placeholderError(values.subject) : undefined;
  const templateError = sends ? placeholderError(values.template) : undefined;
  const set = <K extends keyof LifecycleRuleInput>(key: K, value: LifecycleRuleInput[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const options = <K extends string>(keys: readonly K[], label: (key: K) => string) =>
    keys.map((k) => ({ value: k as string, label: label(k) }));
  const locationOptions = [
    ...(user.role === 'admin' ? [{ value: ANY, label: t('lifecycle.groupWide') }] : []),
    ...(locations.data ?? [])
      .filter((l) => user.role === 'admin' || user.locationIds.includes(l.id))
      .map((l) => ({ value: l.id, label: l.name })),
  ];
  const byMileage = values.trigger === 'service_by_mileage';
  const consent =
    values.consentChannel && values.consentPurpose ? `${values.consentChannel}:${values.consentPurpose}` : ANY;
  // Only the consent for the channel the action reaches the customer by; a rule saved with another
  // one before keeps showing it, marked, until it is changed.
  const actionChannel = consentChannelOfAction(values.action);
  const consentMismatch = values.consentChannel !== null && values.consentChannel !== actionChannel;
  const consentOption = (c: Channel, p: ConsentPurpose) => ({
    value: `${c}:${p}`,
    label: t('lifecycle.consentOf', {
      channel: t(`customers.channel.${c}`),
      purpose: t(`customers.consent.purpose.${p}`),
    }),
  });
  const consentOptions = [
    { value: ANY, label: t('lifecycle.noConsent') },
    ...CONSENT_PURPOSES.map((p) => consentOption(actionChannel, p)),
    ...(consentMismatch && values.consentPurpose ? [consentOption(values.consentChannel!, values.consentPurpose)] : []),
  ];

  return (
    <Modal opened onClose={onClose} title={rule ? t('lifecycle.editTitle') : t('lifecycle.newTitle')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const saveRule = () => save.mutate({ id: rule?.id, version: rule?.version, values }, { onSuccess: onClose });
          if (capChanged && cap) saveCap.mutate(cap, { onSuccess: saveRule });
          else saveRule();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('lifecycle.fields.name')}
            required
            maxLength={120}
            value={values.name}
            onChange={(e) => set('name', e.currentTarget.value)}
          />
          <Group grow>
            <Select
              label={t('lifecycle.fields.location')}
              data={locationOptions}
              value={values.locationId ?? ANY}
              onChange={(v) => set('locationId', v ? v : null)}
              allowDeselect={false}
            />
            <TextInput
              label={t('lifecycle.fields.make')}
              placeholder={t('lifecycle.anyMake')}
              maxLength={60}
              value={values.make ?? ''}
              onChange={(e) => set('make', e.currentTarget.value.trim() ? e.currentTarget.value : null)}
            />
          </Group>
          <Group grow align="flex-start">
            <NumberInput
              label={byMileage ? t('lifecycle.fields.intervalKm') : t('lifecycle.fields.amount')}
              min={byMileage ? MILEAGE_INTERVAL_MIN : 0}
              max={byMileage ? MILEAGE_INTERVAL_MAX : AMOUNT_MAX}
              step={byMileage ? 5000 : 1}
              thousandSeparator={byMileage ? '.' : undefined}
              decimalSeparator={byMileage ? ',' : undefined}
              allowDecimal={false}
              value={values.amount}
              onChange={(v) => set('amount', Number(v) || 0)}
            />
            <Select
              label={t('lifecycle.fields.trigger')}
              data={options(LIFECYCLE_TRIGGERS, (k) => t(`lifecycle.trigger.${k}`))}
              value={values.trigger}
              onChange={(v) => {
                if (!v) return;
                const trigger = v as LifecycleRuleInput['trigger'];
                // Kilometres and days are different scales: a sensible start for the one chosen.
                setValues((old) => ({
                  ...old,
                  trigger,
                  amount:
                    trigger === 'service_by_mileage' && old.trigger !== trigger
                      ? 30_000
                      : trigger !== 'service_by_mileage' && old.trigger === 'service_by_mileage'
                        ? 12
                        : old.amount,
                }));
              }}
              allowDeselect={false}
            />
          </Group>
          {byMileage && (
            <NumberInput
              label={t('lifecycle.fields.leadDays')}
              min={0}
              max={365}
              allowDecimal={false}
              value={values.leadDays}
              onChange={(v) => set('leadDays', Number(v) || 0)}
            />
          )}
          <Select
            label={t('lifecycle.fields.phase')}
            data={[
              { value: ANY, label: t('lifecycle.anyPhase') },
              ...options(LIFECYCLE_PHASES, (k) => t(`lifecycle.phase.${k}`)),
            ]}
            value={values.phase ?? ANY}
            onChange={(v) => set('phase', v ? (v as LifecycleRuleInput['phase']) : null)}
            allowDeselect={false}
          />
          <Group grow>
            <Select
              label={t('lifecycle.fields.action')}
              data={options(LIFECYCLE_ACTIONS, (k) => t(`lifecycle.action.${k}`))}
              value={values.action}
              onChange={(v) => {
                if (!v) return;
                const action = v as LifecycleRuleInput['action'];
                // The consent asked for follows the channel: a letter needs the letter consent, not the phone's.
                setValues((old) => ({
                  ...old,
                  action,
                  consentChannel: old.consentChannel && consentChannelOfAction(action),
                }));
              }}
              allowDeselect={false}
            />
            <Select
              label={t('lifecycle.fields.assignee')}
              data={options(LIFECYCLE_ASSIGNEES, (k) => t(`lifecycle.assignee.${k}`))}
              value={values.assignee}
              onChange={(v) => v && set('assignee', v as LifecycleRuleInput['assignee'])}
              allowDeselect={false}
            />
          </Group>
          <Group grow>
            <Select
              label={t('lifecycle.fields.activityType')}
              data={LIFECYCLE_ACTIVITY_TYPES.map((k) => ({ value: k, label: t(`texts.activityType.${k}`) }))}
              value={values.activityType}
              onChange={(v) => v && set('activityType', v as LifecycleRuleInput['activityType'])}
              allowDeselect={false}
            />
            <Select
              label={t('lifecycle.fields.consent')}
              data={consentOptions}
              error={
                consentMismatch
                  ? t('lifecycle.consentChannelMismatch', { channel: t(`customers.channel.${actionChannel}`) })
                  : undefined
              }
              value={consent}
              onChange={(v) => {
                const [channel, purpose] = (v ?? '').split(':');
                setValues((old) => ({
                  ...old,
                  consentChannel: (channel || null) as LifecycleRuleInput['consentChannel'],
                  consentPurpose: (purpose || null) as LifecycleRuleInput['consentPurpose'],
                }));
              }}
              allowDeselect={false}
            />
          </Group>
          {sends && (
            <TextInput
              label={t(values.action === 'email' ? 'lifecycle.fields.emailSubject' : 'lifecycle.fields.letterTitle')}
              maxLength={200}
              value={values.subject}
              error={subjectError}
              onChange={(e) => set('subject', e.currentTarget.value)}
            />
          )}
          <Textarea
            label={t(sends ? 'lifecycle.fields.letterText' : 'lifecycle.fields.template')}
            description={
              sends
                ? t('lifecycle.placeholdersHelp', { list: LIFECYCLE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ') })
                : undefined
            }
            autosize
            minRows={sends ? 4 : 2}
            maxLength={5000}
            value={values.template}
            error={templateError}
            onChange={(e) => set('template', e.currentTarget.value)}
          />
          {sends && (values.subject.trim() || values.template.trim()) && (
            <Paper withBorder p="sm" aria-label={t('lifecycle.preview')}>
              <Text size="xs" c="dimmed">
                {t('lifecycle.preview')}
              </Text>
              <Text fw={600}>{previewOf(values.subject.trim() || values.name)}</Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {`${previewOf(values.template)}\n\n${t('lifecycle.previewSignature')}`}
              </Text>
            </Paper>
          )}
          <NumberInput
            label={t('lifecycle.fields.dailyCap')}
            description={user.role === 'admin' ? t('lifecycle.dailyCapHelp') : t('lifecycle.dailyCapAdminsOnly')}
            min={1}
            max={500}
            allowDecimal={false}
            disabled={user.role !== 'admin' || shownCap === null}
            value={shownCap ?? ''}
            onChange={(v) => setCap(typeof v === 'number' ? v : null)}
          />
          <Group grow align="flex-end">
            <NumberInput
              label={t('lifecycle.fields.lookbackDays')}
              min={0}
              max={365}
              allowDecimal={false}
              value={values.lookbackDays}
              onChange={(v) => set('lookbackDays', Number(v) || 0)}
            />
            <Switch
              label={t('lifecycle.fields.enabled')}
              checked={values.enabled}
              onChange={(e) => set('enabled', e.currentTarget.checked)}
            />
          </Group>
          {(save.isError || saveCap.isError) && (
            <Text c="red" size="sm" role="alert">
              {describeProblem(save.error ?? saveCap.error)}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={save.isPending || saveCap.isPending}
              disabled={Boolean(subjectError || templateError)}
            >
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function pick(rule: LifecycleRuleView): LifecycleRuleInput {
  const { id: _id, defaultKey: _key, locationName: _name, version: _version, ...values } = rule;
  return values;
}
