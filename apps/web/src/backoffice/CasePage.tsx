import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type CaseDetail, staff } from './staff-api.js';

/** A case: who asks about whom, each document previewed inline with accept or reject, and the actions. */
export function CasePage() {
  const { t } = useTranslation();
  const { reference = '' } = useParams();
  const queries = useQueryClient();
  const detail = useQuery({
    queryKey: ['case', reference],
    queryFn: () => staff<CaseDetail>(`/api/v1/cases/${reference}`),
  });
  const [previewing, setPreviewing] = useState<string | null>(null);
  const refresh = () => queries.invalidateQueries({ queryKey: ['case', reference] });
  const verify = useMutation({
    mutationFn: (input: { id: string; result: 'ACCEPTED' | 'REJECTED'; reason?: string }) =>
      staff(`/api/v1/cases/${reference}/documents/${input.id}/verification`, {
        method: 'POST',
        body: { result: input.result, reason: input.reason },
      }),
    onSuccess: refresh,
  });
  const act = useMutation({
    mutationFn: (action: string) =>
      staff(`/api/v1/cases/${reference}/actions/${action}`, {
        method: 'POST',
        body: { version: detail.data?.version },
      }),
    onSuccess: refresh,
  });
  if (!detail.data) return <p>{t('status.loading')}</p>;
  const item = detail.data;
  return (
    <section>
      <h2>{item.reference}</h2>
      <p>
        {item.state} · {item.requestType} · {item.jurisdiction}
      </p>
      <p>
        {item.requester.fullName} ({item.requester.relationship}) → {item.subject.fullName}, {item.subject.accountEmail}
      </p>
      <h3>{t('status.documents')}</h3>
      <ul>
        {item.documents.map((document) => (
          <li key={document.id}>
            {document.type} · {document.fileName} · {document.verification}{' '}
            <button type="button" onClick={() => setPreviewing(document.id)}>
              {t('backoffice.preview')}
            </button>{' '}
            <button type="button" onClick={() => verify.mutate({ id: document.id, result: 'ACCEPTED' })}>
              {t('backoffice.accept')}
            </button>
            {previewing === document.id &&
              (document.mediaType === 'application/pdf' ? (
                <iframe
                  title={document.fileName}
                  src={`/api/v1/cases/${reference}/documents/${document.id}/content`}
                  width="100%"
                  height="480"
                />
              ) : (
                <img alt={document.fileName} src={`/api/v1/cases/${reference}/documents/${document.id}/content`} />
              ))}
          </li>
        ))}
      </ul>
      {(act.error ?? verify.error) && <p role="alert">{(act.error ?? verify.error)?.message}</p>}
      {['start-review', 'approve'].map((action) => (
        <button key={action} type="button" onClick={() => act.mutate(action)}>
          {t(`backoffice.action.${action}`)}
        </button>
      ))}
    </section>
  );
}
