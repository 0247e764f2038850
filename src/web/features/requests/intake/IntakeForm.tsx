import {
  Button,
  Chip,
  FileInput,
  Group,
  Kbd,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Input,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconPaperclip } from '@tabler/icons-react';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEPARTMENT_KINDS } from '@shared/org/enums';
import { PRIORITIES, REQUEST_CHANNELS, REQUEST_TYPES, type RequestType } from '@shared/requests/enums';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_FILES } from '@shared/requests/attachments';
import { RequestCreate } from '@shared/requests/schemas';
import { describeProblem, reportError, zodValidate } from '@web/ui/form-errors';
import { useLocations } from '@web/app/org-queries';
import { DayTimeFields } from '@web/ui/date-fields';
import { useContactVehicles } from '@web/features/customers/queries';
import { ACCEPT, fileProblem } from '../attachments/files';
import { useFileProblemText } from '../attachments/problem-text';
import { uploadAttachments } from '../attachments/queries';
import { useCreateLetterRequest, useCreateRequest } from '../queries';
import { LetterScanInput, scanProblem } from '../letters/LetterScanInput';
import type { CustomerRequest } from '../types';
import { CALLBACK_WINDOWS, windowPassed } from './callback-windows';
import { CustomerSection } from './CustomerSection';
import {
  customWindowErrors,
  defaultSubject,
  initialValues,
  NAMES_DEPARTMENT,
  newCustomerErrors,
  toBody,
  type IntakeValues,
} from './intake-values';
import { WalkInAssignee } from './WalkInAssignee';
import { WalkInPanel } from './WalkInPanel';

interface IntakeFormProps {
  params: URLSearchParams;
  homeLocationId: string;
  onCreated(request: CustomerRequest): void;
}

function VehicleSelect({
  contactId,
  value,
  onChange,
}: {
  contactId: string;
  value: string | null;
  onChange(id: string | null): void;
}) {
  const { t } = useTranslation();
  const vehicles = useContactVehicles(contactId);
  const data = (vehicles.data ?? [])
    .filter((vehicle) => vehicle.current)
    .map((vehicle) => ({
      value: vehicle.id,
      label: [vehicle.make, vehicle.model, vehicle.plate].filter(Boolean).join(' · '),
    }));
  if (data.length === 0) return null;
  return (
    <Select
      label={t('requests.intake.vehicle')}
      placeholder={t('requests.intake.noVehicle')}
      data={data}
      value={value}
      onChange={onChange}
      clearable
    />
  );
}

/**
 * The fast intake (R0.5): everything reachable by Tab in the order it is
 * asked on the phone; Ctrl+Enter saves from anywhere in the form.
 */
