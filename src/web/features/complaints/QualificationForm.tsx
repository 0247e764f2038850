import { Button, Group, Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_JUSTIFIED,
  COMPLAINT_SEVERITIES,
  COMPLAINT_TEXT_MAX,
  type Complaint,
  ComplaintQualification,
} from '@shared/complaints/schemas';
import { DEPARTMENT_KINDS } from '@shared/org/enums';
import { zodValidate } from '@web/ui/form-errors';

export interface QualificationValues {
  category: string | null;
  severity: string | null;
  department: string | null;
  vehicleId: string | null;
  justified: string;
  rootCause: string;
}

/**
 * The complaint's qualification: category, severity, the customer's car (VIN shown), the
 * department responsible, justified or not, root cause. Category and car feed the similar
 * cases beside it while the form is filled in.
 */
export function QualificationForm({
  complaint,
  busy,
  onChange,
  onSubmit,
}: {
  complaint: Complaint;
  busy?: boolean;
  onChange?: (values: QualificationValues) => void;
  onSubmit: (body: Record<string, unknown>, setErrors: (errors: Record<string, string>) => void) => void;
}) {
  const { t } = useTranslation();
  const form = useForm<QualificationValues>({
    initialValues: {
      category: complaint.category,
      severity: complaint.severity,
      department: complaint.department,
      vehicleId: complaint.vehicle?.id ?? null,
      justified: complaint.justified,
      rootCause: complaint.rootCause ?? '',
    },
    validate: zodValidate(ComplaintQualification, (v: QualificationValues) => toBody(v, complaint.version)),
    onValuesChange: (values) => onChange?.(values),
  });
  const options = (values: readonly string[], prefix: 'category' | 'severity' | 'department' | 'justified') =>
    values.map((value) => ({ value, label: t(`complaints.${prefix}.${value}` as 'complaints.category.other') }));
  const vehicles = complaint.customerVehicles.map((v) => ({
    value: v.id,
    label: v.vin ? `${v.label} · ${t('complaints.vin')} ${v.vin}` : v.label,
  }));

  return (
    <form
      aria-label={t('complaints.qualification')}
      onSubmit={form.onSubmit((values) => onSubmit(toBody(values, complaint.version), form.setErrors))}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('complaints.fields.category')}
            data={options(COMPLAINT_CATEGORIES, 'category')}
            withAsterisk
            {...form.getInputProps('category')}
          />
          <Select
            label={t('complaints.fields.severity')}
            data={options(COMPLAINT_SEVERITIES, 'severity')}
            withAsterisk
            {...form.getInputProps('severity')}
          />
          <Select
            label={t('complaints.fields.department')}
            data={options(DEPARTMENT_KINDS, 'department')}
            withAsterisk
            {...form.getInputProps('department')}
          />
          <Select
            label={t('complaints.fields.justified')}
            data={options(COMPLAINT_JUSTIFIED, 'justified')}
            {...form.getInputProps('justified')}
          />
        </SimpleGrid>
        <Select
          label={t('complaints.fields.vehicle')}
          placeholder={vehicles.length === 0 ? t('complaints.noVehicles') : t('complaints.pickVehicle')}
          data={vehicles}
          clearable
          disabled={vehicles.length === 0}
          {...form.getInputProps('vehicleId')}
        />
        <Textarea
          label={t('complaints.fields.rootCause')}
          autosize
          minRows={2}
          maxLength={COMPLAINT_TEXT_MAX.rootCause}
          {...form.getInputProps('rootCause')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            {complaint.status === 'new' ? t('complaints.qualify') : t('complaints.saveQualification')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function toBody(v: QualificationValues, version: number) {
  return {
    category: v.category ?? undefined,
    severity: v.severity ?? undefined,
    department: v.department ?? undefined,
    vehicleId: v.vehicleId,
    justified: v.justified,
    rootCause: v.rootCause.trim() || null,
    version,
  };
}
