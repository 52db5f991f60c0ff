import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type Condition, CONDITIONS, JURISDICTIONS, type Jurisdiction } from '@app/checklists';
import { DOCUMENT_TYPES, type DocumentType } from '@app/common';

const STATUSES = ['SATISFIED', 'PENDING_VERIFICATION', 'REJECTED', 'MISSING'] as const;

export class ConditionView {
  @ApiProperty({ enum: Object.keys(CONDITIONS), example: 'SERVED_NOT_BY_FAX_OR_EMAIL' }) code!: Condition;
  @ApiProperty({ example: 'served by post, courier, in person or through a registered agent; not by fax or e-mail' })
  label!: string;
}

/** One node of a requirement tree, as GET /checklists shows it. */
export class RequirementNodeView {
  @ApiProperty({ enum: ['ALL_OF', 'ONE_OF', 'DOCUMENT'] }) kind!: 'ALL_OF' | 'ONE_OF' | 'DOCUMENT';
  @ApiProperty({ example: 'proof that you are the legal successor' }) label!: string;
  @ApiPropertyOptional({ enum: DOCUMENT_TYPES, description: 'DOCUMENT nodes only' }) documentType?: DocumentType;
  @ApiPropertyOptional({ type: [ConditionView] }) conditions?: ConditionView[];
  @ApiPropertyOptional({ type: () => [RequirementNodeView], description: 'ALL_OF and ONE_OF nodes only' })
  children?: RequirementNodeView[];
}

/** One node of a case's evaluated checklist. */
export class EvaluatedNodeView extends RequirementNodeView {
  @ApiProperty({ enum: STATUSES, example: 'PENDING_VERIFICATION' }) status!: (typeof STATUSES)[number];
  @ApiPropertyOptional({ type: [String], description: 'DOCUMENT nodes: the documents that fill it' })
  documentIds?: string[];
  @ApiPropertyOptional({ type: [String], description: 'Why it cannot be satisfied as things stand' })
  reasons?: string[];
  @ApiPropertyOptional({ type: () => [EvaluatedNodeView] }) declare children?: EvaluatedNodeView[];
}

export class EvaluatedChecklistView {
  @ApiProperty({ description: 'Every required item is filled by an accepted document' }) satisfied!: boolean;
  @ApiProperty({ description: 'Every required item has a document, accepted or waiting for a reviewer' })
  allProvided!: boolean;
  @ApiProperty({ example: 'DE-1', description: 'The rules version this case is judged by' }) version!: string;
  @ApiProperty({ example: '2026-01-01' }) effectiveFrom!: string;
  @ApiProperty({ type: EvaluatedNodeView }) root!: EvaluatedNodeView;
  @ApiProperty({
    type: [String],
    example: [
      'one of: inheritance certificate (Erbschein); court documentation proving you are the sole heir; list of all heirs together with their consent',
    ],
    description: 'What is still needed, in words',
  })
  missing!: string[];
  @ApiProperty({ type: [String], description: 'Documents this checklist does not ask for ("not required here")' })
  notRequiredDocumentIds!: string[];
}

export class ChecklistView {
  @ApiProperty({ enum: JURISDICTIONS, example: 'DE' }) jurisdiction!: Jurisdiction;
  @ApiProperty({ example: 'DE-1' }) version!: string;
  @ApiProperty({ example: '2026-01-01', format: 'date' }) effectiveFrom!: string;
  @ApiProperty({
    description: 'False when the requester cannot satisfy this checklist at all (China: not a close relative)',
  })
  eligible!: boolean;
  @ApiProperty({ type: [String], description: 'Why not eligible, in words' }) reasons!: string[];
  @ApiProperty({ type: RequirementNodeView }) checklist!: RequirementNodeView;
}
