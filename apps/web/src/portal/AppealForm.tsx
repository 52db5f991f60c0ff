import { Button, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { bearer, client, unwrap } from '../api/client.js';
import { textField } from '../common/form.js';

/** A rejection can be appealed with a statement; someone who did not decide looks at it again. */
export function AppealForm({ reference, token }: { reference: string; token: string }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const appeal = useMutation({
    mutationFn: (statement: string) =>
      unwrap(
        client.POST('/api/v1/requests/{reference}/appeal', {
          params: { path: { reference } },
          headers: bearer(token),
          body: { statement },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['request', reference] }),
  });
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          appeal.mutate(textField(new FormData(event.currentTarget), 'statement').trim());
        }}
      >
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('status.appealHeading')}
          </Title>
          <Text size="sm">{t('status.appealHelp')}</Text>
          <Textarea name="statement" label={t('status.statement')} required minRows={3} autosize maxLength={4000} />
          {appeal.error && (
            <Text c="red.9" role="alert">
              {appeal.error.message}
            </Text>
          )}
          <Button type="submit" loading={appeal.isPending} w="fit-content">
            {t('status.appeal')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
