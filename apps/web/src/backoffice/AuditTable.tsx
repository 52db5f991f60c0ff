import { Code, Paper, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, unwrap } from '../api/client.js';
import type { AuditEntryView } from '../api/openapi.js';

/** Every change and every document read on the case, oldest first, as the hash-chained trail has it. */
export function AuditTable({ reference, name }: { reference: string; name: (id: string | null) => string | null }) {
  const { t } = useTranslation();
  const trail = useQuery({
    queryKey: ['case', reference, 'audit'],
    queryFn: () => unwrap(client.GET('/api/v1/cases/{reference}/audit', { params: { path: { reference } } })),
  });
  const who = (entry: AuditEntryView): string =>
    entry.actorType === 'requester'
      ? t('backoffice.family')
      : entry.actorType === 'system'
        ? t('backoffice.system')
        : `${name(entry.actorId) ?? ''}${entry.actorType === 'api-key' ? ` (${t('backoffice.apiKey')})` : ''}`;
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        {t('backoffice.audit')}
      </Title>
      <Table fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('backoffice.at')}</Table.Th>
            <Table.Th scope="col">{t('backoffice.who')}</Table.Th>
            <Table.Th scope="col">{t('backoffice.what')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(trail.data?.entries ?? []).map((entry) => (
            <Table.Tr key={entry.seq}>
              <Table.Td>{new Date(entry.at).toLocaleString()}</Table.Td>
              <Table.Td>{who(entry)}</Table.Td>
              <Table.Td>
                {entry.action} {Object.keys(entry.details).length > 0 && <Code>{JSON.stringify(entry.details)}</Code>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
