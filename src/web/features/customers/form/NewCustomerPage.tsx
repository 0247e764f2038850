import { Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ContactInput } from '@shared/contacts/schemas';
import { ApiError } from '@web/ui/api';
import { useCurrentUser } from '@web/app/auth';
import { PageHeader } from '@web/ui/components/PageHeader';
import { reportError, serverFieldErrors, zodValidate } from '@web/ui/form-errors';
import { useChooseContact } from '@web/features/telephony/queries';
import { canEditCustomers } from '../permissions';
import { useCreateContact, useDuplicateCheck } from '../queries';
import type { DuplicateCandidate } from '../types';
import { Forbidden } from '@web/app/guards';
import { ContactFormFields } from './ContactFormFields';
import { duplicateProbe } from './duplicate-probe';
import { DuplicateList, DuplicateWarning } from './DuplicateList';
import { emptyValues, prepareContact, type ContactFormValues } from './values';

const validateBody = zodValidate<unknown>(ContactInput);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A pause in typing this long checks for duplicates, so the hint follows what is in the form, not what was in it. */
const TYPING_PAUSE_MS = 400;

/**
 * /customers/new, prefilled from ?name=, ?phone= or ?email= (the search bar and
 * the phone pop-up use this); with ?call= the new customer becomes that call's caller. Warns about possible duplicates while typing and
 * again when the server finds some on saving.
 */
export default function NewCustomerPage() {
  const me = useCurrentUser();
  if (!canEditCustomers(me.role)) return <Forbidden />;
  return <NewCustomerForm homeLocationId={me.homeLocationId} />;
}

function NewCustomerForm({ homeLocationId }: { homeLocationId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const create = useCreateContact();
  // Opened from a call card: the customer made here is the caller.
  const callId = UUID.test(params.get('call') ?? '') ? params.get('call') : null;
  const linkCall = useChooseContact(callId ?? '');
  const duplicateCheck = useDuplicateCheck();
  const [candidates, setCandidates] = useState<DuplicateCandidate[]>([]);
  const [conflict, setConflict] = useState<DuplicateCandidate[] | null>(null);
  const lastProbe = useRef('');
  const typingPause = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(typingPause.current), []);

  const form = useForm<ContactFormValues>({
    initialValues: emptyValues({
      homeLocationId,
      name: params.get('name'),
      phone: params.get('phone'),
      email: params.get('email'),
    }),
    onValuesChange: () => {
      clearTimeout(typingPause.current);
      typingPause.current = setTimeout(checkDuplicates, TYPING_PAUSE_MS);
    },
    validate: (values) => {
      const { body, remap } = prepareContact(values);
      return remap(validateBody(body));
    },
  });

  async function findDuplicates(): Promise<DuplicateCandidate[]> {
    const probe = duplicateProbe(prepareContact(form.getValues()).body);
    if (!probe) return [];
    return duplicateCheck.mutateAsync(probe);
  }

  function checkDuplicates() {
    const probe = duplicateProbe(prepareContact(form.getValues()).body);
    const key = JSON.stringify(probe);
    if (key === lastProbe.current) return;
    lastProbe.current = key;
    if (!probe) {
      setCandidates([]);
      return;
    }
    // Only a hint: if the check fails, saving still asks the server. An answer to an
    // older probe (a slow name search overtaken by the phone number) is dropped.
    findDuplicates().then(
      (found) => {
        if (lastProbe.current === key) setCandidates(found);
      },
      () => undefined,
    );
  }

  // Coming from the search bar with a name or number: look for that customer right away.
  useEffect(() => {
    if (params.get('name') || params.get('phone') || params.get('email')) checkDuplicates();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for the prefilled values
  }, []);

  async function save(values: ContactFormValues, ignoreDuplicates: boolean) {
    const { body, remap } = prepareContact(values);
    try {
      const contact = await create.mutateAsync({ ...body, ignoreDuplicates });
      // The customer exists either way; a failed link is reported, and the card still offers the choice.
      if (callId) await linkCall.mutateAsync(contact.id).catch(reportError);
      notifications.show({ color: 'teal', message: t('customers.form.created', { name: contact.displayName }) });
      void navigate(`/customers/${contact.id}`, { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && error.code === 'possible-duplicates') {
        setConflict(await findDuplicates().catch(() => candidates));
        return;
      }
      const fieldErrors = remap(serverFieldErrors(error));
      if (Object.keys(fieldErrors).length > 0) form.setErrors(fieldErrors);
      else reportError(error);
    }
  }

  return (
    <>
      <PageHeader title={t('customers.new')} description={t('customers.form.newSubtitle')} />
      <form onSubmit={form.onSubmit((values) => void save(values, false))} noValidate>
        <Stack gap="md">
          <DuplicateWarning candidates={candidates} />
          <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
            <ContactFormFields form={form} onIdentityBlur={checkDuplicates} autoFocus />
          </Paper>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => void navigate(-1)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('customers.form.create')}
            </Button>
          </Group>
        </Stack>
      </form>

      <Modal
        opened={conflict !== null}
        onClose={() => setConflict(null)}
        title={t('customers.duplicates.title')}
        size="lg"
      >
        <Stack gap="md">
          <Text size="sm">{t('customers.duplicates.conflictText')}</Text>
          {conflict && conflict.length > 0 && <DuplicateList candidates={conflict} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConflict(null)} data-autofocus>
              {t('customers.duplicates.back')}
            </Button>
            <Button
              color="yellow"
              loading={create.isPending}
              onClick={() => {
                setConflict(null);
                void save(form.getValues(), true);
              }}
            >
              {t('customers.duplicates.createAnyway')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
