import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { api, type ChecklistNode, type RequestStatus, textField, upload } from '../api.js';

/** The token comes with the link the family keeps (`#t=…`, never sent to the server) or is typed in. */
function useToken(reference: string): [string | null, (token: string) => void] {
  const key = `nok.token.${reference}`;
  const fromLink = new URLSearchParams(window.location.hash.slice(1)).get('t');
  if (fromLink) sessionStorage.setItem(key, fromLink);
  const [token, setToken] = useState(sessionStorage.getItem(key));
  return [
    token,
    (value) => {
      sessionStorage.setItem(key, value);
      setToken(value);
    },
  ];
}

function documentSlots(node: ChecklistNode): ChecklistNode[] {
  return node.kind === 'DOCUMENT' ? [node] : (node.children ?? []).flatMap(documentSlots);
}

export function StatusPage() {
  const { t } = useTranslation();
  const { reference = '' } = useParams();
  const [token, setToken] = useToken(reference);
  const queries = useQueryClient();
  const status = useQuery({
    queryKey: ['request', reference, token],
    enabled: token !== null,
    queryFn: () => api<RequestStatus>(`/api/v1/requests/${reference}`, { token: token ?? '' }),
  });
  const withdraw = useMutation({
    mutationFn: () => api(`/api/v1/requests/${reference}/withdrawal`, { method: 'POST', token: token ?? '' }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['request', reference] }),
  });

  if (token === null || status.isError) {
    return (
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setToken(textField(new FormData(event.currentTarget), 'token'));
        }}
      >
        <h2>{t('status.open', { reference })}</h2>
        {status.isError && <p role="alert">{t('status.wrongToken')}</p>}
        <label>
          {t('request.token')} <input name="token" required autoComplete="off" />
        </label>
        <button type="submit">{t('status.show')}</button>
      </form>
    );
  }
  if (!status.data) return <p>{t('status.loading')}</p>;
  const request = status.data;
  const { next } = request.deadlines;
  return (
    <section>
      <h2>{t('status.heading', { reference })}</h2>
      <p>
        <strong>{t(`state.${request.state}`)}</strong>
      </p>
      {!request.emailConfirmed && <ConfirmEmail reference={reference} />}
      {next.date && (
        <p>
          {t(`deadline.${next.kind ?? 'MAIL_FILES_DELETION'}`, { date: next.date, days: next.daysLeft })}{' '}
          {next.held && t('deadline.held')}
        </p>
      )}
      {request.decision && (
        <p>
          {t(`decision.${request.decision.outcome}`)} {request.decision.reason}
        </p>
      )}
      <h3>{t('status.documents')}</h3>
      <ul>
        {documentSlots(request.checklist.root).map((slot) => (
          <li key={slot.documentType}>
            <UploadSlot reference={reference} token={token} slot={slot} />
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => withdraw.mutate()} disabled={withdraw.isPending}>
        {t('status.withdraw')}
      </button>
    </section>
  );
}

function UploadSlot({ reference, token, slot }: { reference: string; token: string; slot: ChecklistNode }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const id = `file-${slot.documentType ?? ''}`;
  return (
    <div>
      <label htmlFor={id}>
        {t(`documentType.${slot.documentType ?? 'OTHER'}`)} — {t(`item.${slot.status}`)}
      </label>{' '}
      <input
        id={id}
        type="file"
        accept="application/pdf,image/jpeg,image/png,image/tiff,image/heic"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (!file || !slot.documentType) return;
          const form = new FormData();
          form.set('type', slot.documentType);
          form.set('file', file);
          setRefusal(null);
          setProgress(0);
          upload(`/api/v1/requests/${reference}/documents`, token, form, setProgress).then(
            () => void queries.invalidateQueries({ queryKey: ['request', reference] }),
            (error: unknown) => setRefusal(error instanceof Error ? error.message : t('error.generic')),
          );
        }}
      />
      {progress !== null && (
        <progress value={progress} max={1} aria-label={t('status.progress')}>
          {Math.round(progress * 100)} %
        </progress>
      )}
      {refusal && <p role="alert">{refusal}</p>}
    </div>
  );
}

/** The code from our e-mail confirms the address; the mail's link fills it in (`?code=`). */
function ConfirmEmail({ reference }: { reference: string }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [searchParams] = useSearchParams();
  const confirm = useMutation({
    mutationFn: (code: string) =>
      api(`/api/v1/requests/${reference}/email-confirmation`, { method: 'POST', body: JSON.stringify({ code }) }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['request', reference] }),
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        confirm.mutate(textField(new FormData(event.currentTarget), 'code').trim());
      }}
    >
      <p>{t('status.confirmEmail')}</p>
      <label>
        {t('status.code')}{' '}
        <input name="code" required autoComplete="one-time-code" defaultValue={searchParams.get('code') ?? ''} />
      </label>{' '}
      <button type="submit">{t('status.confirm')}</button>
      {confirm.isError && <p role="alert">{t('status.wrongCode')}</p>}
    </form>
  );
}
