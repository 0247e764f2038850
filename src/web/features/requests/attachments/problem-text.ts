import { useTranslation } from 'react-i18next';
import type { FileProblem } from './files';

export function useFileProblemText() {
  const { t } = useTranslation();
  return (problem: FileProblem): string => {
    switch (problem.kind) {
      case 'tooMany':
        return t('requests.attachments.tooMany', { max: problem.max });
      case 'tooLarge':
        return t('requests.attachments.tooLarge', { name: problem.name, megabytes: problem.megabytes });
      case 'type':
        return t('requests.attachments.type', { name: problem.name });
    }
  };
}
