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
  503: 'Busy: try again after the Retry-After header’s seconds',
};

/** Documents the problem responses an operation can give (and 500, which any can). */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsSchema, FieldErrorSchema),
    ...[...statuses, 500].map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Problem',
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsSchema) } } },
      }),
    ),
  );
}
