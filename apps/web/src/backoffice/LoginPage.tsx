import { Alert, Button, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { client, csrfToken, unwrap } from '../api/client.js';
import { textField } from '../common/form.js';

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const login = useMutation({
    mutationFn: (credentials: { email: string; password: string }) =>
      unwrap(client.POST('/api/v1/auth/login', { body: credentials })),
    onSuccess: async (session) => {
      csrfToken.keep(session.csrfToken);
      await queries.invalidateQueries({ queryKey: ['me'] });
      void navigate('/backoffice');
    },
  });
  return (
    <Paper withBorder p="xl" maw={420} mx="auto" mt="xl">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          login.mutate({ email: textField(form, 'email'), password: textField(form, 'password') });
        }}
      >
        <Stack>
          <Title order={2}>{t('backoffice.login')}</Title>
          <TextInput name="email" type="email" label={t('backoffice.email')} autoComplete="username" required />
          <TextInput
            name="password"
            type="password"
            label={t('backoffice.password')}
            autoComplete="current-password"
            required
          />
          {login.error && (
            <Alert color="red" role="alert">
              {login.error.message}
            </Alert>
          )}
          <Button type="submit" loading={login.isPending}>
            {t('backoffice.signIn')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
