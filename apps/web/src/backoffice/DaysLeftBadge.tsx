import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeadlineSummaryView } from '../api/openapi.js';

/** How soon the subject loses data: red within a week, orange within a month; a hold turns it green. */
export function DaysLeftBadge({ deadline }: { deadline: DeadlineSummaryView }) {
  const { t } = useTranslation();
  if (deadline.held) {
    return (
      <Badge color="teal.9">
        {deadline.daysLeft === null ? '' : `${t('backoffice.daysLeftBadge', { days: deadline.daysLeft })} · `}
        {t('backoffice.held')}
      </Badge>
    );
  }
  if (deadline.daysLeft === null) {
    return (
      <Badge color={deadline.status === 'UNKNOWN' ? 'red.9' : 'gray.7'}>
        {t(`backoffice.deadline.${deadline.status}`)}
      </Badge>
    );
  }
  const colour = deadline.daysLeft <= 7 ? 'red.9' : deadline.daysLeft <= 30 ? 'orange.4' : 'gray.7';
  return (
    <Badge color={colour} autoContrast>
      {t('backoffice.daysLeftBadge', { days: deadline.daysLeft })}
    </Badge>
  );
}
