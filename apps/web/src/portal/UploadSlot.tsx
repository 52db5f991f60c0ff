import { Alert, Button, NativeSelect, Progress, Stack, VisuallyHidden } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type DocumentType, SERVED_DOCUMENT_TYPES, SERVED_VIA, type ServedVia } from '@vocabulary';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, upload } from '../api/client.js';

const ACCEPTED_TYPES = 'application/pdf,image/jpeg,image/png,image/tiff,image/heic';

/** One file for one document of the checklist, with a progress bar and the refusal in the reader's words. */
export function UploadSlot({ reference, token, type }: { reference: string; token: string; type: DocumentType }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [servedVia, setServedVia] = useState<ServedVia>('POST');
  const served = SERVED_DOCUMENT_TYPES.has(type);

  const send = (file: File) => {
    const form = new FormData();
    form.set('type', type);
    if (served) form.set('servedVia', servedVia);
    form.set('file', file);
    setRefusal(null);
    setProgress(0);
    upload(reference, token, form, setProgress).then(
      () => void queries.invalidateQueries({ queryKey: ['request', reference] }),
      (error: unknown) => {
        setProgress(null);
        setRefusal(refusalText(error, t));
      },
    );
  };

  return (
    <Stack gap="xs" mt="xs">
      {served && (
        <NativeSelect
          label={t('status.servedVia')}
          value={servedVia}
          onChange={(event) => setServedVia(event.currentTarget.value as ServedVia)}
          data={SERVED_VIA.map((value) => ({ value, label: t(`servedVia.${value}`) }))}
        />
      )}
      {/* A button-like label in the page's language around a hidden native input: the browser's
          own "Choose file" would speak the browser's language, not the family's. */}
      <Button component="label" variant="light" className="upload-button" w="fit-content">
        {t('status.upload')}: {t(`documentType.${type}`)}
        <VisuallyHidden>
          <input
            type="file"
            accept={ACCEPTED_TYPES}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) send(file);
              event.target.value = '';
            }}
          />
        </VisuallyHidden>
      </Button>
      {progress !== null && (
        <Progress
          value={Math.round(progress * 100)}
          aria-label={`${t('status.progress')}: ${t(`documentType.${type}`)}`}
          animated={progress < 1}
        />
      )}
      {refusal && (
        <Alert color="red" role="alert" variant="light">
          {refusal}
        </Alert>
      )}
    </Stack>
  );
}

/** Too big and wrong type are said in the family's language; anything else in the server's words. */
function refusalText(error: unknown, t: (key: string) => string): string {
  if (error instanceof ApiError && error.status === 413) return t('status.tooBig');
  if (error instanceof ApiError && error.status === 415) return t('status.wrongType');
  return error instanceof Error && error.message !== 'network' ? error.message : t('error.generic');
}