export function IntakeForm({ params, homeLocationId, onCreated }: IntakeFormProps) {
  const { t } = useTranslation();
  const locations = useLocations();
  const create = useCreateRequest();
  const createLetter = useCreateLetterRequest();
  // One key per filled-in form: a double click or a retried upload makes one request.
  const [letterKey] = useState(() => crypto.randomUUID());
  const [scan, setScan] = useState<File | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const messageRef = useRef<HTMLTextAreaElement>(null);
  const walkIn = params.get('channel') === 'walk_in';
  const now = new Date();

  const [files, setFiles] = useState<File[]>([]);
  const problemText = useFileProblemText();
  const found = fileProblem(files);
  const filesProblem = found ? problemText(found) : null;

  const form = useForm<IntakeValues>({
    initialValues: initialValues(params, homeLocationId),
    validate: (values) => ({
      ...zodValidate<IntakeValues>(RequestCreate, (v) => toBody(v))(values),
      ...newCustomerErrors(values),
      ...customWindowErrors(values),
    }),
  });

  function changeType(type: RequestType) {
    const { subject, type: previous } = form.getValues();
    // The subject follows the type until someone writes their own.
    if (!subject.trim() || subject === defaultSubject(previous)) form.setFieldValue('subject', defaultSubject(type));
    form.setFieldValue('type', type);
  }

  async function submit(values: IntakeValues) {
    // Without a scan a letter is typed in by hand, as before.
    if (values.channel === 'letter' && scan) {
      if (!scanProblem(scan)) await submitLetter(values, scan);
      return;
    }
    if (filesProblem) return;
    let created: CustomerRequest;
    try {
      created = await create.mutateAsync(toBody(values));
    } catch (error) {
      reportError(error, form);
      return;
    }
    // The request stands on its own; files that fail to upload can be attached again on it.
    if (files.length > 0) {
      try {
        await uploadAttachments(created.id, files);
      } catch (error) {
        notifications.show({
          color: 'red',
          message: t('requests.attachments.uploadFailed', { message: describeProblem(error).replace(/\.$/, '') }),
        });
      }
    }
    onCreated(created);
  }

  /** A scanned letter: the request and the scan in one upload; the text is read on the server afterwards. */
  async function submitLetter(values: IntakeValues, scan: File) {
    try {
      onCreated(await createLetter.mutateAsync({ body: toBody(values), file: scan, key: letterKey }));
    } catch (error) {
      reportError(error, form);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== 'Enter') return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      form.onSubmit(submit)();
      return;
    }
    // A plain Enter in a one-line field must not send a half-finished request.
    if (event.target instanceof HTMLInputElement) event.preventDefault();
  }

  const { values } = form;
  return (
    <form onSubmit={form.onSubmit(submit)} onKeyDown={onKeyDown} aria-label={t('requests.intake.formLabel')}>
      <Stack gap="md">
        <CustomerSection
          form={form}
          initialQuery={params.get('phone') ?? ''}
          searchRef={searchRef}
          onChosen={() => setTimeout(() => messageRef.current?.focus(), 0)}
        />
        {walkIn && values.contactId && <WalkInPanel contactId={values.contactId} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('requests.fields.type')}
            data={REQUEST_TYPES.map((type) => ({ value: type, label: t(`requests.type.${type}`) }))}
            value={values.type}
            onChange={(value) => value && changeType(value as RequestType)}
            allowDeselect={false}
          />
          <Select
            label={t('requests.fields.channel')}
            data={REQUEST_CHANNELS.map((channel) => ({ value: channel, label: t(`requests.channel.${channel}`) }))}
            allowDeselect={false}
            {...form.getInputProps('channel')}
          />
          {NAMES_DEPARTMENT.has(values.type) && (
            <Select
              label={t('requests.fields.department')}
              description={t('requests.intake.departmentHint')}
              data={DEPARTMENT_KINDS.map((kind) => ({ value: kind, label: t(`departments.${kind}`) }))}
              clearable
              value={values.department || null}
              onChange={(value) => form.setFieldValue('department', (value ?? '') as IntakeValues['department'])}
              error={form.errors.department}
            />
          )}
        </SimpleGrid>
        {values.channel === 'walk_in' && (
          <WalkInAssignee
            locationId={values.locationId}
            contactId={values.newCustomer ? '' : values.contactId}
            value={values.assigneeId}
            onChange={(id) => form.setFieldValue('assigneeId', id)}
            error={form.errors.assigneeId}
          />
        )}
        <TextInput label={t('requests.fields.subject')} withAsterisk {...form.getInputProps('subject')} />
        <Textarea
          ref={messageRef}
          label={t('requests.fields.message')}
          description={t('requests.intake.messageHint')}
          autosize
          minRows={3}
          maxRows={10}
          {...form.getInputProps('message')}
        />
        {/* Nobody calls back a customer who is standing at the desk. */}
        {values.channel !== 'walk_in' && (
          <Stack gap={6}>
            <Input.Label id="callback-window-label">{t('requests.intake.callbackWindow')}</Input.Label>
            <Chip.Group
              value={values.callbackWindow}
              onChange={(value) => form.setFieldValue('callbackWindow', value as IntakeValues['callbackWindow'])}
            >
              <Group gap="xs" role="radiogroup" aria-labelledby="callback-window-label">
                {CALLBACK_WINDOWS.map((pick) => (
                  <Chip key={pick} value={pick} size="sm" disabled={windowPassed(pick, now)}>
                    {t(`requests.intake.windows.${pick}`)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
            {values.callbackWindow === 'custom' && (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <DayTimeFields
                  label={t('requests.intake.from')}
                  value={values.callbackCustom.from}
                  error={form.errors['callbackCustom.from'] ?? form.errors.callbackFrom}
                  onChange={(from) => {
                    form.setFieldValue('callbackCustom.from', from);
                    // Moving either end can turn a backwards window the right way round.
                    form.clearFieldError('callbackFrom');
                    form.clearFieldError('callbackTo');
                  }}
                />
                <DayTimeFields
                  label={t('requests.intake.to')}
                  value={values.callbackCustom.to}
                  error={form.errors['callbackCustom.to'] ?? form.errors.callbackTo}
                  onChange={(to) => {
                    form.setFieldValue('callbackCustom.to', to);
                    form.clearFieldError('callbackTo');
                  }}
                />
              </SimpleGrid>
            )}
          </Stack>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Stack gap={4}>
            <Input.Label>{t('requests.fields.priority')}</Input.Label>
            <SegmentedControl
              data={PRIORITIES.map((priority) => ({ value: priority, label: t(`requests.priority.${priority}`) }))}
              {...form.getInputProps('priority')}
            />
          </Stack>
          <Select
            label={t('requests.fields.location')}
            data={(locations.data ?? []).map((location) => ({ value: location.id, label: location.name }))}
            allowDeselect={false}
            {...form.getInputProps('locationId')}
          />
        </SimpleGrid>
        {values.contactId && (
          <VehicleSelect
            contactId={values.contactId}
            value={values.vehicleId}
            onChange={(id) => form.setFieldValue('vehicleId', id)}
          />
        )}
        {values.channel === 'letter' && (
          <LetterScanInput
            value={scan}
            onChange={(file) => {
              setScan(file);
              form.clearFieldError('file');
            }}
            error={form.errors.file}
          />
        )}
        {values.channel !== 'letter' && (
          <FileInput
            label={t('requests.attachments.field')}
            description={t('requests.attachments.fieldHint', {
              megabytes: ATTACHMENT_MAX_BYTES / (1024 * 1024),
              max: ATTACHMENT_MAX_FILES,
            })}
            multiple
            clearable
            accept={ACCEPT}
            value={files}
            onChange={setFiles}
            error={filesProblem}
            leftSection={<IconPaperclip size={16} />}
          />
        )}
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">{t('requests.intake.ctrl')}</Kbd> + <Kbd size="xs">Enter</Kbd>{' '}
            {t('requests.intake.shortcut')}
          </Text>
          <Button
            type="submit"
            loading={create.isPending || createLetter.isPending}
            leftSection={<IconDeviceFloppy size={16} />}
          >
            {t('requests.intake.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
