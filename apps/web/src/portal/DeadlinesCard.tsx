import { Alert, List, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FamilyDeadlinesView } from '../api/openapi.js';

/** "Mail and files would be deleted on …; your request holds them": the account's clock for the family. */
export function DeadlinesCard({ deadlines }: { deadlines: FamilyDeadlinesView }) {
  const { t } = useTranslation();
  const { next, hold } = deadlines;
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="xs">
        {t('status.clock')}
      </Title>
      {!deadlines.datesShown ? (
        <>
          <Text>{t('status.clockRules')}</Text>
          <Text size="sm" mt="xs">
            {t('status.clockAfterVerification')}
          </Text>
        </>
      ) : !deadlines.known ? (
        <Text>{t('status.clockUnknown')}</Text>
      ) : (
        <>
          {next.date && next.kind && (
            <Alert color={next.held ? 'teal' : 'orange'} variant="light" mb="sm">
              {t(`deadline.${next.kind}`, { date: next.date, days: next.daysLeft })} {next.held && t('deadline.held')}
            </Alert>
          )}
          <List size="sm" spacing={4}>
            {deadlines.events.map((event) => (
              <List.Item key={event.kind}>
                {t(`event.${event.kind}`)}: {event.date ?? t('noDate')} ({t(`eventState.${event.state}`)}
                {event.heldByYourRequest && `, ${t('status.heldByYou')}`})
              </List.Item>
            ))}
          </List>
          {deadlines.uncertaintyDays > 0 && (
            <Text size="sm" mt="xs">
              {t('status.uncertainty', { days: deadlines.uncertaintyDays })}
            </Text>
          )}
        </>
      )}
      {hold && (
        <Text size="sm" mt="xs">
          {t('status.holdSince', { date: hold.since.slice(0, 10) })}{' '}
          {hold.lapsesOn &&
            t(hold.untilEmailConfirmed ? 'status.holdLapsesUnconfirmed' : 'status.holdLapses', { date: hold.lapsesOn })}
        </Text>
      )}
    </Paper>
  );
}
