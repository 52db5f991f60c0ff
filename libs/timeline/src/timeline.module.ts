import { Module } from '@nestjs/common';
import { AccountActivityService } from './account-activity.service.js';
import { DeadlineRefresher } from './deadline-refresher.service.js';
import { HoldsService } from './holds.service.js';
import { TimelineReader } from './timeline-reader.service.js';
import { TimelineRepository } from './timeline.repository.js';

@Module({
  providers: [AccountActivityService, DeadlineRefresher, HoldsService, TimelineReader, TimelineRepository],
  exports: [AccountActivityService, DeadlineRefresher, HoldsService, TimelineReader],
})
export class TimelineModule {}
