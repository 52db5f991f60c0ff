import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ERROR_CATALOGUE, type ErrorCode } from '@app/common';

class FieldErrorSchema {
  @ApiProperty({ example: 'requester.email' }) field!: string;
  @ApiProperty({ example: 'must be an e-mail address such as name@example.org' }) message!: string;
}

/** RFC 9457 problem details, as every error response of this API is shaped. */
export class ProblemDetailsSchema {
  @ApiProperty({ example: 'urn:next-of-kin:problem:validation-failed' }) type!: string;
  @ApiProperty({ example: 'The request is not valid' }) title!: string;
  @ApiProperty({ example: 400 }) status!: number;
  @ApiProperty({ example: 'requester.email: must be an e-mail address such as name@example.org' }) detail!: string;
  @ApiProperty({ enum: Object.keys(ERROR_CATALOGUE), example: 'VALIDATION_FAILED' }) code!: ErrorCode;
  @ApiPropertyOptional({ description: 'On 5xx only: quote it to support' }) correlationId?: string;
  @ApiPropertyOptional({ type: [FieldErrorSchema] }) errors?: FieldErrorSchema[];
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed or invalid input; `errors` lists each field',
  401: 'No credentials, or wrong ones',
  403: 'Authenticated but not allowed',
  404: 'Unknown, or not yours',
  409: 'The state of the case does not allow this',
  413: 'File too large',
  415: 'File type or body type not accepted',
  422: 'Valid input that the rules refuse',
  429: 'Rate limited',
  500: 'Unexpected failure; carries a correlation id',
  503: 'Busy (`SERVICE_BUSY`: no database connection came free in time) or unavailable; nothing was done, try again after `Retry-After` seconds',
};

/** Any operation can meet an exhausted connection pool, so every one documents 503 with Retry-After. */
const HEADERS: Partial<Record<number, NonNullable<Parameters<typeof ApiResponse>[0]['headers']>>> = {
  503: {
    'Retry-After': {
      description: 'Seconds to wait before trying again (sent with `SERVICE_BUSY`)',
      schema: { type: 'integer', minimum: 0 },
    },
  },
};

/** Documents the problem responses an operation can give (and 500 and 503, which any can). */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsSchema, FieldErrorSchema),
    ...[...new Set([...statuses, 500, 503])].map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Problem',
        ...(HEADERS[status] ? { headers: HEADERS[status] } : {}),
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsSchema) } } },
      }),
    ),
  );
}
