import { Badge, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SlaTimersView } from '../api/openapi.js';

const COLOURS = { RUNNING: 'blue.9', PAUSED: 'gray.7', MET: 'teal.9', BREACHED: 'red.9', STOPPED: 'gray.7' } as const;

/** The promised times (first review, decision): how much is used, and when it falls due. */
export function SlaPanel({ sla }: { sla: SlaTimersView }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        {t('backoffice.sla')}
      </Title>
      <Stack gap="sm">
        {(['firstReview', 'decision'] as const).map((name) => {
          const clock = sla[name];
          const used = clock.budgetMs > 0 ? Math.min(100, (clock.usedMs / clock.budgetMs) * 100) : 0;
          return (
            <div key={name}>
              <Group justify="space-between">
                <Text size="sm" fw={500}>
                  {t(`backoffice.slaClock.${name}`)}
                </Text>
                <Badge
                  color={clock.nearBreach && clock.status === 'RUNNING' ? 'orange.4' : COLOURS[clock.status]}
                  autoContrast
                >
                  {t(`backoffice.slaStatus.${clock.status}`)}
                </Badge>
              </Group>
              <Progress
                value={used}
                color={clock.status === 'BREACHED' ? 'red.9' : 'indigo'}
                aria-label={t(`backoffice.slaClock.${name}`)}
                mt={4}
              />
              <Text size="xs" mt={2}>
                {clock.metAt
                  ? t('backoffice.metAt', { at: new Date(clock.metAt).toLocaleString() })
                  : clock.dueAt && t('backoffice.dueAt', { at: new Date(clock.dueAt).toLocaleString() })}
              </Text>
            </div>
          );
        })}
      </Stack>
    </Paper>
  );
}
