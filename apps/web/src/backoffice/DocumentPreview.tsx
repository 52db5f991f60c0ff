import { Alert, Anchor, Loader, Stack } from '@mantine/core';
import { GlobalWorkerOptions, getDocument } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, unwrap } from '../api/client.js';
import type { DocumentView } from '../api/openapi.js';

GlobalWorkerOptions.workerSrc = workerUrl;
const MAX_PAGES = 5;
const SHOWN_IN_BROWSERS = new Set(['image/jpeg', 'image/png']);

/**
 * A document shown inside the case page: PDFs drawn by pdf.js on canvases (no browser plugin,
 * works under the CSP), JPEG and PNG as images. Each load is an audited read on the server.
 */
export function DocumentPreview({ reference, document }: { reference: string; document: DocumentView }) {
  const { t } = useTranslation();
  const url = `/api/v1/cases/${reference}/documents/${document.id}/content`;
  if (document.mediaType === 'application/pdf') {
    return <PdfPages reference={reference} id={document.id} url={url} title={document.fileName} />;
  }
  if (SHOWN_IN_BROWSERS.has(document.mediaType)) {
    return <img src={url} alt={document.fileName} style={{ maxWidth: '100%', border: '1px solid #ced4da' }} />;
  }
  return (
    <Alert color="gray" variant="light">
      {t('backoffice.noPreview')}{' '}
      <Anchor href={url} download={document.fileName}>
        {t('backoffice.download')}
      </Anchor>
    </Alert>
  );
}

function PdfPages({ reference, id, url, title }: { reference: string; id: string; url: string; title: string }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'shown' | 'failed'>('loading');
  useEffect(() => {
    // A function, not a flag: the effect's cleanup flips it while the awaits below are pending.
    let cancelled = false;
    const live = () => !cancelled;
    const task = (async () => {
      const content = await unwrap(
        client.GET('/api/v1/cases/{reference}/documents/{id}/content', {
          params: { path: { reference, id } },
          parseAs: 'arrayBuffer',
        }),
      );
      // Scripting off: pdf.js runs a document's JavaScript only through a viewer's scripting manager,
      // which is never attached here (pdf.js 6 has no eval option left to turn off), and no XFA forms.
      const pdf = await getDocument({ data: new Uint8Array(content), enableXfa: false }).promise;
      for (let number = 1; number <= Math.min(pdf.numPages, MAX_PAGES) && live(); number++) {
        const page = await pdf.getPage(number);
        const viewport = page.getViewport({ scale: 1.2 });
        const canvas = window.document.createElement('canvas');
        canvas.width = viewport.width;
        canvas.height = viewport.height;
        canvas.style.maxWidth = '100%';
        canvas.style.border = '1px solid #ced4da';
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', `${title}, ${String(number)}/${String(pdf.numPages)}`);
        await page.render({ canvas, viewport }).promise;
        if (live()) container.current?.append(canvas);
      }
      if (pdf.numPages === 0) throw new Error('no pages');
    })();
    task.then(
      () => live() && setState('shown'),
      () => live() && setState('failed'),
    );
    const target = container.current;
    return () => {
      cancelled = true;
      target?.replaceChildren();
    };
  }, [reference, id, title]);
  return (
    <Stack gap="xs">
      {state === 'loading' && <Loader size="sm" aria-label={t('status.loading')} />}
      {state === 'failed' && (
        <Alert color="red" variant="light">
          {t('backoffice.previewFailed')}{' '}
          <Anchor href={url} download>
            {t('backoffice.download')}
          </Anchor>
        </Alert>
      )}
      <div ref={container} data-testid="pdf-preview" />
    </Stack>
  );
}
