import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  ParseEnumPipe,
  ParseUUIDPipe,
  Post,
  Query,
  StreamableFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { type StagedUpload } from '@app/documents';
import { DocumentUploadInterceptor, StagedFile } from '../http/document-upload.interceptor.js';
import {
  AuditTrailView,
  CaseActionDto,
  CaseDocumentsService,
  DocumentView,
  IntakeService,
  RequestCreatedView,
  type RequesterCase,
  SupportCaseDto,
  UploadDocumentDto,
  UploadDocumentFormDto,
  AuditTrailQuery,
  CaseDetailQuery,
  CaseDetailView,
  CaseNotes,
  CaseQueueService,
  DocumentReading,
  DocumentVerification,
  JurisdictionChange,
  ReviewerActions,
  JurisdictionChangeDto,
  NoteDto,
  QueuePageView,
  QueueQueryDto,
  REVIEWER_ACTIONS,
  type ReviewerAction,
  VerificationDto,
} from '@app/cases';
import { CaseOnBehalfGuard } from '../access/case-on-behalf.guard.js';
import { RequesterCaseParam } from '../access/requester-access.guard.js';
import { DomainException } from '@app/common';
import { type SessionUser } from '@app/identity';
import { auditActorOf, type Caller, CurrentCaller, keyIdOf, sessionUserOf } from '../access/caller-auth.guard.js';
import { CurrentUser } from '../access/session-auth.guard.js';
import { Access } from '../access/access.decorator.js';
import { ApiProblems } from '../http/api-problems.decorator.js';
import { Idempotent } from '../http/idempotency/idempotency.interceptor.js';

const referenceParam = ApiParam({ name: 'reference', example: 'NOK-2026-000123' });
const actionPipe = new ParseEnumPipe(Object.fromEntries(REVIEWER_ACTIONS.map((a) => [a, a])), {
  exceptionFactory: () =>
    DomainException.invalid([{ field: 'action', message: `must be one of ${REVIEWER_ACTIONS.join(', ')}` }]),
});

/** A document is data, never a page: sandboxed (no script, no plugin, a unique origin) and fetching nothing. */
const DOCUMENT_CONTENT_POLICY = "sandbox; default-src 'none'";

/** Legal review. Every change sends back the case's `version`; a stale one is refused with 409. */

@ApiTags('Back office: cases')
@Controller('api/v1/cases')
export class CasesController {
  constructor(
    private readonly casePage: CaseDetailQuery,
    private readonly auditTrail: AuditTrailQuery,
    private readonly reviewerActions: ReviewerActions,
    private readonly verification: DocumentVerification,
    private readonly jurisdictions: JurisdictionChange,
    private readonly notes: CaseNotes,
    private readonly reading: DocumentReading,
    private readonly queue: CaseQueueService,
    private readonly intake: IntakeService,
    private readonly caseDocuments: CaseDocumentsService,
  ) {}

  @Post()
  @HttpCode(201)
  @Access.key('cases:write')
  @ApiOperation({
    summary: 'Support tooling opens a case for a caller (the family request, with channel and agent reference)',
    description: 'Answers like the family intake, with the access token to hand to the family once.',
  })
  @ApiCreatedResponse({ type: RequestCreatedView })
  @ApiProblems(400, 401, 403, 409, 422)
  @Idempotent()
  open(@Body() body: SupportCaseDto, @CurrentCaller() caller: Caller): Promise<RequestCreatedView> {
    const { channel, agentReference, ...request } = body;
    return this.intake.submit(request, { keyId: keyIdOf(caller), channel, agentReference });
  }

