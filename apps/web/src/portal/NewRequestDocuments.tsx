import { Alert, Anchor, Button, Code, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RequestCreatedView } from '../api/openapi.js';
import { DocumentsChecklist } from './DocumentsChecklist.js';
import { useRequestStatus } from './StatusPage.js';

/** The last step: the token shown once, the link to keep, and the documents to send now or later. */
export function NewRequestDocuments({ created }: { created: RequestCreatedView }) {
  const { t } = useTranslation();
  const status = useRequestStatus(created.reference, created.accessToken);
  const link = `/requests/${created.reference}#t=${created.accessToken}`;
  return (
    <Stack gap="md" mt="md">
      <Alert color="teal" variant="light" aria-live="polite">
        <Title order={3} size="h4">
          {t('request.sent', { reference: created.reference })}
        </Title>
        <Text mt="xs">{t('request.keep')}</Text>
        <Group mt="xs" gap="xs">
          <Text fw={600}>{t('request.token')}:</Text>
          <Code>{created.accessToken}</Code>
          <CopyButton value={created.accessToken}>
            {({ copied, copy }) => (
              <Button size="compact-sm" variant="outline" onClick={copy}>
                {copied ? t('request.copied') : t('request.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text mt="xs">
          {t('request.link')}{' '}
          <Anchor component={Link} to={link}>
            {t('request.next')}
          </Anchor>
        </Text>
      </Alert>
      <Text>{t('request.documentsIntro')}</Text>
      {status.data && <DocumentsChecklist request={status.data} token={created.accessToken} />}
    </Stack>
  );
}
