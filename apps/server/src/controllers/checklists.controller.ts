import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ChecklistCatalogueService, ChecklistQueryDto, ChecklistView } from '@app/cases';
import { Access } from '../access/access.decorator.js';
import { ApiProblems } from '../http/api-problems.decorator.js';

/** Public: what a family will need, before they submit. Rate limited with the other public routes. */
@ApiTags('Requests (families)')
@Controller('api/v1/checklists')
export class ChecklistsController {
  constructor(private readonly catalogue: ChecklistCatalogueService) {}

  @Get()
  @Access.public()
  @ApiOperation({ summary: 'The documents a request needs, for a country and a request type' })
  @ApiOkResponse({ type: ChecklistView })
  @ApiProblems(400, 429)
  describe(@Query() query: ChecklistQueryDto): ChecklistView {
    return this.catalogue.describe(query);
  }
}
