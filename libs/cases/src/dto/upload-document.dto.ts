import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  AllowedOnlyWhen,
  DOCUMENT_TYPES,
  type DocumentType,
  SERVED_DOCUMENT_TYPES,
  SERVED_VIA,
  type ServedVia,
} from '@app/common';

/** The text fields of the multipart upload; the file itself arrives as the `file` part. */
export class UploadDocumentDto {
  @ApiProperty({ enum: DOCUMENT_TYPES, example: 'DEATH_CERTIFICATE', description: 'What the document is' })
  @IsIn(DOCUMENT_TYPES, { message: `must be one of ${DOCUMENT_TYPES.join(', ')}` })
  type!: DocumentType;

  @ApiPropertyOptional({
    enum: SERVED_VIA,
    example: 'POST',
    description: 'For COURT_ORDER and SUBPOENA only: how it was served on the provider',
  })
  @AllowedOnlyWhen(
    (dto) => SERVED_DOCUMENT_TYPES.has((dto as UploadDocumentDto).type),
    'applies only to COURT_ORDER and SUBPOENA',
  )
  @IsOptional()
  @IsIn(SERVED_VIA, { message: `must be one of ${SERVED_VIA.join(', ')}` })
  servedVia?: ServedVia;
}

/** The multipart body as OpenAPI shows it. */
export class UploadDocumentFormDto extends UploadDocumentDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'PDF, JPEG, PNG, TIFF or HEIC, judged by its bytes' })
  file!: unknown;
}
