import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { CASE_STATES } from '@vocabulary';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { type QueueItem, staff } from './staff-api.js';

/** The jurisdictions of api.md (the server's list lives in libs/checklists, beside its resolver). */
const JURISDICTIONS = ['EU', 'DE', 'CN', 'DEFAULT'] as const;

/** The queue, riskiest first: days left before the subject loses data, and whether a hold stops the clock. */
export function QueuePage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Record<string, string>>({});
  const query = new URLSearchParams({
    limit: '50',
    ...Object.fromEntries(Object.entries(filters).filter(([, value]) => value)),
  });
  const queue = useQuery({
    queryKey: ['queue', query.toString()],
    queryFn: () => staff<{ items: QueueItem[] }>(`/api/v1/cases?${query.toString()}`),
    retry: false,
  });
  const filter = (name: string, options: readonly string[]) => (
    <label>
      {t(`backoffice.filter.${name}`)}{' '}
      <select value={filters[name] ?? ''} onChange={(event) => setFilters({ ...filters, [name]: event.target.value })}>
        <option value="">{t('backoffice.filter.all')}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </label>
  );
  if (queue.error && (queue.error as { status?: number }).status === 401) return <Navigate to="/backoffice/login" />;
  return (
    <section>
      <h2>{t('backoffice.queue')}</h2>
      <p>
        {filter('state', CASE_STATES)} {filter('jurisdiction', JURISDICTIONS)} {filter('sla', ['breached', 'near'])}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('backoffice.reference')}</th>
            <th scope="col">{t('backoffice.state')}</th>
            <th scope="col">{t('backoffice.daysLeft')}</th>
          </tr>
        </thead>
        <tbody>
          {(queue.data?.items ?? []).map((item) => (
            <tr key={item.reference}>
              <td>
                <Link to={`/backoffice/cases/${item.reference}`}>{item.reference}</Link>
              </td>
              <td>{item.state}</td>
              <td>
                {item.deadline.daysLeft === null
                  ? t(`backoffice.deadline.${item.deadline.status}`)
                  : item.deadline.daysLeft}
                {item.deadline.held && ` (${t('backoffice.held')})`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
