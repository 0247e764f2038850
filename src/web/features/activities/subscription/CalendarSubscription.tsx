import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Divider,
  Group,
  List,
  Loader,
  PasswordInput,
  Stack,
  Switch,
  Tabs,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconCalendarShare,
  IconCheck,
  IconCloudUpload,
  IconCopy,
  IconRefresh,
} from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaldavSettings, CalendarFeed } from '@shared/activities/calendar-sync';
import { ConfirmDialog } from '@web/ui/components/ConfirmDialog';
import { ErrorState } from '@web/ui/components/ErrorState';
import { reportError } from '@web/ui/form-errors';
import { formatDateTime } from '@web/ui/format';
import {
  useCaldav,
  useCalendarFeed,
  useFeedDetails,
  useRemoveCaldav,
  useRevokeFeed,
  useRotateFeed,
  useSaveCaldav,
  useTestCaldav,
} from './queries';

/** The secret URL with a copy button; shown once, right after it was made. */
function FeedUrl({ url }: { url: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="teal" variant="light" icon={<IconCalendarShare />} title={t('calendarSubscription.feed.urlTitle')}>
      <Stack gap="xs">
        <Text size="sm">{t('calendarSubscription.feed.urlOnce')}</Text>
        <Group wrap="nowrap" gap="xs">
          <Code block style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="feed-url">
            {url}
          </Code>
          <CopyButton value={url} timeout={2000}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t('common.copied') : t('common.copy')} withArrow>
                <ActionIcon
                  size="lg"
                  variant={copied ? 'filled' : 'light'}
                  color={copied ? 'teal' : undefined}
                  onClick={copy}
                  aria-label={t('common.copy')}
                >
                  {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}

function FeedSection() {
  const { t } = useTranslation();
  const feed = useCalendarFeed();
  const rotate = useRotateFeed();
  const details = useFeedDetails();
  const revoke = useRevokeFeed();
  const [url, setUrl] = useState<string | null>(null);
  const [withDetails, setWithDetails] = useState(false);
  const [confirm, setConfirm] = useState<'rotate' | 'revoke' | null>(null);

  const create = (includeDetails?: boolean) =>
    rotate.mutate(includeDetails, {
      onSuccess: (created: CalendarFeed) => {
        setUrl(created.url);
        setConfirm(null);
      },
      onError: (error) => reportError(error),
    });

  if (feed.isPending) return <Loader size="sm" />;
  if (feed.isError) return <ErrorState error={feed.error} onRetry={() => void feed.refetch()} />;
  const state = feed.data;

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('calendarSubscription.feed.intro')}
      </Text>
      {url && <FeedUrl url={url} />}
      {!state.active ? (
        <Stack gap="sm">
          <Checkbox
            label={t('calendarSubscription.feed.details')}
            description={t('calendarSubscription.feed.detailsHint')}
            checked={withDetails}
            onChange={(e) => setWithDetails(e.currentTarget.checked)}
          />
          <Group>
            <Button
              leftSection={<IconCalendarShare size={16} />}
              loading={rotate.isPending}
              onClick={() => create(withDetails)}
            >
              {t('calendarSubscription.feed.create')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <Group gap="xs">
            <Badge color="teal" variant="light">
              {t('calendarSubscription.feed.active')}
            </Badge>
            <Text size="sm" c="dimmed">
              {t('calendarSubscription.feed.since', { date: formatDateTime(state.createdAt!) })}
              {' · '}
              {state.lastFetchedAt
                ? t('calendarSubscription.feed.lastFetched', { date: formatDateTime(state.lastFetchedAt) })
                : t('calendarSubscription.feed.neverFetched')}
            </Text>
          </Group>
          <Switch
            label={t('calendarSubscription.feed.details')}
            description={t('calendarSubscription.feed.detailsHint')}
            checked={state.includeDetails}
            disabled={details.isPending}
            onChange={(e) => details.mutate(e.currentTarget.checked, { onError: (error) => reportError(error) })}
          />
          <Group>
            <Button variant="light" leftSection={<IconRefresh size={16} />} onClick={() => setConfirm('rotate')}>
              {t('calendarSubscription.feed.rotate')}
            </Button>
            <Button variant="subtle" color="red" onClick={() => setConfirm('revoke')}>
              {t('calendarSubscription.feed.revoke')}
            </Button>
          </Group>
        </Stack>
      )}
      <Divider label={t('calendarSubscription.feed.howTo')} labelPosition="left" />
      <List size="sm" spacing={4}>
        <List.Item>{t('calendarSubscription.feed.outlook')}</List.Item>
        <List.Item>{t('calendarSubscription.feed.google')}</List.Item>
        <List.Item>{t('calendarSubscription.feed.iphone')}</List.Item>
      </List>
      <ConfirmDialog
        opened={confirm === 'rotate'}
        title={t('calendarSubscription.feed.rotate')}
        message={t('calendarSubscription.feed.rotateConfirm')}
        confirmLabel={t('calendarSubscription.feed.rotate')}
        loading={rotate.isPending}
        onConfirm={() => create()}
        onClose={() => setConfirm(null)}
      />
      <ConfirmDialog
        opened={confirm === 'revoke'}
        title={t('calendarSubscription.feed.revoke')}
        message={t('calendarSubscription.feed.revokeConfirm')}
        confirmLabel={t('calendarSubscription.feed.revoke')}
        danger
        loading={revoke.isPending}
        onConfirm={() =>
          revoke.mutate(undefined, {
            onSuccess: () => {
              setUrl(null);
              setConfirm(null);
            },
            onError: (error) => reportError(error),
          })
        }
        onClose={() => setConfirm(null)}
      />
    </Stack>
  );
}

