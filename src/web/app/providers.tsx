import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import './notifications.css';

import { MantineProvider } from '@mantine/core';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import i18next from '../i18n';
import { AuthProvider } from './auth';
import { createQueryClient } from './query-client';
import { theme } from './theme';

// A date typed as "05.03.2027" is read by the field's own format (day first), not as the
// browser's Date would read it (5 May, or nothing at all for "31.12.2027").
dayjs.extend(customParseFormat);

interface ProvidersProps {
  children: ReactNode;
  /** Tests pass their own client so that every test starts with an empty cache. */
  queryClient?: QueryClient;
  /** 'test' turns off transitions and portals, so tests see dialogs at once. */
  env?: 'default' | 'test';
}

export function Providers({ children, queryClient, env }: ProvidersProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <I18nextProvider i18n={i18next}>
      <MantineProvider theme={theme} defaultColorScheme="light" env={env}>
        <Notifications position="top-right" limit={3} />
        <QueryClientProvider client={client}>
          <AuthProvider>{children}</AuthProvider>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
