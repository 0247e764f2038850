import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import {
  CAMPAIGN_CHANNELS,
  CAMPAIGN_PLACEHOLDERS,
  CAMPAIGN_TEXT_MAX,
  type Campaign,
  type CampaignInput,
} from '@shared/campaigns/schemas';
import { useCurrentUser } from '@web/app/auth';
import { useLocations } from '@web/app/org-queries';
import { useDirectory } from '@web/features/customers/queries';
import { api } from '@web/ui/api';
import { ErrorState } from '@web/ui/components/ErrorState';
import { PageHeader } from '@web/ui/components/PageHeader';
import { describeProblem, serverFieldErrors } from '@web/ui/form-errors';
import { CampaignResults } from './CampaignResults';
import { useCampaign, useSaveCampaign, useStartCampaign } from './queries';
import { SelectionEditor } from './SelectionEditor';

const blank = (locationId: string): CampaignInput => ({
  name: '',
  channel: 'letter',
  locationId,
  filter: {},
  subject: '',
  body: '{{anrede}},\n\n',
  teamUserIds: [],
});

const inputOf = (c: Campaign): CampaignInput => ({
  name: c.name,
  channel: c.channel,
  locationId: c.locationId,
  filter: c.filter,
  subject: c.subject,
  body: c.body,
  teamUserIds: c.teamUserIds,
});

/** A campaign: the editor while it is a draft, its progress and results once started. */
export default function CampaignPage() {
  const { id } = useParams();
  const campaign = useCampaign(id);
  if (id && campaign.isError) return <ErrorState error={campaign.error} onRetry={() => void campaign.refetch()} />;
  if (id && !campaign.data) return <Skeleton height={400} />;
  return <CampaignForm key={campaign.data?.id ?? 'new'} campaign={campaign.data} />;
}

function CampaignForm({ campaign }: { campaign: Campaign | undefined }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const locations = useLocations();
  const directory = useDirectory();
  const [values, setValues] = useState<CampaignInput>(() => (campaign ? inputOf(campaign) : blank(me.homeLocationId)));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirm, setConfirm] = useState<number | null>(null);
  const save = useSaveCampaign(campaign?.id);
  const start = useStartCampaign(campaign?.id ?? '');
  const draft = !campaign || campaign.status === 'draft';
  const set = (patch: Partial<CampaignInput>) => setValues((v) => ({ ...v, ...patch }));

  async function onSave() {
    try {
      const saved = await save.mutateAsync(values);
      setErrors({});
      notifications.show({ color: 'green', message: t('campaigns.saved') });
      if (!campaign) void navigate(`/campaigns/${saved.id}`, { replace: true });
    } catch (error) {
      const fields = serverFieldErrors(error);
      setErrors(fields);
      if (Object.keys(fields).length === 0) notifications.show({ color: 'red', message: describeProblem(error) });
    }
  }

  async function askToStart() {
    try {
      await save.mutateAsync(values);
      const count = await api.post<{ recipients: number }>('/campaigns/selection/count', {
        channel: values.channel,
        filter: values.filter,
      });
      setConfirm(count.recipients);
    } catch (error) {
      setErrors(serverFieldErrors(error));
      notifications.show({ color: 'red', message: describeProblem(error) });
    }
  }

  async function onStart() {
    if (confirm === null) return;
    try {
      await start.mutateAsync(confirm);
      setConfirm(null);
    } catch (error) {
      setConfirm(null);
      notifications.show({ color: 'red', message: describeProblem(error) });
    }
  }

  const team = (directory.data ?? [])
    .filter((u) => u.active && u.locationIds.includes(values.locationId))
    .map((u) => ({ value: u.id, label: u.displayName }));

  return (
    <>
      <PageHeader
        title={campaign ? campaign.name : t('campaigns.new')}
        description={campaign ? t(`campaigns.status.${campaign.status}`) : t('campaigns.newDescription')}
        actions={
          draft && (
            <>
              <Button variant="default" onClick={() => void onSave()} loading={save.isPending}>
                {t('campaigns.save')}
              </Button>
              {campaign && (
                <Button onClick={() => void askToStart()} loading={save.isPending}>
                  {t('campaigns.start')}
                </Button>
              )}
            </>
          )
        }
      />
      {campaign && !draft && <CampaignResults campaign={campaign} />}
      <Paper withBorder radius="md" p="md" mb="md">
        <Stack gap="sm">
          <Group grow align="flex-start">
            <TextInput
              label={t('campaigns.field.name')}
              required
              maxLength={CAMPAIGN_TEXT_MAX.name}
              value={values.name}
              onChange={(e) => set({ name: e.currentTarget.value })}
              error={errors.name}
              disabled={!draft}
            />
            <Select
              label={t('campaigns.field.location')}
              data={(locations.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
              value={values.locationId}
              onChange={(value) => value && set({ locationId: value })}
              error={errors.locationId}
              disabled={!draft}
            />
          </Group>
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('campaigns.field.channel')}
            </Text>
            <SegmentedControl
              data={CAMPAIGN_CHANNELS.map((c) => ({ value: c, label: t(`campaigns.channel.${c}`) }))}
              value={values.channel}
              onChange={(value) => set({ channel: value as CampaignInput['channel'] })}
              disabled={!draft}
            />
          </div>
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="md" mb="md">
        <Title order={4} mb="sm">
          {t('campaigns.selection')}
        </Title>
        <SelectionEditor
          channel={values.channel}
          filter={values.filter}
          onChange={(filter) => set({ filter })}
          readOnly={!draft}
        />
      </Paper>
      <Paper withBorder radius="md" p="md" mb="md">
        <Stack gap="sm">
          <Title order={4}>{t('campaigns.text')}</Title>
          <Text size="sm" c="dimmed">
            {t('campaigns.placeholders', { list: CAMPAIGN_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ') })}
          </Text>
          <TextInput
            label={t(values.channel === 'letter' ? 'campaigns.field.title' : 'campaigns.field.subject')}
            maxLength={CAMPAIGN_TEXT_MAX.subject}
            value={values.subject}
            onChange={(e) => set({ subject: e.currentTarget.value })}
            error={errors.subject}
            disabled={!draft}
          />
          <Textarea
            label={t('campaigns.field.body')}
            autosize
            minRows={6}
            maxLength={CAMPAIGN_TEXT_MAX.body}
            value={values.body}
            onChange={(e) => set({ body: e.currentTarget.value })}
            error={errors.body}
            disabled={!draft}
          />
          {values.channel === 'call' && (
            <MultiSelect
              label={t('campaigns.field.team')}
              data={team}
              value={values.teamUserIds ?? []}
              onChange={(teamUserIds) => set({ teamUserIds })}
              error={errors.teamUserIds}
              searchable
              disabled={!draft}
            />
          )}
        </Stack>
      </Paper>
      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title={t('campaigns.confirm.title')}>
        <Stack>
          <Text>{t(`campaigns.confirm.text.${values.channel}`, { count: confirm ?? 0 })}</Text>
          {confirm === 0 && <Alert color="yellow">{t('campaigns.confirm.none')}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(null)}>
              {t('campaigns.confirm.cancel')}
            </Button>
            <Button onClick={() => void onStart()} loading={start.isPending} disabled={confirm === 0}>
              {t('campaigns.confirm.start', { count: confirm ?? 0 })}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
