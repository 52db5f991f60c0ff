import { Button, Group, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { bearer, client, unwrap } from '../api/client.js';

/** Withdrawing cannot be undone, so it asks once more. */
export function WithdrawButton({ reference, token }: { reference: string; token: string }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const withdraw = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST('/api/v1/requests/{reference}/withdrawal', {
          params: { path: { reference } },
          headers: bearer(token),
        }),
      ),
    onSuccess: () => {
      close();
      return queries.invalidateQueries({ queryKey: ['request', reference] });
    },
  });
  return (
    <>
      <Button variant="outline" color="red.9" onClick={open} w="fit-content">
        {t('status.withdraw')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('status.withdraw')} centered>
        <Text mb="md">{t('status.withdrawConfirm')}</Text>
        {withdraw.error && (
          <Text c="red.9" role="alert" mb="sm">
            {withdraw.error.message}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('status.keepIt')}
          </Button>
          <Button color="red.9" loading={withdraw.isPending} onClick={() => withdraw.mutate()}>
            {t('status.withdrawYes')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
