import { Blockquote, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseDetailView } from '../api/openapi.js';

/** The family's own words (an appeal's statement), each beside the decision it answers (issue #14). */
export function FamilyWords({ item, name }: { item: CaseDetailView; name: (id: string | null) => string | null }) {
  const { t } = useTranslation();
  if (item.statements.length === 0) return null;
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        {t('backoffice.familyWords')}
      </Title>
      <Stack gap="md">
        {item.statements.map((statement) => (
          <div key={`${statement.kind}-${statement.at}`}>
            <Text size="sm" fw={600}>
              {t(`backoffice.statementKind_${statement.kind}`, { defaultValue: statement.kind })} ·{' '}
              {new Date(statement.at).toLocaleString()}
            </Text>
            <Text size="sm" c="dimmed">
              {statement.answers.decidedAt
                ? t('backoffice.answersDecision', {
                    when: new Date(statement.answers.decidedAt).toLocaleString(),
                    who: name(statement.answers.decidedBy) ?? statement.answers.decidedBy ?? '?',
                  })
                : t('backoffice.noDecision')}
              {statement.answers.reasonCode && ` · ${t(`backoffice.reasonCodes.${statement.answers.reasonCode}`)}`}
            </Text>
            {statement.answers.reason && <Text size="sm">{statement.answers.reason}</Text>}
            <Blockquote mt="xs" p="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {statement.text}
            </Blockquote>
          </div>
        ))}
      </Stack>
    </Paper>
  );
}
