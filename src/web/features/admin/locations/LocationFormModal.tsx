import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Location } from '@shared/org/schemas';
import { LocationForm } from './LocationForm';

interface LocationFormModalProps {
  opened: boolean;
  /** The location to edit; null to create a new one. */
  location: Location | null;
  onClose(): void;
}

export function LocationFormModal({ opened, location, onClose }: LocationFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={location ? t('admin.locations.editTitle') : t('admin.locations.createTitle')}
      size="xl"
      closeOnClickOutside={false}
    >
      <LocationForm location={location} onClose={onClose} />
    </Modal>
  );
}