  @Post(':reference/documents')
  @UseGuards(CaseOnBehalfGuard) // after the key check in Access.key: no existence leak to strangers
  @Access.key('cases:write')
  @referenceParam
  @ApiOperation({ summary: 'Support tooling adds a document the family sent them (same rules as the family upload)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadDocumentFormDto })
  @ApiCreatedResponse({ type: DocumentView })
  @ApiProblems(400, 401, 403, 404, 409, 413, 415, 422)
  @Idempotent()
  @UseInterceptors(DocumentUploadInterceptor)
  addDocument(
    @RequesterCaseParam() target: RequesterCase,
    @Body() fields: UploadDocumentDto,
    @StagedFile() file: StagedUpload,
    @CurrentCaller() caller: Caller,
  ): Promise<DocumentView> {
    return this.caseDocuments.add(target, fields, file, { actorType: 'api-key', actorId: keyIdOf(caller) });
  }

  @Get()
  @Access.staffOrKey('cases:read', 'reviewer', 'legal', 'admin')
  @ApiOperation({ summary: 'The queue: filtered, paged, each case with its SLA clocks' })
  @ApiOkResponse({ type: QueuePageView })
  @ApiProblems(400, 401, 403)
  list(@Query() query: QueueQueryDto): Promise<QueuePageView> {
    return this.queue.page(query);
  }

  @Get(':reference')
  @Access.staffOrKey('cases:read', 'reviewer', 'legal', 'admin')
  @referenceParam
  @ApiOperation({ summary: 'A case with its requester, subject, checklist, documents, decision and SLA clocks' })
  @ApiOkResponse({ type: CaseDetailView })
  @ApiProblems(401, 403, 404)
  detail(@Param('reference') reference: string, @CurrentCaller() caller: Caller): Promise<CaseDetailView> {
    return this.casePage.page(reference, sessionUserOf(caller));
  }

  @Post(':reference/actions/:action')
  @HttpCode(200)
  @Access.staff('reviewer', 'legal', 'admin')
  @referenceParam
  @ApiParam({ name: 'action', enum: REVIEWER_ACTIONS })
  @ApiOperation({ summary: 'Move the case: assign, start-review, request-info, approve, reject, fulfil, close…' })
  @ApiOkResponse({ type: CaseDetailView })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  async act(
    @Param('reference') reference: string,
    @Param('action', actionPipe) action: ReviewerAction,
    @Body() body: CaseActionDto,
    @CurrentUser() user: SessionUser,
  ): Promise<CaseDetailView> {
    await this.reviewerActions.act(reference, action, body, user);
    return this.casePage.page(reference, user);
  }

  @Post(':reference/notes')
  @HttpCode(201)
  @Access.staff('reviewer', 'legal', 'admin')
  @referenceParam
  @ApiOperation({ summary: 'Add an internal note (the family never sees it)' })
  @ApiCreatedResponse({ type: CaseDetailView })
  @ApiProblems(400, 401, 403, 404)
  async addNote(
    @Param('reference') reference: string,
    @Body() body: NoteDto,
    @CurrentUser() user: SessionUser,
  ): Promise<CaseDetailView> {
    await this.notes.add(reference, body.body, user);
    return this.casePage.page(reference, user);
  }

  @Post(':reference/jurisdiction')
  @HttpCode(200)
  @Access.staff('reviewer', 'legal')
  @referenceParam
  @ApiOperation({ summary: 'Correct the jurisdiction, with a reason; the checklist is judged again' })
  @ApiOkResponse({ type: CaseDetailView })
  @ApiProblems(400, 401, 403, 404, 409)
  async changeJurisdiction(
    @Param('reference') reference: string,
    @Body() body: JurisdictionChangeDto,
    @CurrentUser() user: SessionUser,
  ): Promise<CaseDetailView> {
    await this.jurisdictions.change(reference, body, user);
    return this.casePage.page(reference, user);
  }

  @Get(':reference/audit')
  @Access.staff('reviewer', 'legal', 'admin')
  @referenceParam
  @ApiOperation({ summary: "The case's audit trail: every change and every document read, oldest first" })
  @ApiOkResponse({ type: AuditTrailView })
  @ApiProblems(401, 403, 404)
  audit(@Param('reference') reference: string): Promise<AuditTrailView> {
    return this.auditTrail.forCase(reference);
  }

  @Get(':reference/documents/:id/content')
  @Access.staffOrKey('documents:read', 'reviewer', 'legal')
  @referenceParam
  @ApiOperation({
    summary: 'The document itself, decrypted; every read is audited',
    description: 'Only once scanned clean: 409 DOCUMENT_NOT_SCANNED while it waits, DOCUMENT_QUARANTINED if infected.',
  })
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png', 'image/tiff', 'image/heic')
  @ApiOkResponse({ description: 'The file', schema: { type: 'string', format: 'binary' } })
  @ApiProblems(400, 401, 403, 404, 409) // 409: still being scanned for malware, or quarantined
  // A hostile file (a PDF/HTML polyglot) runs nothing: no script, no plugin, no origin, no sniffing, no copy kept.
  @Header('Content-Security-Policy', DOCUMENT_CONTENT_POLICY)
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'no-store')
  async content(
    @Param('reference') reference: string,
    @Param('id', new ParseUUIDPipe()) documentId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<StreamableFile> {
    const opened = await this.reading.open(reference, documentId, auditActorOf(caller));
    return new StreamableFile(opened.content, {
      type: opened.mediaType,
      length: opened.size,
      disposition: `inline; filename*=UTF-8''${encodeURIComponent(opened.fileName)}`,
    });
  }

  @Post(':reference/documents/:id/verification')
  @HttpCode(200)
  @Access.staff('reviewer', 'legal')
  @referenceParam
  @ApiOperation({ summary: 'Accept a document, or reject it with a reason the family reads' })
  @ApiOkResponse({ type: CaseDetailView })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  async verify(
    @Param('reference') reference: string,
    @Param('id', new ParseUUIDPipe()) documentId: string,
    @Body() body: VerificationDto,
    @CurrentUser() user: SessionUser,
  ): Promise<CaseDetailView> {
    await this.verification.verify(reference, documentId, body, user);
    return this.casePage.page(reference, user);
  }
}
