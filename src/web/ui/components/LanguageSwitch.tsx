import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '@shared/org/enums';
import { changeLocale, currentLocale } from '@web/i18n';

/** DE/EN toggle; the choice is remembered on this device. */
export function LanguageSwitch({ fullWidth }: { fullWidth?: boolean }) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      fullWidth={fullWidth}
      aria-label={t('userMenu.language')}
      value={currentLocale()}
      onChange={(value) => void changeLocale(value as Locale)}
      data={LOCALES.map((locale) => ({ value: locale, label: t(`language.${locale}`) }))}
    />
  );
}
