import { Anchor, Badge, Group, NativeSelect, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { CASE_STATES, JURISDICTIONS } from '@vocabulary';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { client, unwrap } from '../api/client.js';
import type { operations, QueueItemView } from '../api/openapi.js';
import { DaysLeftBadge } from './DaysLeftBadge.js';
import { useColleagues } from './session.js';
import { StaffFrame } from './StaffFrame.js';

type Filters = Pick<
  NonNullable<operations['CasesController_list']['parameters']['query']>,
  'state' | 'jurisdiction' | 'assignee' | 'sla'
>;

/** The queue, riskiest first: days left before the subject loses data, and whether a hold stops the clock. */
export function QueuePage() {
  return <StaffFrame>{() => <Queue />}</StaffFrame>;
}

function Queue() {
  const { t } = useTranslation();
  const colleagues = useColleagues();
  const [filters, setFilters] = useState<Filters>({});
  const queue = useQuery({
    queryKey: ['queue', filters],
    queryFn: () => unwrap(client.GET('/api/v1/cases', { params: { query: { limit: 100, ...filters } } })),
  });
  const filter = (name: keyof Filters, options: { value: string; label: string }[]) => (
    <NativeSelect
      label={t(`backoffice.filter.${name}`)}
      value={filters[name] ?? ''}
      onChange={(event) => setFilters({ ...filters, [name]: event.currentTarget.value || undefined })}
      data={[{ value: '', label: t('backoffice.filter.all') }, ...options]}
    />
  );
  const items = queue.data?.items ?? [];
  return (
    <>
      <Title order={2} mb="md">
        {t('backoffice.queue')}
      </Title>
      <Group mb="md" align="flex-end">
        {filter(
          'state',
          CASE_STATES.map((value) => ({ value, label: t(`stateName.${value}`) })),
        )}
        {filter(
          'jurisdiction',
          JURISDICTIONS.map((value) => ({ value, label: value })),
        )}
        {filter(
          'assignee',
          colleagues.list.map((member) => ({ value: member.id, label: member.email })),
        )}
        {filter('sla', [
          { value: 'breached', label: t('backoffice.filter.breached') },
          { value: 'near', label: t('backoffice.filter.near') },
        ])}
      </Group>
      {queue.error && <Text role="alert">{queue.error.message}</Text>}
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('backoffice.reference')}</Table.Th>
            <Table.Th scope="col">{t('backoffice.daysLeft')}</Table.Th>
            <Table.Th scope="col">{t('backoffice.state')}</Table.Th>
            <Table.Th scope="col">{t('backoffice.requestType')}</Table.Th>
            <Table.Th scope="col">{t('backoffice.jurisdiction')}</Table.Th>
            <Table.Th scope="col">{t('backoffice.assignee')}</Table.Th>
            <Table.Th scope="col">{t('backoffice.sla')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.reference}>
              <Table.Td>
                <Anchor component={Link} to={`/backoffice/cases/${item.reference}`}>
                  {item.reference}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <DaysLeftBadge deadline={item.deadline} />
              </Table.Td>
              <Table.Td>{t(`stateName.${item.state}`)}</Table.Td>
              <Table.Td>{t(`requestType.${item.requestType}`)}</Table.Td>
              <Table.Td>{item.jurisdiction}</Table.Td>
              <Table.Td>{colleagues.name(item.assigneeId) ?? t('backoffice.nobody')}</Table.Td>
              <Table.Td>
                <SlaBadges sla={item.sla} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {queue.data && items.length === 0 && <Text mt="md">{t('backoffice.queueEmpty')}</Text>}
    </>
  );
}

function SlaBadges({ sla }: { sla: QueueItemView['sla'] }) {
  const { t } = useTranslation();
  const late = (['firstReview', 'decision'] as const).filter(
    (clock) => sla[clock].status === 'BREACHED' || sla[clock].nearBreach,
  );
  return (
    <Group gap={4}>
      {late.map((clock) => (
        <Badge key={clock} color={sla[clock].status === 'BREACHED' ? 'red.9' : 'orange.4'} autoContrast>
          {t(`backoffice.slaClock.${clock}`)}: {t(`backoffice.slaStatus.${sla[clock].status}`)}
        </Badge>
      ))}
    </Group>
  );
}
