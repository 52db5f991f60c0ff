import { Body, Controller, Get, HttpCode, Param, Post, UseInterceptors } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import {
  AppealDto,
  ConfirmEmailDto,
  EmailConfirmedView,
  CaseDocumentsService,
  CreateRequestDto,
  DocumentView,
  IntakeService,
  RequestCreatedView,
  type RequesterCase,
  RequestStatusView,
  UploadDocumentDto,
  UploadDocumentFormDto,
} from '@app/cases';
import { RequesterCaseParam } from '../access/requester-access.guard.js';
import { type StagedUpload } from '@app/documents';
import { DocumentUploadInterceptor, StagedFile } from '../http/document-upload.interceptor.js';
import { Access } from '../access/access.decorator.js';
import { ApiProblems } from '../http/api-problems.decorator.js';
import { Idempotent } from '../http/idempotency/idempotency.interceptor.js';

const referenceParam = ApiParam({ name: 'reference', example: 'NOK-2026-000123' });

/** The family's endpoints. Public and rate limited (AppModule); everything after creation needs the case's token. */
@ApiTags('Requests (families)')
@Controller('api/v1/requests')
export class RequestsController {
  constructor(
    private readonly intake: IntakeService,
    private readonly caseDocuments: CaseDocumentsService,
  ) {}

  @Post()
  @Access.public()
  @Idempotent()
  @ApiOperation({ summary: 'Submit a request about the account of someone who died or is incapacitated' })
  @ApiCreatedResponse({ type: RequestCreatedView, description: 'Keep the reference and the access token' })
  @ApiProblems(400, 409, 415, 422, 429)
  submit(@Body() body: CreateRequestDto): Promise<RequestCreatedView> {
    return this.intake.submit(body);
  }

  @Get(':reference')
  @ApiOperation({ summary: 'Where a request stands' })
  @referenceParam
  @ApiOkResponse({ type: RequestStatusView })
  @ApiProblems(401, 404, 429)
  @Access.requester()
  status(@RequesterCaseParam() requester: RequesterCase): Promise<RequestStatusView> {
    return this.intake.status(requester);
  }

  @Post(':reference/documents')
  @ApiOperation({ summary: 'Add a document (PDF, JPEG, PNG, TIFF or HEIC) to a request' })
  @referenceParam
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadDocumentFormDto })
  @ApiCreatedResponse({ type: DocumentView })
  @ApiProblems(400, 401, 404, 409, 413, 415, 422, 429)
  @Access.requester()
  @Idempotent()
  @UseInterceptors(DocumentUploadInterceptor)
  addDocument(
    @RequesterCaseParam() requester: RequesterCase,
    @Body() fields: UploadDocumentDto,
    @StagedFile() file: StagedUpload,
  ): Promise<DocumentView> {
    return this.caseDocuments.add(requester, fields, file);
  }

  @Post(':reference/appeal')
  @HttpCode(200)
  @ApiOperation({ summary: 'Appeal a rejection, within 30 days; a reviewer who did not decide it looks again' })
  @referenceParam
  @ApiOkResponse({ type: RequestStatusView })
  @ApiProblems(400, 401, 404, 409, 422, 429)
  @Access.requester()
  @Idempotent()
  appeal(@RequesterCaseParam() requester: RequesterCase, @Body() body: AppealDto): Promise<RequestStatusView> {
    return this.intake.appeal(requester, body.statement);
  }

  @Post(':reference/email-confirmation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm your e-mail address with the code we sent you; review starts only then' })
  @referenceParam
  @ApiOkResponse({ type: EmailConfirmedView })
  @ApiProblems(400, 404, 409, 422, 429)
  @Access.public()
  @Idempotent()
  confirmEmail(@Param('reference') reference: string, @Body() body: ConfirmEmailDto): Promise<EmailConfirmedView> {
    return this.intake.confirmEmail(reference, body.code);
  }

  @Post(':reference/withdrawal')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a request that is still open' })
  @referenceParam
  @ApiOkResponse({ type: RequestStatusView })
  @ApiProblems(400, 401, 404, 409, 422, 429)
  @Access.requester()
  @Idempotent()
  withdraw(@RequesterCaseParam() requester: RequesterCase): Promise<RequestStatusView> {
    return this.intake.withdraw(requester);
  }
}