interface CaldavValues {
  url: string;
  username: string;
  password: string;
}

function CaldavForm({ state }: { state: CaldavSettings }) {
  const { t } = useTranslation();
  const save = useSaveCaldav();
  const remove = useRemoveCaldav();
  const test = useTestCaldav();
  const [confirmRemove, setConfirmRemove] = useState(false);
  const form = useForm<CaldavValues>({
    initialValues: { url: state.url ?? '', username: state.username ?? '', password: '' },
  });
  useEffect(() => {
    if (!state.configured) form.setValues({ url: '', username: '', password: '' });
    // Only when the stored settings go away.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.configured]);

  const input = (v: CaldavValues) => ({
    url: v.url.trim(),
    username: v.username.trim(),
    password: v.password || undefined,
  });

  return (
    <form
      onSubmit={form.onSubmit((values) =>
        save.mutate(input(values), {
          onSuccess: () => {
            form.setFieldValue('password', '');
            notifications.show({ color: 'teal', message: t('calendarSubscription.caldav.saved') });
          },
          onError: (error) => reportError(error, form),
        }),
      )}
    >
      <Stack gap="sm">
        <TextInput
          label={t('calendarSubscription.caldav.url')}
          description={t('calendarSubscription.caldav.urlHint')}
          placeholder="https://cloud.example.de/remote.php/dav/calendars/anna/crm/"
          required
          maxLength={500}
          {...form.getInputProps('url')}
        />
        <TextInput
          label={t('calendarSubscription.caldav.username')}
          required
          maxLength={200}
          autoComplete="off"
          {...form.getInputProps('username')}
        />
        <PasswordInput
          label={t('calendarSubscription.caldav.password')}
          description={state.hasPassword ? t('calendarSubscription.caldav.passwordKept') : undefined}
          required={!state.hasPassword}
          maxLength={500}
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        {test.data && (
          <Alert
            color={test.data.ok ? 'teal' : 'red'}
            variant="light"
            title={test.data.ok ? t('calendarSubscription.caldav.testOk') : t('calendarSubscription.caldav.testFailed')}
          >
            {test.data.message}
          </Alert>
        )}
        <Group justify="space-between">
          <Group gap="xs">
            <Button
              variant="light"
              loading={test.isPending}
              onClick={() =>
                test.mutate(form.values.url ? input(form.values) : {}, { onError: (error) => reportError(error, form) })
              }
            >
              {t('calendarSubscription.caldav.test')}
            </Button>
            {state.configured && (
              <Button variant="subtle" color="red" onClick={() => setConfirmRemove(true)}>
                {t('calendarSubscription.caldav.remove')}
              </Button>
            )}
          </Group>
          <Button type="submit" leftSection={<IconCloudUpload size={16} />} loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirmRemove}
        title={t('calendarSubscription.caldav.remove')}
        message={t('calendarSubscription.caldav.removeConfirm')}
        confirmLabel={t('calendarSubscription.caldav.remove')}
        danger
        loading={remove.isPending}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => setConfirmRemove(false),
            onError: (error) => reportError(error),
          })
        }
        onClose={() => setConfirmRemove(false)}
      />
    </form>
  );
}

function CaldavSection() {
  const { t } = useTranslation();
  const caldav = useCaldav();
  if (caldav.isPending) return <Loader size="sm" />;
  if (caldav.isError) return <ErrorState error={caldav.error} onRetry={() => void caldav.refetch()} />;
  const state = caldav.data;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('calendarSubscription.caldav.intro')}
      </Text>
      {state.configured && (
        <Group gap="xs">
          <Badge color={state.lastError ? 'red' : 'teal'} variant="light">
            {state.lastError ? t('calendarSubscription.caldav.failing') : t('calendarSubscription.caldav.active')}
          </Badge>
          <Text size="sm" c="dimmed">
            {state.lastPushAt
              ? t('calendarSubscription.caldav.lastPush', { date: formatDateTime(state.lastPushAt) })
              : t('calendarSubscription.caldav.noPushYet')}
          </Text>
        </Group>
      )}
      {state.lastError && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle />}
          title={t('calendarSubscription.caldav.lastError')}
        >
          {state.lastError}
          {state.lastErrorAt && (
            <Text size="xs" c="dimmed" mt={4}>
              {formatDateTime(state.lastErrorAt)}
            </Text>
          )}
        </Alert>
      )}
      <CaldavForm state={state} />
    </Stack>
  );
}

/** The user's own calendars outside the CRM: the subscription URL and the CalDAV push. */
export function CalendarSubscription() {
  const { t } = useTranslation();
  return (
    <Tabs defaultValue="feed" keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="feed">{t('calendarSubscription.feed.tab')}</Tabs.Tab>
        <Tabs.Tab value="caldav">{t('calendarSubscription.caldav.tab')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="feed">
        <FeedSection />
      </Tabs.Panel>
      <Tabs.Panel value="caldav">
        <CaldavSection />
      </Tabs.Panel>
    </Tabs>
  );
}
