import { Anchor, Badge, Grid, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { client, unwrap } from '../api/client.js';
import { ChecklistTree } from '../common/ChecklistTree.js';
import { ActionsPanel } from './ActionsPanel.js';
import { AuditTable } from './AuditTable.js';
import { DaysLeftBadge } from './DaysLeftBadge.js';
import { DocumentReview } from './DocumentReview.js';
import { FamilyWords } from './FamilyWords.js';
import { FourEyes } from './FourEyes.js';
import { NotesPanel } from './NotesPanel.js';
import { useColleagues } from './session.js';
import { SlaPanel } from './SlaPanel.js';
import { StaffFrame } from './StaffFrame.js';
import { TimelineChart } from './TimelineChart.js';

/** A case: who asks about whom, the checklist with each document to preview and judge, the clocks, the actions. */
export function CasePage() {
  const { reference = '' } = useParams();
  return <StaffFrame>{(me) => <CaseView reference={reference} me={me} />}</StaffFrame>;
}

function CaseView({ reference, me }: { reference: string; me: Parameters<typeof ActionsPanel>[0]['me'] }) {
  const { t } = useTranslation();
  const colleagues = useColleagues();
  const detail = useQuery({
    queryKey: ['case', reference],
    queryFn: () => unwrap(client.GET('/api/v1/cases/{reference}', { params: { path: { reference } } })),
  });
  if (detail.error) return <Text role="alert">{detail.error.message}</Text>;
  if (!detail.data) return <Text>{t('status.loading')}</Text>;
  const item = detail.data;
  const byId = new Map(item.documents.map((document) => [document.id, document]));
  const others = item.checklist.notRequiredDocumentIds.flatMap((id) => byId.get(id) ?? []);
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{item.reference}</Title>
        <Group gap="xs" mt={4}>
          <Badge color="indigo.8" data-testid="case-state">
            {t(`stateName.${item.state}`)}
          </Badge>
          <Badge variant="outline">{t(`requestType.${item.requestType}`)}</Badge>
          <Badge variant="outline">{item.jurisdiction}</Badge>
          <DaysLeftBadge deadline={item.deadline} />
          <Text size="sm">
            {t('backoffice.assignee')}: {colleagues.name(item.assigneeId) ?? t('backoffice.nobody')}
          </Text>
        </Group>
      </div>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Paper withBorder p="md">
                <Title order={3} size="h4">
                  {t('backoffice.requester')}
                </Title>
                <Text>{item.requester.fullName}</Text>
                <Text size="sm">
                  {t(`relationship.${item.requester.relationship}`)} · {item.requester.countryOfResidence} ·{' '}
                  {item.requester.language}
                </Text>
                <Text size="sm">{item.requester.email}</Text>
              </Paper>
              <Paper withBorder p="md">
                <Title order={3} size="h4">
                  {t('backoffice.subject')}
                </Title>
                <Text>{item.subject.fullName}</Text>
                <Text size="sm">
                  {t(`request.${item.subject.status}`)} · {item.subject.countryOfResidence}
                  {item.subject.dateOfDeath && ` · ${t('backoffice.dateOfDeath', { date: item.subject.dateOfDeath })}`}
                </Text>
                <Text size="sm">{item.subject.accountEmail}</Text>
              </Paper>
            </SimpleGrid>
            <Paper withBorder p="md">
              <Group justify="space-between" mb="sm">
                <Title order={3} size="h4">
                  {t('backoffice.checklist', { version: item.checklist.version })}
                </Title>
                <Badge color={item.checklist.satisfied ? 'teal.9' : 'gray.7'}>
                  {item.checklist.satisfied ? t('backoffice.satisfied') : t('backoffice.notSatisfied')}
                </Badge>
              </Group>
              <ChecklistTree
                root={item.checklist.root}
                renderDocument={(node) =>
                  (node.documentIds ?? []).length === 0 ? (
                    <Text size="sm">{t('backoffice.noDocument')}</Text>
                  ) : (
                    (node.documentIds ?? []).flatMap((id) => {
                      const document = byId.get(id);
                      return document ? [<DocumentReview key={id} reference={reference} document={document} />] : [];
                    })
                  )
                }
              />
              {others.length > 0 && (
                <Stack gap={0} mt="md">
                  <Text fw={600}>{t('backoffice.otherDocuments')}</Text>
                  {others.map((document) => (
                    <DocumentReview key={document.id} reference={reference} document={document} />
                  ))}
                </Stack>
              )}
            </Paper>
            <TimelineChart timeline={item.timeline} deadline={item.deadline} />
            <NotesPanel item={item} name={colleagues.name} />
            <Paper withBorder p="md">
              <Title order={3} size="h4" mb="sm">
                {t('backoffice.linked')}
              </Title>
              {item.linkedCases.length === 0 && <Text size="sm">{t('backoffice.noLinked')}</Text>}
              <List size="sm">
                {item.linkedCases.map((linked) => (
                  <List.Item key={linked.reference}>
                    <Anchor component={Link} to={`/backoffice/cases/${linked.reference}`}>
                      {linked.reference}
                    </Anchor>{' '}
                    {t(`requestType.${linked.requestType}`)} · {t(`stateName.${linked.state}`)}
                  </List.Item>
                ))}
              </List>
            </Paper>
            <FamilyWords item={item} name={colleagues.name} />
            <AuditTable reference={reference} name={colleagues.name} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <ActionsPanel item={item} me={me} colleagues={colleagues.list} />
            <FourEyes item={item} name={colleagues.name} />
            <SlaPanel sla={item.sla} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
