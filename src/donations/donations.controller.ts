import { idParam } from '../common/id-param.pipe';
import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { Route } from '../common/route';
import { DonationsService } from './donations.service';
import { CreateDonationDto } from './dto/create-donation.dto';
import { PageQueryDto } from '../common/pagination';
import { ListDonationsQuery } from './dto/donation-queries.dto';
import {
  DonationPageDto,
  DonationResultDto,
  HouseholdGiftsDto,
} from './dto/donation-responses.dto';

@ApiTags('donations')
@ApiBearerAuth()
@Controller()
export class DonationsController {
  constructor(private readonly donations: DonationsService) {}

  @Post('donations')
  @Route({
    roles: ['volunteer', 'admin'],
    idempotent: true,
    summary:
      'Give points to a verified, active hardship household (a volunteer from their own passbook; an admin on a named passbook’s behalf)',
    created: DonationResultDto,
  })
  donate(@Body() dto: CreateDonationDto, @CurrentPrincipal() principal: Principal) {
    return this.donations.donate(principal, dto);
  }

  @Get('donations')
  @Route({
    roles: ['volunteer', 'admin'],
    summary: 'Gifts, newest first: a volunteer sees their own, an admin all',
    ok: DonationPageDto,
  })
  list(@Query() query: ListDonationsQuery, @CurrentPrincipal() principal: Principal) {
    return this.donations.list(principal, query);
  }

  @Get('households/:id/gifts')
  @Route({
    roles: ['admin', 'clerk'],
    summary:
      'A household’s gifts received and what was redeemed with them, newest first (givers shown to admins only)',
    ok: HouseholdGiftsDto,
  })
  householdGifts(
    @Param('id', idParam('household'))
    id: number,
    @Query() page: PageQueryDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.donations.householdGifts(principal, id, page);
  }
}
