import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { textField } from '../api.js';
import { TimelineChart } from './TimelineChart.js';
import { type AuditTrail, type CaseDetail, staff } from './staff-api.js';

const REJECTION_REASONS = [
  'DOCUMENTS_INCOMPLETE',
  'DOCUMENT_NOT_VALID',
  'NOT_ENTITLED',
  'COURT_ORDER_NOT_SERVED',
  'ACCOUNT_NOT_FOUND',
  'LEGAL_OBJECTION',
];

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
    mutationFn: (input: { action: string; reasonCode?: string; note?: string }) =>
      staff(`/api/v1/cases/${reference}/actions/${input.action}`, {
        method: 'POST',
        body: { version: detail.data?.version, reasonCode: input.reasonCode, note: input.note },
      }),
    onSuccess: refresh,
  });
  const addNote = useMutation({
    mutationFn: (body: string) => staff(`/api/v1/cases/${reference}/notes`, { method: 'POST', body: { body } }),
    onSuccess: refresh,
  });
  const trail = useQuery({
    queryKey: ['case', reference, 'audit'],
    queryFn: () => staff<AuditTrail>(`/api/v1/cases/${reference}/audit`),
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
        <button key={action} type="button" onClick={() => act.mutate({ action })}>
          {t(`backoffice.action.${action}`)}
        </button>
      ))}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          act.mutate({ action: 'reject', reasonCode: textField(form, 'reasonCode'), note: textField(form, 'note') });
        }}
      >
        <label>
          {t('backoffice.reasonCode')}{' '}
          <select name="reasonCode">
            {REJECTION_REASONS.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('backoffice.reason')} <input name="note" required />
        </label>{' '}
        <button type="submit">{t('backoffice.action.reject')}</button>
      </form>
      <h3>{t('backoffice.clock')}</h3>
      <p>
        {item.deadline.daysLeft === null
          ? t(`backoffice.deadline.${item.deadline.status}`)
          : t('backoffice.daysLeftOf', { days: item.deadline.daysLeft, date: item.deadline.date })}
        {item.deadline.held && ` (${t('backoffice.held')})`}
      </p>
      {item.timeline && <TimelineChart timeline={item.timeline} />}
      <h3>{t('backoffice.sla')}</h3>
      <ul>
        {Object.entries(item.sla).map(([clock, value]) => (
          <li key={clock}>
            {clock}: {value.status} {value.dueAt ?? ''}
          </li>
        ))}
      </ul>
      <h3>{t('backoffice.notes')}</h3>
      <ul>
        {item.notes.map((note) => (
          <li key={note.id}>
            {note.createdAt.slice(0, 16)} {note.body}
          </li>
        ))}
      </ul>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          addNote.mutate(textField(new FormData(event.currentTarget), 'note'));
          event.currentTarget.reset();
        }}
      >
        <label>
          {t('backoffice.note')} <input name="note" required />
        </label>{' '}
        <button type="submit">{t('backoffice.addNote')}</button>
      </form>
      <h3>{t('backoffice.linked')}</h3>
      <ul>
        {item.linkedCases.map((linked) => (
          <li key={linked.reference}>
            <Link to={`/backoffice/cases/${linked.reference}`}>{linked.reference}</Link> {linked.requestType}{' '}
            {linked.state}
          </li>
        ))}
      </ul>
      <h3>{t('backoffice.audit')}</h3>
      <ol>
        {(trail.data?.entries ?? []).map((entry) => (
          <li key={entry.seq}>
            {entry.at.slice(0, 19)} {entry.actorType} {entry.action}
          </li>
        ))}
      </ol>
    </section>
  );
}
