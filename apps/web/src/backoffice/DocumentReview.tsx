import { Badge, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, unwrap } from '../api/client.js';
import type { DocumentView, VerificationDto } from '../api/openapi.js';
import { VerificationBadge } from '../common/StatusBadge.js';
import { DocumentPreview } from './DocumentPreview.js';

/** One document on the case page: preview it inline, then accept it, or reject it with a reason. */
export function DocumentReview({ reference, document }: { reference: string; document: DocumentView }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [previewing, setPreviewing] = useState(false);
  // The server refuses to show or accept what is not scanned clean; the buttons say so first.
  const { readable } = document;
  const [rejecting, setRejecting] = useState(false);
  const verify = useMutation({
    mutationFn: (body: VerificationDto) =>
      unwrap(
        client.POST('/api/v1/cases/{reference}/documents/{id}/verification', {
          params: { path: { reference, id: document.id } },
          body,
        }),
      ),
    onSuccess: () => {
      setRejecting(false);
      return queries.invalidateQueries({ queryKey: ['case', reference] });
    },
  });
  return (
    <Stack gap="xs" mt="xs" role="group" aria-label={document.fileName}>
      <Group gap="xs">
        <Text size="sm" fw={500}>
          {document.fileName}
        </Text>
        <Text size="sm">
          {document.mediaType} · {Math.ceil(document.size / 1024)} KiB
          {document.servedVia && ` · ${t(`servedVia.${document.servedVia}`)}`}
        </Text>
        <VerificationBadge verification={document.verification} />
      </Group>
      {document.scan === 'PENDING' && <Badge color="gray.7">{t('backoffice.scanPending')}</Badge>}
      {document.scan === 'INFECTED' && <Badge color="red.9">{t('backoffice.quarantined')}</Badge>}
      {document.rejectionReason && <Text size="sm">{document.rejectionReason}</Text>}
      <Group gap="xs">
        <Button size="compact-sm" variant="default" disabled={!readable} onClick={() => setPreviewing(!previewing)}>
          {previewing ? t('backoffice.closePreview') : t('backoffice.preview')}
        </Button>
        {document.verification !== 'ACCEPTED' && (
          <Button
            size="compact-sm"
            color="teal.9"
            disabled={!readable}
            onClick={() => verify.mutate({ result: 'ACCEPTED' })}
          >
            {t('backoffice.accept')}
          </Button>
        )}
        {document.verification !== 'REJECTED' && !rejecting && (
          <Button size="compact-sm" variant="outline" color="red.9" onClick={() => setRejecting(true)}>
            {t('backoffice.reject')}
          </Button>
        )}
      </Group>
      {rejecting && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const reason = new FormData(event.currentTarget).get('reason');
            verify.mutate({ result: 'REJECTED', reason: typeof reason === 'string' ? reason : '' });
          }}
        >
          <Group align="flex-end">
            <Textarea name="reason" label={t('backoffice.rejectDocument')} required autosize style={{ flex: 1 }} />
            <Button type="submit" color="red.9">
              {t('backoffice.reject')}
            </Button>
          </Group>
        </form>
      )}
      {verify.error && (
        <Text c="red.9" role="alert" size="sm">
          {verify.error.message}
        </Text>
      )}
      {previewing && <DocumentPreview reference={reference} document={document} />}
    </Stack>
  );
}
