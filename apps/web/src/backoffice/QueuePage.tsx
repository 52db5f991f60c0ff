import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { type QueueItem, staff } from './staff-api.js';

/** The queue, riskiest first: days left before the subject loses data, and whether a hold stops the clock. */
export function QueuePage() {
  const { t } = useTranslation();
  const queue = useQuery({
    queryKey: ['queue'],
    queryFn: () => staff<{ items: QueueItem[] }>('/api/v1/cases?limit=50'),
    retry: false,
  });
  if (queue.error && (queue.error as { status?: number }).status === 401) return <Navigate to="/backoffice/login" />;
  return (
    <section>
      <h2>{t('backoffice.queue')}</h2>
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
