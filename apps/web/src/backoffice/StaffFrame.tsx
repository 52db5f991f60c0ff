import { Button, Group, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { client, csrfToken, unwrap } from '../api/client.js';
import type { MeView } from '../api/openapi.js';
import { useMe } from './session.js';

/** Back-office pages: signed in or sent to the login, with who you are and a way out. */
export function StaffFrame({ children }: { children: (me: MeView) => ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const signOut = useMutation({
    mutationFn: () => unwrap(client.POST('/api/v1/auth/logout')),
    onSettled: () => {
      csrfToken.forget();
      queries.clear();
      void navigate('/backoffice/login');
    },
  });
  if (me.error?.status === 401) return <Navigate to="/backoffice/login" />;
  if (!me.data) return <Text>{t('status.loading')}</Text>;
  return (
    <>
      <Group justify="flex-end" gap="sm" mb="md">
        <Text size="sm">
          {t('backoffice.signedInAs', { email: me.data.email, role: t(`backoffice.role.${me.data.role}`) })}
        </Text>
        <Button size="compact-sm" variant="default" onClick={() => signOut.mutate()}>
          {t('backoffice.signOut')}
        </Button>
      </Group>
      {children(me.data)}
    </>
  );
}
