import { Alert, Button, Group, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { client, unwrap } from '../api/client.js';
import { textField } from '../common/form.js';

/** The code from our e-mail confirms the address; the mail's link fills it in (`?code=`). */
export function ConfirmEmail({ reference }: { reference: string }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [searchParams] = useSearchParams();
  const confirm = useMutation({
    mutationFn: (code: string) =>
      unwrap(
        client.POST('/api/v1/requests/{reference}/email-confirmation', {
          params: { path: { reference } },
          body: { code },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['request', reference] }),
  });
  return (
    <Alert color="indigo" variant="light" title={t('status.confirmEmail')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          confirm.mutate(textField(new FormData(event.currentTarget), 'code').trim());
        }}
      >
        <Group align="flex-end">
          <TextInput
            name="code"
            label={t('status.code')}
            required
            autoComplete="one-time-code"
            defaultValue={searchParams.get('code') ?? ''}
            error={confirm.isError ? t('status.wrongCode') : undefined}
            style={{ flex: 1 }}
          />
          <Button type="submit" loading={confirm.isPending}>
            {t('status.confirm')}
          </Button>
        </Group>
      </form>
    </Alert>
  );
}
