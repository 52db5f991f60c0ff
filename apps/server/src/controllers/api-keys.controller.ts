import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeysService, ApiKeyView, CreateApiKeyDto, CreatedApiKeyView, type SessionUser } from '@app/identity';
import { CurrentUser } from '../access/session-auth.guard.js';
import { Access } from '../access/access.decorator.js';
import { ApiProblems } from '../http/api-problems.decorator.js';

/** Admins hand out API keys to support tooling and the account platform. */
@ApiTags('Integrations: API keys')
@Controller('api/v1/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post()
  @HttpCode(201)
  @Access.staff('admin')
  @ApiOperation({ summary: 'Create a key with scopes and an expiry; the key is shown once' })
  @ApiCreatedResponse({ type: CreatedApiKeyView })
  @ApiProblems(400, 401, 403)
  create(@Body() body: CreateApiKeyDto, @CurrentUser() user: SessionUser): Promise<CreatedApiKeyView> {
    return this.keys.create(body, user.userId);
  }

  @Get()
  @Access.staff('admin')
  @ApiOperation({ summary: 'Every key, with its scopes, expiry and last use (never the key itself)' })
  @ApiOkResponse({ type: [ApiKeyView] })
  @ApiProblems(401, 403)
  list(): Promise<ApiKeyView[]> {
    return this.keys.list();
  }

  @Delete(':id')
  @Access.staff('admin')
  @ApiOperation({ summary: 'Revoke a key: it stops working at once' })
  @ApiOkResponse({ type: ApiKeyView })
  @ApiProblems(400, 401, 403, 404)
  revoke(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: SessionUser): Promise<ApiKeyView> {
    return this.keys.revoke(id, user.userId);
  }
}
