import { Alert, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentView, EvaluatedNodeView as ChecklistNode, RequestStatusView } from '../api/openapi.js';
import { ChecklistTree, neededItems } from '../common/ChecklistTree.js';
import { VerificationBadge } from '../common/StatusBadge.js';
import { UploadSlot } from './UploadSlot.js';

/** The request's checklist for the family: what is still needed, and a slot for each document. */
export function DocumentsChecklist({ request, token }: { request: RequestStatusView; token: string }) {
  return (
    <Stack gap="md">
      <Missing root={request.checklist.root} allProvided={request.checklist.allProvided} />
      <ChecklistTree
        root={request.checklist.root}
        renderDocument={(node) => (
          <>
            <SentDocuments node={node} documents={request.documents} />
            {request.acceptsDocuments && node.documentType && node.status !== 'SATISFIED' && (
              <UploadSlot reference={request.reference} token={token} type={node.documentType} />
            )}
          </>
        )}
      />
      <NotRequired documents={request.documents} ids={request.checklist.notRequiredDocumentIds} />
    </Stack>
  );
}

function Missing({ root, allProvided }: { root: ChecklistNode; allProvided: boolean }) {
  const { t } = useTranslation();
  if (allProvided)
    return (
      <Alert color="teal" variant="light">
        {t('status.nothingMissing')}
      </Alert>
    );
  const name = (node: ChecklistNode) => t(`documentType.${node.documentType ?? 'OTHER'}`);
  return (
    <Alert color="orange" variant="light" title={t('status.missing')}>
      <List size="sm">
        {neededItems(root, name).map((item) => (
          <List.Item key={item}>{item}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** The files sent for one item of the checklist, each with where it stands and, if refused, why. */
function SentDocuments({ node, documents }: { node: ChecklistNode; documents: DocumentView[] }) {
  const { t } = useTranslation();
  const sent = documents.filter((document) => node.documentIds?.includes(document.id));
  if (sent.length === 0) return null;
  return (
    <List size="sm" spacing={4} mt={4}>
      {sent.map((document) => (
        <List.Item key={document.id}>
          <Group gap="xs">
            <Text size="sm">{document.fileName}</Text>
            <VerificationBadge verification={document.verification} />
          </Group>
          {document.scan === 'PENDING' && <Text size="sm">{t('status.scanPending')}</Text>}
          {/* A quarantine is explained in the family's language; a reviewer's reason in the reviewer's words. */}
          {document.scan === 'INFECTED' ? (
            <Text size="sm">{t('status.quarantined')}</Text>
          ) : (
            document.rejectionReason && <Text size="sm">{document.rejectionReason}</Text>
          )}
          {(document.servedVia === 'FAX' || document.servedVia === 'EMAIL') && (
            <Text size="sm">{t('status.notServed')}</Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}

/** Files this checklist does not ask for: kept, and said so, rather than silently ignored. */
function NotRequired({ documents, ids }: { documents: DocumentView[]; ids: string[] }) {
  const { t } = useTranslation();
  const extra = documents.filter((document) => ids.includes(document.id));
  if (extra.length === 0) return null;
  return (
    <Text size="sm" mt="sm">
      {t('status.notRequired')}: {extra.map((document) => document.fileName).join(', ')}
    </Text>
  );
}
