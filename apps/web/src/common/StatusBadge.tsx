import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentView, EvaluatedNodeView } from '../api/openapi.js';

type ItemStatus = EvaluatedNodeView['status'];

// Filled badges in dark shades keep white text above 4.5:1 contrast.
const ITEM_COLOURS: Record<ItemStatus, string> = {
  SATISFIED: 'teal.9',
  PENDING_VERIFICATION: 'blue.9',
  REJECTED: 'red.9',
  MISSING: 'gray.7',
};

export function ItemStatusBadge({ status }: { status: ItemStatus }) {
  const { t } = useTranslation();
  return <Badge color={ITEM_COLOURS[status]}>{t(`item.${status}`)}</Badge>;
}

const VERIFICATION_COLOURS: Record<DocumentView['verification'], string> = {
  PENDING: 'blue.9',
  ACCEPTED: 'teal.9',
  REJECTED: 'red.9',
};

export function VerificationBadge({ verification }: { verification: DocumentView['verification'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={VERIFICATION_COLOURS[verification]}>
      {t(`verification.${verification}`)}
    </Badge>
  );
}
