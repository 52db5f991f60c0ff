import { Box, Group, List, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluatedNodeView as ChecklistNode } from '../api/openapi.js';
import { ItemStatusBadge } from './StatusBadge.js';

interface Props {
  root: ChecklistNode;
  /** What goes under each document the rules ask for: the upload slot, or the reviewer's tools. */
  renderDocument: (node: ChecklistNode) => ReactNode;
}

/**
 * A jurisdiction's checklist as a tree: "all of these" and "one of these" groups, each document with
 * its status and conditions. Names come from the translations, not from the server's English labels.
 */
export function ChecklistTree({ root, renderDocument }: Props) {
  return <Node node={root} renderDocument={renderDocument} depth={0} />;
}

function Node({ node, renderDocument, depth }: Omit<Props, 'root'> & { node: ChecklistNode; depth: number }) {
  const { t } = useTranslation();
  const conditions = node.conditions?.length ? (
    <List size="sm">
      {node.conditions.map((condition) => (
        <List.Item key={condition.code}>{t(`condition.${condition.code}`)}</List.Item>
      ))}
    </List>
  ) : null;
  if (node.kind === 'DOCUMENT') {
    return (
      <Paper withBorder p="sm" role="group" aria-label={t(`documentType.${node.documentType ?? 'OTHER'}`)}>
        <Group justify="space-between" mb={4}>
          <Text fw={600}>{t(`documentType.${node.documentType ?? 'OTHER'}`)}</Text>
          <ItemStatusBadge status={node.status} />
        </Group>
        {conditions}
        {renderDocument(node)}
      </Paper>
    );
  }
  return (
    <Box
      pl={depth === 0 ? 0 : 'md'}
      style={depth === 0 ? undefined : { borderLeft: '3px solid var(--mantine-color-indigo-2)' }}
    >
      <Group gap="xs" mb="xs">
        <Text fw={600}>{t(`group.${node.kind}`)}</Text>
        <ItemStatusBadge status={node.status} />
      </Group>
      {conditions}
      <Stack gap="sm">
        {(node.children ?? []).map((child, index) => (
          <Node
            key={`${child.kind}-${child.documentType ?? ''}-${String(index)}`}
            node={child}
            renderDocument={renderDocument}
            depth={depth + 1}
          />
        ))}
      </Stack>
    </Box>
  );
}

/** What is still needed, in the reader's language: each unmet document, or each unmet "one of". */
export function neededItems(node: ChecklistNode, name: (node: ChecklistNode) => string): string[] {
  if (node.status === 'SATISFIED' || node.status === 'PENDING_VERIFICATION') return [];
  if (node.kind === 'DOCUMENT') return [name(node)];
  if (node.kind === 'ALL_OF') return (node.children ?? []).flatMap((child) => neededItems(child, name));
  return [
    (node.children ?? [])
      .map((child) => (child.kind === 'DOCUMENT' ? name(child) : neededItems(child, name).join(' + ')))
      .join(' / '),
  ];
}
