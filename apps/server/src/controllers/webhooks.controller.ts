import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller, keyIdOf } from '../access/caller-auth.guard.js';
import {
  CreatedWebhookView,
  CreateWebhookDto,
  DeliveriesQueryDto,
  DeliveryView,
  WebhookView,
  WebhooksService,
} from '@app/notifications';
import { Access } from '../access/access.decorator.js';
import { ApiProblems } from '../http/api-problems.decorator.js';
import { Idempotent } from '../http/idempotency/idempotency.interceptor.js';

/** A key's webhook subscriptions (scope webhooks:manage). Each key sees and manages only its own. */
@ApiTags('Integrations: webhooks')
@Controller('api/v1/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @HttpCode(201)
  @Access.key('webhooks:manage')
  @ApiOperation({ summary: 'Subscribe a URL to events; the signing secret is shown once' })
  @ApiCreatedResponse({ type: CreatedWebhookView })
  @ApiProblems(400, 401, 403, 409, 422)
  @Idempotent()
  create(@Body() body: CreateWebhookDto, @CurrentCaller() caller: Caller): Promise<CreatedWebhookView> {
    return this.webhooks.subscribe(keyIdOf(caller), body);
  }

  @Get()
  @Access.key('webhooks:manage')
  @ApiOperation({ summary: "This key's subscriptions" })
  @ApiOkResponse({ type: [WebhookView] })
  @ApiProblems(401, 403)
  list(@CurrentCaller() caller: Caller): Promise<WebhookView[]> {
    return this.webhooks.list(keyIdOf(caller));
  }

  @Delete(':id')
  @HttpCode(204)
  @Access.key('webhooks:manage')
  @ApiOperation({ summary: 'Unsubscribe' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404)
  async remove(@Param('id', new ParseUUIDPipe()) id: string, @CurrentCaller() caller: Caller): Promise<void> {
    await this.webhooks.remove(keyIdOf(caller), id);
  }

  @Get(':id/deliveries')
  @Access.key('webhooks:manage')
  @ApiOperation({ summary: "A subscription's deliveries, newest first; status=DEAD lists the dead-lettered" })
  @ApiOkResponse({ type: [DeliveryView] })
  @ApiProblems(400, 401, 403, 404)
  deliveries(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: DeliveriesQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<DeliveryView[]> {
    return this.webhooks.deliveries(keyIdOf(caller), id, query.status);
  }

  @Post('deliveries/:id/replay')
  @HttpCode(200)
  @Access.key('webhooks:manage')
  @ApiOperation({ summary: 'Send a delivery again (same event id), with another 24 hours of retries' })
  @ApiOkResponse({ type: DeliveryView })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  @Idempotent()
  replay(@Param('id', new ParseUUIDPipe()) id: string, @CurrentCaller() caller: Caller): Promise<DeliveryView> {
    return this.webhooks.replay(keyIdOf(caller), id);
  }
}
