import { Paper, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseDetailView } from '../api/openapi.js';

const SECOND_GIVEN = new Set(['APPROVED', 'FULFILLED', 'CLOSED']);

/** A release needs two approvals by different people, the second by a legal user (domain.md §4). */
export function FourEyes({ item, name }: { item: CaseDetailView; name: (id: string | null) => string | null }) {
  const { t } = useTranslation();
  if (item.requestType !== 'RELEASE_DATA') return null;
  const first = name(item.firstApproverId);
  const second = item.firstApproverId !== null && SECOND_GIVEN.has(item.state);
  // A change to the documents after the first approval withdrew it: the history says why.
  const withdrawn = item.state === 'IN_REVIEW' ? item.history.at(-1)?.note : null;
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        {t('backoffice.fourEyes')}
      </Title>
      {withdrawn && (
        <Text size="sm" c="red.8" mb="sm" role="status">
          {withdrawn}
        </Text>
      )}
      <Timeline active={second ? 1 : first ? 0 : -1} bulletSize={14}>
        <Timeline.Item title={t('backoffice.firstApproval')}>
          <Text size="sm">{first ? t('backoffice.approvedBy', { who: first }) : t('backoffice.waiting')}</Text>
        </Timeline.Item>
        <Timeline.Item title={t('backoffice.secondApproval')}>
          <Text size="sm">{second ? t('backoffice.satisfied') : t('backoffice.waiting')}</Text>
        </Timeline.Item>
      </Timeline>
    </Paper>
  );
}
