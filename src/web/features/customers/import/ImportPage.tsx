import { Paper, Stepper } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@web/ui/components/PageHeader';
import { ApplyStep } from './ApplyStep';
import { DryRunStep } from './DryRunStep';
import type { ImportSettings, ImportUploadResult } from './import-api';
import { MappingStep } from './MappingStep';
import { UploadStep } from './UploadStep';

const FILE = 0;
const MAPPING = 1;
const DRY_RUN = 2;
const APPLY = 3;

/** Import wizard: upload a file, map its columns, check every row in a dry run, then apply. */
export default function ImportPage() {
  const { t } = useTranslation();
  const [step, setStep] = useState(FILE);
  const [upload, setUpload] = useState<ImportUploadResult | null>(null);
  const [settings, setSettings] = useState<ImportSettings>({ mapping: {}, duplicateHandling: 'skip' });

  const onUploaded = (result: ImportUploadResult) => {
    setUpload(result);
    // Every header gets an entry, so the select shows "do not import" rather than nothing.
    const mapping = Object.fromEntries(result.headers.map((header) => [header, result.suggestedMapping[header] ?? '']));
    setSettings({ mapping, duplicateHandling: 'skip' });
    setStep(MAPPING);
  };

  const restart = () => {
    setUpload(null);
    setStep(FILE);
  };

  // Once the import is applying there is no going back to earlier steps.
  const canGoTo = (target: number) => step !== APPLY && target < step;

  return (
    <>
      <PageHeader title={t('imports.title')} description={t('imports.subtitle')} />
      <Paper withBorder radius="md" p="lg">
        <Stepper active={step} onStepClick={(target) => canGoTo(target) && setStep(target)} size="sm">
          <Stepper.Step label={t('imports.steps.file')} allowStepSelect={canGoTo(FILE)}>
            <UploadStep onUploaded={onUploaded} />
          </Stepper.Step>
          <Stepper.Step label={t('imports.steps.mapping')} allowStepSelect={canGoTo(MAPPING)}>
            {upload && (
              <MappingStep
                upload={upload}
                settings={settings}
                onChange={setSettings}
                onBack={() => setStep(FILE)}
                onNext={() => setStep(DRY_RUN)}
              />
            )}
          </Stepper.Step>
          <Stepper.Step label={t('imports.steps.dryRun')} allowStepSelect={canGoTo(DRY_RUN)}>
            {upload && (
              <DryRunStep
                importId={upload.id}
                settings={settings}
                fields={upload.fields}
                onBack={() => setStep(MAPPING)}
                onApply={() => setStep(APPLY)}
              />
            )}
          </Stepper.Step>
          <Stepper.Step label={t('imports.steps.apply')} allowStepSelect={false}>
            {upload && <ApplyStep importId={upload.id} settings={settings} onRestart={restart} />}
          </Stepper.Step>
        </Stepper>
      </Paper>
    </>
  );
}
