import { Alert, Button, FileButton, Grid, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconFileTypePdf, IconInfoCircle, IconPhoto, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '@shared/auth/policies';
import { type Letterhead, LetterheadInput } from '@shared/documents/letterhead';
import { useCurrentUser } from '@web/app/auth';
import { useLocations } from '@web/app/org-queries';
import { api, apiBlob, apiRequest } from '@web/ui/api';
import { PageHeader } from '@web/ui/components/PageHeader';
import { reportError, zodValidate } from '@web/ui/form-errors';

const FIELDS = [
  'companyName',
  'street',
  'postalCode',
  'city',
  'phone',
  'email',
  'web',
  'registerCourt',
  'registerNumber',
  'vatId',
  'managingDirectors',
  'bankName',
  'iban',
  'bic',
] as const;
type Values = Record<(typeof FIELDS)[number], string>;

const valuesOf = (l: Letterhead): Values =>
  Object.fromEntries(FIELDS.map((f) => [f, (l[f] as string | null) ?? ''])) as Values;

/** Opens a PDF the server renders in a new tab. */
async function openPdf(path: string) {
  window.open(URL.createObjectURL(await apiBlob(path, 'POST')), '_blank');
}

/** /admin/letterheads — the letterhead (Briefkopf) each location's offers, agreements and orders print on. */
export default function LetterheadPage() {
  const { t } = useTranslation();
  const locations = useLocations();
  const editable = can(useCurrentUser().role, 'documents.letterheads.manage');
  const [locationId, setLocationId] = useState<string | null>(null);
  const selected = locationId ?? locations.data?.[0]?.id ?? null;
  const queryClient = useQueryClient();
  const key = ['letterheads', selected];
  const letterhead = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.get<Letterhead>(`/letterheads/${selected}`, signal),
    enabled: Boolean(selected),
  });
  const form = useForm<Values>({
    initialValues: Object.fromEntries(FIELDS.map((f) => [f, ''])) as Values,
    validate: zodValidate(LetterheadInput),
  });
  useEffect(() => {
    if (letterhead.data) form.setValues(valuesOf(letterhead.data));
    // The form restarts from what is stored whenever another location's letterhead arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [letterhead.data]);
  const save = useMutation({
    mutationFn: (values: Values) => api.put<Letterhead>(`/letterheads/${selected}`, values),
    onSuccess: (data) => queryClient.setQueryData(key, data),
    onError: (error) => reportError(error, form),
  });
  const logo = useMutation({
    mutationFn: (file: File | null) => {
      if (!file) return api.delete<Letterhead>(`/letterheads/${selected}/logo`);
      const body = new FormData();
      body.append('logo', file);
      return apiRequest<Letterhead>(`/letterheads/${selected}/logo`, { method: 'PUT', body });
    },
    onSuccess: (data) => queryClient.setQueryData(key, data),
    onError: (error) => reportError(error),
  });
  const preview = useMutation({
    mutationFn: () => openPdf(`/letterheads/${selected}/preview`),
    onError: (error) => reportError(error),
  });

  const field = (name: (typeof FIELDS)[number], span = 6) => (
    <Grid.Col span={{ base: 12, sm: span }} key={name}>
      <TextInput label={t(`letterheads.fields.${name}`)} readOnly={!editable} {...form.getInputProps(name)} />
    </Grid.Col>
  );

  return (
    <>
      <PageHeader title={t('letterheads.title')} description={t('letterheads.subtitle')} />
      <Stack gap="md" maw={820}>
        <Select
          label={t('letterheads.location')}
          data={(locations.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
          value={selected}
          onChange={setLocationId}
          allowDeselect={false}
        />
        {letterhead.data && !letterhead.data.configured && (
          <Alert icon={<IconInfoCircle />} color="blue">
            {t('letterheads.notConfigured')}
          </Alert>
        )}
        {letterhead.isError && <Alert color="red">{t('letterheads.loadFailed')}</Alert>}
        <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
          <Grid>
            {field('companyName', 12)}
            {field('street')}
            {field('postalCode', 2)}
            {field('city', 4)}
            {field('phone', 4)}
            {field('email', 4)}
            {field('web', 4)}
            {field('registerCourt')}
            {field('registerNumber')}
            {field('vatId')}
            {field('managingDirectors')}
            {field('bankName', 4)}
            {field('iban', 5)}
            {field('bic', 3)}
          </Grid>
          <Group mt="md">
            {editable && (
              <Button type="submit" loading={save.isPending}>
                {t('letterheads.save')}
              </Button>
            )}
            <Button
              variant="default"
              leftSection={<IconFileTypePdf size={16} />}
              loading={preview.isPending}
              onClick={() => preview.mutate()}
              disabled={!selected}
            >
              {t('letterheads.preview')}
            </Button>
          </Group>
        </form>
        {editable && (
          <Group>
            <Text size="sm">{letterhead.data?.hasLogo ? t('letterheads.logoSet') : t('letterheads.noLogo')}</Text>
            <FileButton onChange={(file) => file && logo.mutate(file)} accept="image/png,image/jpeg">
              {(props) => (
                <Button {...props} variant="light" leftSection={<IconPhoto size={16} />} loading={logo.isPending}>
                  {t('letterheads.uploadLogo')}
                </Button>
              )}
            </FileButton>
            {letterhead.data?.hasLogo && (
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={16} />}
                onClick={() => logo.mutate(null)}
              >
                {t('letterheads.removeLogo')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </>
  );
}
