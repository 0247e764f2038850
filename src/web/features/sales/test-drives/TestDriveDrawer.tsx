import {
  Alert,
  Badge,
  Button,
  Divider,
  Drawer,
  Group,
  Loader,
  NumberInput,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '@shared/auth/policies';
import { useCurrentUser } from '@web/app/auth';
import { api } from '@web/ui/api';
import { describeProblem, reportError, serverFieldErrors } from '@web/ui/form-errors';
import { type TestDrive, useTestDrive, useTestDriveAction } from './queries';
import { formatDateTime, formatTime } from './words';

/** One test drive: licence seen, out and back with mileage, cancel, and the agreement to print. */
export function TestDriveDrawer({ id, onClose }: { id: string | null; onClose(): void }) {
  const { t } = useTranslation();
  const drive = useTestDrive(id);
  return (
    <Drawer opened={Boolean(id)} onClose={onClose} position="right" title={t('testDrives.detail.title')} size="md">
      {drive.isLoading && <Loader />}
      {drive.error && <Alert color="red">{describeProblem(drive.error)}</Alert>}
      {drive.data && <Detail drive={drive.data} />}
    </Drawer>
  );
}

function Detail({ drive }: { drive: TestDrive }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const action = useTestDriveAction(drive.id);
  const mayAct = can(me.role, 'sales.testDrives.book');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [licenceNumber, setLicenceNumber] = useState(drive.licenceNumber ?? '');
  const [licenceAuthority, setLicenceAuthority] = useState(drive.licenceAuthority ?? '');
  const [mileage, setMileage] = useState<number | string>(drive.mileageOutKm ?? '');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [agreementBusy, setAgreementBusy] = useState(false);

  function run(kind: 'licence' | 'out' | 'back' | 'cancel', body: unknown) {
    setErrors({});
    action.mutate(
      { action: kind, body },
      {
        onError: (error) => {
          setErrors(serverFieldErrors(error) as Record<string, string>);
          reportError(error);
        },
      },
    );
  }

  async function agreement() {
    setAgreementBusy(true);
    try {
      const document = await api.post<{ id: string }>(`/test-drives/${drive.id}/agreement`);
      window.open(`/api/documents/${document.id}`, '_blank', 'noopener');
    } catch (error) {
      notifications.show({ color: 'red', message: describeProblem(error) });
    } finally {
      setAgreementBusy(false);
    }
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Text fw={600}>{drive.demoVehicle.label}</Text>
        <Badge>{t(`testDrives.status.${drive.status}`)}</Badge>
      </Group>
      <Text>
        {t('testDrives.detail.when')}: {formatDateTime(drive.startsAt)} – {formatTime(drive.endsAt)}
      </Text>
      <Text>
        {t('testDrives.detail.customer')}: {drive.contact.displayName} ({drive.contact.customerNumber})
      </Text>
      <Text>
        {t('testDrives.detail.consultant')}: {drive.consultant.displayName}
      </Text>
      {drive.outAt && (
        <Text>{t('testDrives.detail.outAt', { at: formatDateTime(drive.outAt), km: drive.mileageOutKm })}</Text>
      )}
      {drive.backAt && (
        <Text>{t('testDrives.detail.backAt', { at: formatDateTime(drive.backAt), km: drive.mileageBackKm })}</Text>
      )}
      {drive.note && <Text style={{ whiteSpace: 'pre-wrap' }}>{drive.note}</Text>}
      <Button variant="light" leftSection={<IconFileTypePdf size={16} />} onClick={agreement} loading={agreementBusy}>
        {t('testDrives.detail.agreement')}
      </Button>

      {mayAct && (drive.status === 'booked' || drive.status === 'out') && (
        <>
          <Divider label={t('testDrives.detail.licence')} />
          {drive.licenceCheckedBy && drive.licenceCheckedAt && (
            <Text size="sm" c="dimmed">
              {t('testDrives.detail.licenceSeen', {
                by: drive.licenceCheckedBy.displayName,
                at: formatDateTime(drive.licenceCheckedAt),
              })}
            </Text>
          )}
          <TextInput
            label={t('testDrives.detail.licenceNumber')}
            value={licenceNumber}
            onChange={(e) => setLicenceNumber(e.currentTarget.value)}
            error={errors.licenceNumber}
          />
          <TextInput
            label={t('testDrives.detail.licenceAuthority')}
            value={licenceAuthority}
            onChange={(e) => setLicenceAuthority(e.currentTarget.value)}
            error={errors.licenceAuthority}
          />
          <Button
            variant="default"
            onClick={() => run('licence', { licenceNumber, licenceAuthority })}
            loading={action.isPending}
          >
            {t('testDrives.detail.saveLicence')}
          </Button>
        </>
      )}

      {mayAct && drive.status === 'booked' && (
        <>
          <Divider label={t('testDrives.detail.out')} />
          <NumberInput
            label={t('testDrives.detail.mileageOut')}
            value={mileage}
            onChange={setMileage}
            min={0}
            suffix=" km"
            error={errors.mileageOutKm}
          />
          <Button onClick={() => run('out', { mileageOutKm: Number(mileage) })} loading={action.isPending}>
            {t('testDrives.detail.out')}
          </Button>
          <Divider label={t('testDrives.detail.cancel')} />
          <TextInput
            label={t('testDrives.detail.cancelReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
          />
          <Button
            color="red"
            variant="light"
            onClick={() => run('cancel', { reason, version: drive.version })}
            loading={action.isPending}
          >
            {t('testDrives.detail.confirmCancel')}
          </Button>
        </>
      )}

      {mayAct && drive.status === 'out' && (
        <>
          <Divider label={t('testDrives.detail.back')} />
          <NumberInput
            label={t('testDrives.detail.mileageBack')}
            value={mileage}
            onChange={setMileage}
            min={0}
            suffix=" km"
            error={errors.mileageBackKm}
          />
          <Textarea
            label={t('testDrives.detail.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note}
          />
          <Button
            onClick={() => run('back', { mileageBackKm: Number(mileage), note: note || null })}
            loading={action.isPending}
          >
            {t('testDrives.detail.back')}
          </Button>
        </>
      )}
    </Stack>
  );
}
