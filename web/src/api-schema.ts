/**
 * Generated from the OpenAPI document (GET /api/docs-json) by openapi-typescript: do not edit.
 * After changing a DTO run `npm run gen:api-types`; web/src/types.ts names what the pages read.
 */

export interface paths {
  '/api/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['HealthController_health'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AuthController_login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/passbook-login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AuthController_passbookLogin'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AuthController_logout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AuthController_changePassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['MeController_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/pin': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['MeController_changePin'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['UsersController_list'];
    put?: never;
    post: operations['UsersController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['UsersController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: operations['UsersController_update'];
    trace?: never;
  };
  '/api/users/{id}/deactivate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['UsersController_deactivate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}/activate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['UsersController_activate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ledger/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['LedgerController_verify'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ledger/trial-balance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['LedgerController_trialBalance'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ledger/transactions/{id}/reversal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['LedgerController_reverse'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['MembersController_list'];
    put?: never;
    post: operations['MembersController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/members/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Members (and their teams) from a roster: ?dryRun=true reports row by row and writes nothing; otherwise all valid rows in one transaction, none when a row is refused unless skipInvalid */
    post: operations['MembersController_import'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/members/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The member list as a spreadsheet (?format=xlsx, the default, or csv) */
    get: operations['MembersController_export'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/members/duplicates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Passbooks already open for this name; samePhone marks the likely same person */
    get: operations['MembersController_duplicates'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/members/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['MembersController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: operations['MembersController_update'];
    trace?: never;
  };
  '/api/members/{id}/pin': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['MembersController_resetPin'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['TeamsController_list'];
    put?: never;
    post: operations['TeamsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['TeamsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: operations['TeamsController_update'];
    trace?: never;
  };
  '/api/teams/{id}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['TeamsController_addMember'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{id}/members/{memberId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete: operations['TeamsController_removeMember'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/households': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['HouseholdsController_list'];
    put?: never;
    post: operations['HouseholdsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/households/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['HouseholdsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: operations['HouseholdsController_update'];
    trace?: never;
  };
  '/api/members/{id}/transfer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Moves a volunteer with a zero balance to another community of the street office: new passbook there, hours carried (记录转移接续) */
    post: operations['TransfersController_transfer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/members/{id}/transfers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['TransfersController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/catalog-items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CatalogController_list'];
    put?: never;
    post: operations['CatalogController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/catalog-items/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CatalogController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: operations['CatalogController_update'];
    trace?: never;
  };
  '/api/catalog-items/{id}/restock': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CatalogController_restock'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/catalog-items/{id}/stock-adjustments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CatalogController_adjust'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/catalog-items/{id}/stock-movements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CatalogController_movements'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/redemption-windows/current': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['RedemptionWindowsController_current'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/redemption-windows': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['RedemptionWindowsController_list'];
    put?: never;
    post: operations['RedemptionWindowsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/redemption-windows/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['RedemptionWindowsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/redemption-windows/{id}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['RedemptionWindowsController_close'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/redemptions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['RedemptionsController_list'];
    put?: never;
    post: operations['RedemptionsController_redeem'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/redemptions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['RedemptionsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/redemptions/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['RedemptionsController_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/redemptions/{id}/returns': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Return part of a redemption: some units of some lines
     * @description Stock back (movement kind "return"), the points of exactly the returned units credited back in one `redeem_return` ledger transaction, the coupons of returned coupon units voided. Clerk while the redemption's window is open, admin at any time (REDEMPTION_WINDOW_CLOSED). Refused, changing nothing: a cancelled redemption (409 ALREADY_REVERSED); more units than not yet returned (409 CONFLICT, details.reason RETURN_EXCEEDS_REMAINING); a unit whose coupon was used (409 COUPON_ALREADY_USED, details.returnable); an item not in the redemption or a quantity that is not a whole number from 1 (400 VALIDATION_FAILED). Answers the return with the redemption as it now stands.
     */
    post: operations['RedemptionsController_returnPart'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/coupons/{code}/use': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CouponsController_use'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/coupons/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CouponsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/passbooks/{passbookNo}/coupons': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CouponsController_forPassbook'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/coupons': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CouponsController_mine'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/counter/day-summary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The counter's day: redemptions, cancellations, items, coupons used */
    get: operations['CounterController_daySummary'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/passbooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['PassbooksController_search'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/passbooks/{passbookNo}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['PassbooksController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/passbook': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['PassbooksController_mine'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ledger/adjustments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['PassbooksController_adjust'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/standard': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's community's scoring standard in force on a date (default today) */
    get: operations['StandardController_inForce'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/standard/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every stored version of the community's scoring standard, newest first */
    get: operations['StandardController_versions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/service-records': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What was logged, newest first (a leader sees their teams’ members) */
    get: operations['ServiceRecordsController_list'];
    put?: never;
    /** Log one member's service; scored by the standard in force that day */
    post: operations['ServiceRecordsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/service-records/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The logging rules in force in the caller's community: back-dating, daily hours, approval */
    get: operations['ServiceRecordsController_settings'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/service-records/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Credit many pending records in one transaction; those already decided are reported unchanged */
    post: operations['ServiceRecordsController_approveMany'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/service-records/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Keep many pending records uncredited, with one reason, in one transaction; those already decided are reported unchanged */
    post: operations['ServiceRecordsController_rejectMany'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/service-records/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ServiceRecordsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/service-records/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Credit a pending record (approving a credited record changes nothing); dated in a closed year, name an open objection or a restatement */
    post: operations['ServiceRecordsController_approve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/service-records/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Keep a pending record uncredited, with the reason */
    post: operations['ServiceRecordsController_reject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/service-records/{id}/reversal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Correct a wrong credited record by reversing its earn, with a reason */
    post: operations['ServiceRecordsController_reverse'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/activities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Log a team event's participants at once: all of them or none */
    post: operations['ActivitiesController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/activities/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ActivitiesController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Events newest first: an admin's community's, a leader's those of the teams they lead */
    get: operations['EventsController_list'];
    put?: never;
    /** Plan an event: date, times, teams, items, optional sign-up */
    post: operations['EventsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/events/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One event, for an admin or a leader of one of its teams */
    get: operations['EventsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/events/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel a planned event, with the reason */
    post: operations['EventsController_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/events/{id}/signups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who signed up for the event, and who withdrew */
    get: operations['EventsController_signups'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Planned events from today the volunteer may take part in, with their sign-up */
    get: operations['MeEventsController_mine'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/events/{id}/signup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign up for an event (报名), before its deadline, while places last */
    post: operations['MeEventsController_signUp'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/events/{id}/withdraw': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Withdraw from an event before its deadline; the place frees */
    post: operations['MeEventsController_withdraw'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/events/{id}/attendance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who came, when, for which item, and the hours closing will count */
    get: operations['AttendanceController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/events/{id}/check-in': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Check a volunteer in now: a scanned passbook or a tapped name */
    post: operations['AttendanceController_checkIn'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/events/{id}/check-out': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Check a volunteer out now */
    post: operations['AttendanceController_checkOut'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/events/{id}/attendance/{memberId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Log a participant by hand, or set their item, quantity or note */
    put: operations['AttendanceController_put'];
    post?: never;
    /** Remove a participant of a planned event (checked in by mistake) */
    delete: operations['AttendanceController_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/events/{id}/attendance/{memberId}/correction': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 补录: set check-in or check-out times by hand, with the reason */
    post: operations['AttendanceController_correct'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/events/{id}/check-in-code': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The self check-in code the leader's screen shows; it rotates every minute */
    get: operations['AttendanceController_code'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/events/{id}/check-in': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Check myself in with the code on the leader's screen */
    post: operations['MyAttendanceController_checkIn'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/events/{id}/check-out': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Check myself out with the code on the leader's screen */
    post: operations['MyAttendanceController_checkOut'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/events/{id}/photos': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The event's photos, without their bytes */
    get: operations['EventPhotosController_list'];
    put?: never;
    /** Add an evidence photo (JPEG, PNG or WebP, at most 2 MB, 9 per event), base64 */
    post: operations['EventPhotosController_upload'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/events/{id}/photos/{photoId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One photo: its bytes, with the type they were checked to be */
    get: operations['EventPhotosController_download'];
    put?: never;
    post?: never;
    /** Delete a photo: while the event is planned; after, an admin only */
    delete: operations['EventPhotosController_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/events/{id}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Close the event into its participants' service records, all or none (pending when approval is on for a leader) */
    post: operations['EventCloseController_closeEvent'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/events/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Credit the event's pending records (or the given ones) at once */
    post: operations['EventCloseController_approve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/events/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reject the event's pending records (or the given ones) at once */
    post: operations['EventCloseController_reject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/menu-items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The community's service menu (staff: withdrawn items too on request) */
    get: operations['MenuController_list'];
    put?: never;
    /** Publish a service on the menu (an admin; a leader for a team they lead) */
    post: operations['MenuController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/menu-items/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Edit a menu item's title, description, availability or item */
    patch: operations['MenuController_update'];
    trace?: never;
  };
  '/api/menu-items/{id}/withdraw': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Withdraw a menu item: no new orders; open ones are finished */
    post: operations['MenuController_withdraw'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/menu': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The service menu of the community named by ?community=<code> (without it the first community), with no people data */
    get: operations['PublicMenuController_menuOf'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Orders newest first: an admin's community's, a clerk's households', a leader's teams' */
    get: operations['OrdersController_list'];
    put?: never;
    /** Order a menu service for a household (a clerk or an admin) */
    post: operations['OrdersController_place'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One order, with its assignees and rating */
    get: operations['OrdersController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/{id}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Accept a placed order (接单), sending members of the item's team */
    post: operations['OrdersController_accept'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/{id}/decline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Decline a placed order, with the reason the orderer sees */
    post: operations['OrdersController_decline'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/{id}/done': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirm an accepted order done: each serving volunteer's record logged under the item (pending when approval is on for a leader) */
    post: operations['OrdersController_done'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel a household's order before it is done */
    post: operations['OrdersController_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/{id}/rating': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Rate a household's done order on its behalf (1–5), once */
    post: operations['OrdersController_rate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The volunteer's orders, newest first, with their state */
    get: operations['MyOrdersController_mine'];
    put?: never;
    /** Order a menu service for oneself (点单) */
    post: operations['MyOrdersController_place'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/orders/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel one of my orders before it is done */
    post: operations['MyOrdersController_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/orders/{id}/rating': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Rate the service of one of my done orders (1–5), once */
    post: operations['MyOrdersController_rate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/donations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Gifts, newest first: a volunteer sees their own, an admin all */
    get: operations['DonationsController_list'];
    put?: never;
    /** Give points to a verified, active hardship household (a volunteer from their own passbook; an admin on a named passbook’s behalf) */
    post: operations['DonationsController_donate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/households/{id}/gifts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A household’s gifts received and what was redeemed with them, newest first (givers shown to admins only) */
    get: operations['DonationsController_householdGifts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/wishes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The wish wall: open wishes first by their date, then claimed, then fulfilled, newest first; names masked but for admins */
    get: operations['WishesController_list'];
    put?: never;
    /** Post a wish (微心愿) on a hardship household's behalf */
    post: operations['WishesController_post'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/wishes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A volunteer posts a wish of their own */
    post: operations['WishesController_postOwn'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/wishes/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One wish of the community */
    get: operations['WishesController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/wishes/{id}/claim': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A volunteer claims a wish (again: the same answer) */
    post: operations['WishesController_claimOwn'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/wishes/{id}/claim': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A leader claims a wish for one of their teams (again: the same answer) */
    post: operations['WishesController_claimForTeam'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/wishes/{id}/release': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The volunteer who claimed a wish releases it */
    post: operations['WishesController_releaseOwn'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/wishes/{id}/release': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** An admin, or a leader of the claiming team, releases a wish's claim */
    post: operations['WishesController_release'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/wishes/{id}/fulfil': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Staff who saw it done confirm a claimed wish fulfilled: each volunteer who did it gets a service record under the wish item */
    post: operations['WishesController_fulfil'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/wishes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The community's wish wall for everyone (?community=<code>): masked names, the wish, its status; no ids of people or contact data */
    get: operations['PublicWishesController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/star-ratings/{year}/run': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Compute or recompute the draft rating of a year in the admin's community (not once published) */
    post: operations['StarRatingsController_run'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/star-ratings/{year}/publish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Publish the draft as computed; closes the year to new service records in the admin's community */
    post: operations['StarRatingsController_publish'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/star-ratings/{year}/finalize': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End the notice period: stars granted (final). Refused before the period ends, while an objection is open, or when earned points changed */
    post: operations['StarRatingsController_finalize'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/star-ratings/{year}/objections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Objections to the year's rating, newest first (?status=open|accepted|rejected); a street-office user names the community */
    get: operations['StarRatingsController_listObjections'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/star-ratings/{year}/objections/{id}/resolve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Answer an objection (accepted: its correction was posted first, naming it; the rating is recomputed and the notice restarted or extended) */
    post: operations['StarRatingsController_resolve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/star-ratings/{year}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The rating of a year with names, passbook numbers and points: the admin's community, or for a street-office user the one named by ?community= */
    get: operations['StarRatingsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/star-ratings/{year}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The published rating as a public notice (公示): masked names and stars only, of the community named by ?community=<code> (without it the first community), with that community's name and issuer */
    get: operations['PublicStarRatingsController_notice'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/objections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The volunteer's own objections, newest first, with the answers */
    get: operations['MyObjectionsController_mine'];
    put?: never;
    /** Object to a published star rating during its notice period: about one's own entry ("self") or an entry of the notice (its ref) */
    post: operations['MyObjectionsController_file'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/quarter/{year}/{quarter}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Quarterly report of the admin's community (a street-office user names one with ?community=<code>): points earned by category and team, redeemed, donated, volunteers, stock given out, outstanding points (?format=csv for a spreadsheet with English codes as before; &lang=zh for Chinese headers and names) */
    get: operations['ReportsController_quarter'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/year/{year}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Annual report of the admin's community (a street-office user names one with ?community=<code>): the quarter's figures over the calendar year, hours, the twelve months and the year's published star rating by grade (?format=csv, &lang=zh as for the quarter) */
    get: operations['ReportsController_year'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/growth': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Volunteer growth per month from ?from=YYYY-MM to ?to=YYYY-MM (at most 120 months): registered at the month's end, active, joined and left in it (a street-office user names the community with ?community=) */
    get: operations['ReportsController_growth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/community': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The community as the pages show it (?community=<code>; without it the first community): name, notice issuer, time zone (COMMUNITY_TZ), today's local date, public address (PUBLIC_URL) */
    get: operations['CommunityController_community'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/community': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's community (its name for the pages); for a street-office user their street office and its communities */
    get: operations['MyCommunityController_mine'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** What the community's certificates (志愿服务记录证明) print of it: the person in charge (负责人) and the contact; null removes one */
    patch: operations['MyCommunityController_updateContact'];
    trace?: never;
  };
  '/api/office/communities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['OfficeController_list'];
    put?: never;
    /** A new community of the street office, with its own books */
    post: operations['OfficeController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/office/communities/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: operations['OfficeController_update'];
    trace?: never;
  };
  '/api/office/communities/{id}/admins': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** An administrator of the community (its first, or another) */
    post: operations['OfficeController_addAdmin'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/office/overview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Each community's volunteers, teams, hours and points earned, redeemed and donated in the year (or ?quarter=), outstanding points and verify status, side by side and summed */
    get: operations['OfficeController_overview'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/office/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every community's ledger verified on its own */
    get: operations['OfficeController_verify'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/certificates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The register of issued certificates (street-office users name the community: ?community=) */
    get: operations['CertificatesController_list'];
    put?: never;
    /** Issues a signed certificate of the volunteer’s verified service in the period (志愿服务记录证明) */
    post: operations['CertificatesController_issue'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/certificates/{number}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CertificatesController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/certificates/{number}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revokes a certificate: its check then answers revoked */
    post: operations['CertificatesController_revoke'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/certificates/key': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The public key certificates are signed with (PEM) and its fingerprint */
    get: operations['PublicCertificatesController_key'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/certificates/{number}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Checks a certificate by its number: valid, revoked, or invalid (its stored content does not match its signature) */
    get: operations['PublicCertificatesController_check'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/exports/national-service-records.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Verified service records of the period in the national record system’s fields, identity numbers in clear (street-office users: ?community=) */
    get: operations['ExportsController_xlsx'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/exports/national-service-records.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The same as a CSV file (UTF-8 with BOM) */
    get: operations['ExportsController_csv'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    HealthDto: {
      /** @enum {string} */
      status: 'ok';
      /** @enum {string} */
      db: 'up';
    };
    LoginDto: {
      username: string;
      password: string;
    };
    LoginUserDto: {
      id: number;
      username: string;
      /** @enum {string} */
      role: 'admin' | 'leader' | 'clerk' | 'office';
      /** @description true while the password was chosen by someone else (generated for the first admin, reset by an admin or with `npm run user:reset-password`); the pages show only the account page until the user changes it (POST /api/auth/password), which clears it. The service itself does not refuse other requests. */
      mustChangePassword: boolean;
    };
    LoginResponseDto: {
      token: string;
      /** @example 2026-06-15T14:00:00.000Z */
      expiresAt: string;
      user: components['schemas']['LoginUserDto'];
    };
    PassbookLoginDto: {
      /**
       * @description as printed; case, spaces and dashes ignored
       * @example V7K2MQ9X
       */
      passbookNo: string;
      /** @example 123456 */
      pin: string;
    };
    PassbookLoginMemberDto: {
      id: number;
      /** @example V7K2MQ9X */
      passbookNo: string;
      name: string;
    };
    PassbookLoginResponseDto: {
      token: string;
      /** @example 2026-06-15T14:00:00.000Z */
      expiresAt: string;
      member: components['schemas']['PassbookLoginMemberDto'];
    };
    ChangePasswordDto: {
      currentPassword: string;
      newPassword: string;
    };
    MeResponseDto: {
      /** @enum {string} */
      kind: 'user' | 'member';
      id: number;
      /** @description staff */
      username?: string;
      /**
       * @description staff
       * @enum {string}
       */
      role?: 'admin' | 'leader' | 'clerk' | 'office';
      /** @description staff: teams led */
      teamIds?: number[];
      /** @description staff: true while the password was chosen by someone else (generated for the first admin, reset by an admin or with `npm run user:reset-password`); the pages show only the account page until the user changes it (POST /api/auth/password), which clears it. The service itself does not refuse other requests. */
      mustChangePassword?: boolean;
      /** @description volunteer */
      passbookNo?: string;
      /** @description volunteer */
      name?: string;
    };
    ChangePinDto: {
      currentPin: string;
      newPin: string;
    };
    CreateUserDto: {
      /** @description teams a leader leads */
      teamIds?: number[];
      username: string;
      password: string;
      /** @enum {string} */
      role: 'admin' | 'leader' | 'clerk' | 'office';
    };
    UserViewDto: {
      id: number;
      username: string;
      /** @enum {string} */
      role: 'admin' | 'leader' | 'clerk' | 'office';
      active: boolean;
      /** @description teams led */
      teamIds: number[];
      createdAt: string;
      /** @description true while the password was chosen by someone else (generated for the first admin, reset by an admin or with `npm run user:reset-password`); the pages show only the account page until the user changes it (POST /api/auth/password), which clears it. The service itself does not refuse other requests. */
      mustChangePassword: boolean;
    };
    UserViewPageDto: {
      items: components['schemas']['UserViewDto'][];
      /** @description pass as `cursor` for the next page; null on the last page */
      nextCursor: string | null;
    };
    UpdateUserDto: {
      /** @description teams a leader leads */
      teamIds?: number[];
      /** @enum {string} */
      role?: 'admin' | 'leader' | 'clerk' | 'office';
      /** @description a new password; ends the user’s sessions */
      password?: string;
    };
    CommunityRefDto: {
      id: number;
      /** @example default */
      code: string;
    };
    VerifyResultDto: {
      ok: boolean;
      /** @description when ok: transactions checked */
      transactions?: number;
      /** @description when ok: the hash of the last transaction */
      lastHash?: string;
      /** @description when not ok: the first transaction that fails */
      firstBadSeq?: number | null;
      /** @description when not ok: what is wrong */
      reason?: string;
      /** @description the caller's community, whose chain this is */
      community: components['schemas']['CommunityRefDto'];
    };
    TrialBalanceDto: {
      /** @description every account balances and the sum is zero */
      ok: boolean;
      /** @example 0.00 */
      sum: string;
      /** @description accounts checked */
      accounts: number;
      /** @description the caller's community, whose books these are */
      community: components['schemas']['CommunityRefDto'];
    };
    RestatementDto: {
      /** @description Why a final year is corrected; kept on the restatement record */
      reason: string;
    };
    ReversalDto: {
      /** @description An open objection to the published rating of the year this corrects (admin, during the notice period) */
      objectionId?: number;
      /** @description Correct a final year (admin, where config/star-rating.json sets closedYearCorrections: "restate") */
      restatement?: components['schemas']['RestatementDto'];
      /** @description Why the transaction is reversed; kept in the ledger */
      reason: string;
    };
    ReversalResultDto: {
      /**
       * Format: uuid
       * @description the reversal transaction
       */
      transactionId: string;
      /**
       * Format: uuid
       * @description the transaction it reverses
       */
      reverses: string;
      seq: number;
    };
    IdDocumentDto: {
      /**
       * @description 居民身份证, 港澳居民来往内地通行证, 台湾居民来往大陆通行证, 护照, 其他
       * @enum {string}
       */
      type: 'resident_id' | 'hk_macao_permit' | 'taiwan_permit' | 'passport' | 'other';
      /**
       * @description spaces and dashes are dropped, letters taken in capitals; a resident ID (resident_id) is 18 characters with the GB 11643 check digit. Stored sealed, answered masked (1101**********1234)
       * @example 110101199003071233
       */
      number: string;
    };
    CreateMemberDto: {
      /** @example 张三明 */
      name: string;
      /** @enum {string} */
      kind: 'party_member' | 'resident';
      /**
       * @description a mainland mobile number; spaces, dashes and +86 are dropped
       * @example 13812345678
       */
      phone?: string;
      /** @description left out, a PIN is generated and returned once */
      pin?: string;
      /**
       * @description a pre-printed passbook number (8 characters, check character included); generated when left out
       * @example V7K2MQ9X
       */
      passbookNo?: string;
      /**
       * @description the local date the volunteer joined (加入日期), e.g. from the paper records; not in the future, not before 2000-01-01; left out: today
       * @example 2019-03-05
       */
      joinedOn?: string;
      /** @description the identity document (证件), for certificates and the national export */
      idDocument?: components['schemas']['IdDocumentDto'];
    };
    MaskedIdDocumentDto: {
      /** @enum {string} */
      type: 'resident_id' | 'hk_macao_permit' | 'taiwan_permit' | 'passport' | 'other';
      /**
       * @description always masked
       * @example 1101**********1233
       */
      number: string;
    };
    CreatedMemberDto: {
      id: number;
      /** @example V0000012 */
      passbookNo: string;
      name: string;
      /** @enum {string} */
      kind: 'party_member' | 'resident';
      /** @example 0.00 */
      balance: string;
      /** @description its number masked */
      idDocument: components['schemas']['MaskedIdDocumentDto'] | null;
      /** @description the generated PIN, shown once (absent when one was given) */
      pin?: string;
    };
    MemberViewDto: {
      id: number;
      /** @example V0000012 */
      passbookNo: string;
      /** @example 张三明 */
      name: string;
      /** @enum {string} */
      kind: 'party_member' | 'resident';
      /** @description full for admins, masked (138****5678) for leaders */
      phone: string | null;
      active: boolean;
      /** @example 12.00 */
      balance: string;
      teamIds: number[];
      createdAt: string;
      /**
       * @description the local date the volunteer joined
       * @example 2019-03-05
       */
      joinedOn: string;
      /**
       * @description the local date of the deactivation; null while active
       * @example null
       */
      deactivatedOn: string | null;
      /** @description the identity document (证件), its number masked for everyone */
      idDocument: components['schemas']['MaskedIdDocumentDto'] | null;
    };
    MemberViewPageDto: {
      items: components['schemas']['MemberViewDto'][];
      /** @description pass as `cursor` for the next page; null on the last page */
      nextCursor: string | null;
    };
    RosterRowDto: {
      /** @example 张三明 */
      name?: string;
      /** @description 党员 / 群众 (or party_member / resident); blank: 群众 */
      kind?: string;
      /** @example 13812345678 */
      phone?: string;
      /** @description team names separated by 、 , ； or /; unknown teams are created */
      teams?: string;
      /** @description a pre-printed passbook number (8 characters, check character included); generated when left out */
      passbookNo?: string;
      /** @description 6 digits; blank: generated and returned once */
      pin?: string;
      /** @description 加入日期: YYYY-MM-DD (or 2019/3/5, 2019年3月5日); blank: the day of the import */
      joinedOn?: string;
    };
    ImportMembersDto: {
      /** @description the spreadsheet, base64; its first row names the columns (姓名 at least) */
      file?: string;
      /**
       * @description with `file`
       * @enum {string}
       */
      format?: 'xlsx' | 'csv';
      /** @description rows already read, instead of `file` */
      rows?: components['schemas']['RosterRowDto'][];
      /** @description import the valid rows and leave the refused ones out */
      skipInvalid?: boolean;
    };
    RowProblemDto: {
      /** @enum {string} */
      field: 'name' | 'kind' | 'phone' | 'pin' | 'passbookNo' | 'teams' | 'row';
      /** @example DUPLICATE_EXISTING */
      reason: string;
      message: string;
      /** @description the other row (DUPLICATE_IN_FILE) */
      row?: number;
      /** @description the passbook already open */
      passbookNo?: string;
    };
    ImportRowReportDto: {
      /** @description the row's number in the file (header is row 1) */
      row: number;
      name: string;
      /** @enum {string|null} */
      kind: 'party_member' | 'resident' | null;
      phone: string | null;
      teams: string[];
      /** @enum {string} */
      status: 'ok' | 'refused' | 'imported' | 'skipped';
      problems: components['schemas']['RowProblemDto'][];
      warnings: components['schemas']['RowProblemDto'][];
      memberId?: number;
      passbookNo?: string;
      /** @description the generated PIN, shown once */
      pin?: string;
    };
    ImportReportDto: {
      dryRun: boolean;
      total: number;
      valid: number;
      refused: number;
      imported: number;
      /** @description teams the import creates */
      newTeams: string[];
      rows: components['schemas']['ImportRowReportDto'][];
    };
    SameNamedMemberDto: {
      id: number;
      passbookNo: string;
      name: string;
      phone: string | null;
      active: boolean;
      /** @description the phone matches too */
      samePhone: boolean;
    };
    SameNamedMembersDto: {
      items: components['schemas']['SameNamedMemberDto'][];
    };
    UpdateMemberDto: {
      name?: string;
      /** @enum {string} */
      kind?: 'party_member' | 'resident';
      /** @description null removes the phone; a mainland mobile number */
      phone?: string | null;
      /** @description false: the volunteer can no longer log in (deactivatedOn becomes today) */
      active?: boolean;
      /**
       * @description the local date the volunteer joined (加入日期), e.g. from the paper records; not in the future, not before 2000-01-01
       * @example 2019-03-05
       */
      joinedOn?: string;
      /** @description the identity document (证件); null removes it */
      idDocument?: components['schemas']['IdDocumentDto'] | null;
    };
    ResetPinDto: {
      /** @description the new PIN; left out, one is generated and shown once */
      pin?: string;
    };
    PinResetDto: {
      id: number;
      passbookNo: string;
      /** @description the generated PIN, shown once (absent when one was given) */
      pin?: string;
    };
    CreateTeamDto: {
      /** @example 家电维修服务队 */
      name: string;
      /** @example 家电维修 */
      serviceType?: string;
      leaderUserIds?: number[];
    };
    CreatedTeamDto: {
      id: number;
      name: string;
      serviceType: string | null;
      leaderUserIds: number[];
    };
    TeamViewDto: {
      id: number;
      /** @example 家电维修服务队 */
      name: string;
      serviceType: string | null;
      leaderUserIds: number[];
      memberCount: number;
      createdAt: string;
    };
    TeamViewPageDto: {
      items: components['schemas']['TeamViewDto'][];
      /** @description pass as `cursor` for the next page; null on the last page */
      nextCursor: string | null;
    };
    UpdateTeamDto: {
      name?: string;
      serviceType?: string | null;
      /** @description replaces the team’s leaders */
      leaderUserIds?: number[];
    };
    AddTeamMemberDto: {
      memberId: number;
    };
    TeamMembershipDto: {
      teamId: number;
      memberId: number;
    };
    CreateHouseholdDto: {
      /** @example 李奶奶 */
      name: string;
      /** @enum {string} */
      hardship: 'elderly_alone' | 'disabled' | 'low_income' | 'other';
      address?: string;
      /** @description a contact person or phone */
      contact?: string;
      /**
       * @description a pre-printed passbook number (8 characters, check character included); generated when left out
       * @example H7K2MQ9X
       */
      passbookNo?: string;
    };
    CreatedHouseholdDto: {
      id: number;
      passbookNo: string;
      name: string;
      /** @enum {string} */
      hardship: 'elderly_alone' | 'disabled' | 'low_income' | 'other';
      verified: boolean;
    };
    HouseholdListItemDto: {
      id: number;
      name: string;
      /** @enum {string} */
      hardship: 'elderly_alone' | 'disabled' | 'low_income' | 'other';
      /** @description staff */
      passbookNo?: string;
      /** @description staff */
      address?: string | null;
      /** @description staff */
      contact?: string | null;
      /** @description staff */
      verified?: boolean;
      /** @description staff */
      active?: boolean;
      /** @description staff */
      balance?: string;
      /** @description staff */
      createdAt?: string;
    };
    HouseholdListItemPageDto: {
      items: components['schemas']['HouseholdListItemDto'][];
      /** @description pass as `cursor` for the next page; null on the last page */
      nextCursor: string | null;
    };
    HouseholdViewDto: {
      id: number;
      /** @example H0000003 */
      passbookNo: string;
      /** @example 李奶奶 */
      name: string;
      /** @enum {string} */
      hardship: 'elderly_alone' | 'disabled' | 'low_income' | 'other';
      /** @description full for admins, masked for clerks */
      address: string | null;
      /** @description full for admins, masked for clerks */
      contact: string | null;
      verified: boolean;
      active: boolean;
      /** @example 30.00 */
      balance: string;
      createdAt: string;
    };
    UpdateHouseholdDto: {
      name?: string;
      /** @enum {string} */
      hardship?: 'elderly_alone' | 'disabled' | 'low_income' | 'other';
      address?: string | null;
      contact?: string | null;
      /** @description false: no longer verified, cannot receive donations */
      verified?: boolean;
      active?: boolean;
    };
    TransferMemberDto: {
      /**
       * @description the code of the community the volunteer moves to
       * @example b
       */
      toCommunity: string;
      /** @example 搬家到B社区 */
      reason: string;
    };
    TransferViewDto: {
      id: number;
      memberId: number;
      /**
       * @description code of the community left
       * @example default
       */
      fromCommunity: string;
      /**
       * @description code of the community joined
       * @example b
       */
      toCommunity: string;
      /**
       * @description the old passbook (closed, in the old books)
       * @example V7K2MQ9X
       */
      fromPassbookNo: string;
      /**
       * @description the new passbook, opened in the new books
       * @example V3PQ8RTA
       */
      toPassbookNo: string;
      /**
       * @description verified service hours carried
       * @example 40.00
       */
      hours: string;
      reason: string;
      /** @example user:1 */
      createdBy: string;
      /** @example 2026-06-15T02:00:00.000Z */
      date: string;
    };
    TransferListDto: {
      /** @description oldest first */
      items: components['schemas']['TransferViewDto'][];
    };
    CreateCatalogItemDto: {
      /** @example 大米 5kg */
      name: string;
      /** @enum {string} */
      kind: 'goods' | 'service_coupon';
      /**
       * @description points per unit, greater than zero
       * @example 12.50
       */
      price: string | number;
      /**
       * @description units on hand at the start (recorded as "initial")
       * @example 3
       */
      stock: number | string;
    };
    CatalogItemViewDto: {
      id: number;
      /** @example 大米 5kg */
      name: string;
      /** @enum {string} */
      kind: 'goods' | 'service_coupon';
      /** @example 20.00 */
      price: string;
      stock: number;
      active: boolean;
      /** @example 2026-06-15T02:00:00.000Z */
      createdAt: string;
      /** @example 2026-06-15T02:00:00.000Z */
      updatedAt: string;
    };
    CatalogItemViewPageDto: {
      items: components['schemas']['CatalogItemViewDto'][];
      /** @description pass as `cursor` for the next page; null on the last page */
      nextCursor: string | null;
    };
    UpdateCatalogItemDto: {
      name?: string;
      /**
       * @description applies to redemptions from now on
       * @example 12.50
       */
      price?: string | number;
      /** @description false withdraws the item from the counter */
      active?: boolean;
    };
    RestockDto: {
      /**
       * @description units received, at least 1
       * @example 3
       */
      quantity: number | string;
      /** @example 街道捐赠 */
      note?: string;
    };
    StockMovementViewDto: {
      id: number;
      /** @enum {string} */
      kind: 'initial' | 'restock' | 'redemption' | 'cancellation' | 'return' | 'adjustment';
      /** @description units in (positive) or out (negative) */
      quantity: number;
      stockAfter: number;
      redemptionId: number | null;
      /** @example user:2 */
      actor: string;
      note: string | null;
      /** @example 2026-06-15T02:00:00.000Z */
      createdAt: string;
    };
    StockChangeResultDto: {
      id: number;
      /** @example 大米 5kg */
      name: string;
      /** @enum {string} */
      kind: 'goods' | 'service_coupon';
      /** @example 20.00 */
      price: string;
      stock: number;
      active: boolean;
      /** @example 2026-06-15T02:00:00.000Z */
      createdAt: string;
      /** @example 2026-06-15T02:00:00.000Z */
      updatedAt: string;
      movement: components['schemas']['StockMovementViewDto'];
    };
    StockAdjustmentDto: {
      /**
       * @description signed units: -2 for two broken, +1 for one found
       * @example 3
       */
      quantity: number | string;
      /** @example 盘点: 两袋破损 */
      reason: string;
    };
    StockMovementViewPageDto: {
      items: components['schemas']['StockMovementViewDto'][];
      /** @description pass as `cursor` for the next page; null on the last page */
      nextCursor: string | null;
    };
    WindowClosedEarlyDto: {
      /** @example user:2 */
      by: string;
      /** @example 2026-06-15T02:00:00.000Z */
      at: string;
    };
    WindowViewDto: {
      id: number;
      /** @enum {string} */
      kind: 'scheduled' | 'ad_hoc';
      /** @example 2026-06 */
      periodKey: string | null;
      /** @example 2026-06-15T01:00:00.000Z */
      opensAt: string;
      /** @example 2026-06-15T09:00:00.000Z */
      closesAt: string;
      note: string | null;
      closedEarly: components['schemas']['WindowClosedEarlyDto'] | null;
    };
    CurrentWindowDto: {
      open: boolean;
      window: components['schemas']['WindowViewDto'] | null;
      next: components['schemas']['WindowViewDto'] | null;
    };
    WindowViewPageDto: {
      items: components['schemas']['WindowViewDto'][];
      /** @description pass as `cursor` for the next page; null on the last page */
      nextCursor: string | null;
    };
    WindowEventViewDto: {
      /** @enum {string} */
      kind: 'created' | 'rescheduled' | 'opened' | 'closed';
      at: string;
      actor: string;
      note: string | null;
      recordedAt: string;
    };
    WindowWithEventsDto: {
      id: number;
      /** @enum {string} */
      kind: 'scheduled' | 'ad_hoc';
      /** @example 2026-06 */
      periodKey: string | null;
      /** @example 2026-06-15T01:00:00.000Z */
      opensAt: string;
      /** @example 2026-06-15T09:00:00.000Z */
      closesAt: string;
      note: string | null;
      closedEarly: components['schemas']['WindowClosedEarlyDto'] | null;
      events: components['schemas']['WindowEventViewDto'][];
    };
    CreateWindowDto: {
      /**
       * @description ISO-8601; without an offset it is local time in COMMUNITY_TZ
       * @example 2026-07-01T09:00:00+08:00
       */
      opensAt: string;
      /** @example 2026-07-03T18:00:00+08:00 */
      closesAt: string;
      /** @example 春节前加开 */
      note?: string;
    };
    CloseWindowDto: {
      /** @example 货品已兑完 */
      note?: string;
    };
    RedemptionLineDto: {
      catalogItemId: number;
      /**
       * @description whole units, 1 to 1000
       * @example 3
       */
      quantity: number | string;
    };
    RedeemDto: {
      /**
       * @description a member's (V…) or household's (H…) passbook
       * @example V7K2MQ9X
       */
      passbookNo: string;
      lines: components['schemas']['RedemptionLineDto'][];
    };
    RedemptionLineViewDto: {
      catalogItemId: number;
      name: string;
      /** @enum {string} */
      kind: 'goods' | 'service_coupon';
      quantity: number;
      /** @example 20.00 */
      unitPrice: string;
      /** @example 40.00 */
      amount: string;
      /** @description units of this line given back by returns so far */
      returnedQuantity: number;
    };
    RedemptionCouponDto: {
      code: string;
      catalogItemId: number;
      /** @enum {string} */
      status: 'issued' | 'used' | 'void';
    };
    CancellationDto: {
      /** Format: uuid */
      transactionId: string;
      reason: string;
      cancelledAt: string;
      cancelledBy: string;
      /** @example 80.00 */
      balanceAfter: string;
    };
    ReturnLineViewDto: {
      catalogItemId: number;
      name: string;
      quantity: number;
      /** @example 20.00 */
      unitPrice: string;
      /** @example 20.00 */
      amount: string;
    };
    RedemptionReturnViewDto: {
      id: number;
      redemptionId: number;
      /** Format: uuid */
      transactionId: string;
      /**
       * @description points credited back to the passbook
       * @example 20.00
       */
      points: string;
      /** @example 60.00 */
      balanceAfter: string;
      reason: string;
      createdAt: string;
      /** @example user:2 */
      createdBy: string;
      createdByName: string | null;
      lines: components['schemas']['ReturnLineViewDto'][];
      /** @description codes of the coupons voided with the units */
      voidedCoupons: string[];
    };
    RedemptionViewDto: {
      id: number;
      /** @example V0000012 */
      passbookNo: string;
      /** @enum {string} */
      ownerType: 'member' | 'household';
      /** @enum {string} */
      status: 'completed' | 'cancelled';
      windowId: number;
      /** @example 40.00 */
      total: string;
      /** @example 60.00 */
      balanceAfter: string;
      /** Format: uuid */
      transactionId: string;
      createdAt: string;
      /** @example user:2 */
      createdBy: string;
      /** @description the clerk's username */
      createdByName: string | null;
      ownerName: string;
      lines: components['schemas']['RedemptionLineViewDto'][];
      coupons: components['schemas']['RedemptionCouponDto'][];
      cancellation: components['schemas']['CancellationDto'] | null;
      /** @example 0.00 */
      returnedPoints: string;
      returns: components['schemas']['RedemptionReturnViewDto'][];
    };
    RedemptionViewPageDto: {
      items: components['schemas']['RedemptionViewDto'][];
      /** @description pass as `cursor` for the next page; null on the last page */
      nextCursor: string | null;
    };
    CancelRedemptionDto: {
      /** @example 选错了商品 */
      reason: string;
    };
    ReturnLineDto: {
      /** @description the catalog item of a line of this redemption */
      catalogItemId: number;
      /**
       * @description whole units to give back, at least 1
       * @example 3
       */
      quantity: number | string;
      /** @description ADDED. A coupon line only: the codes of the coupons handed back, one per unit (as many as quantity); those are voided. Without it the oldest unused coupons of the line are voided */
      couponCodes?: string[];
    };
    ReturnRedemptionDto: {
      lines: components['schemas']['ReturnLineDto'][];
      /** @example 大米受潮，退回一袋 */
      reason: string;
    };
    ReturnResultDto: {
      id: number;
      redemptionId: number;
      /** Format: uuid */
      transactionId: string;
      /**
       * @description points credited back to the passbook
       * @example 20.00
       */
      points: string;
      /** @example 60.00 */
      balanceAfter: string;
      reason: string;
      createdAt: string;
      /** @example user:2 */
      createdBy: string;
      createdByName: string | null;
      lines: components['schemas']['ReturnLineViewDto'][];
      /** @description codes of the coupons voided with the units */
      voidedCoupons: string[];
      redemption: components['schemas']['RedemptionViewDto'];
    };
    UseCouponDto: {
      /** @example 王师傅上门保洁 2 小时 */
      note?: string;
    };
    CouponUsedDto: {
      code: string;
      /** @enum {string} */
      status: 'used';
      /** @example 2026-06-15T02:00:00.000Z */
      usedAt: string;
    };
    CouponViewDto: {
      /** @example K7M2-9QXF */
      code: string;
      catalogItemId: number;
      /** @example 家政保洁 1小时 */
      itemName: string;
      /** @enum {string} */
      status: 'issued' | 'used' | 'void';
      redemptionId: number;
      /** @example V0000012 */
      passbookNo: string;
      /** @example 2026-06-15T02:00:00.000Z */
      issuedAt: string;
      usedAt: string | null;
      voidedAt: string | null;
    };
    CouponViewPageDto: {
      items: components['schemas']['CouponViewDto'][];
      /** @description pass as `cursor` for the next page; null on the last page */
      nextCursor: string | null;
    };
    CountPointsDto: {
      count: number;
      /** @example 120.00 */
      points: string;
    };
    ReturnsSummaryDto: {
      count: number;
      /** @example 120.00 */
      points: string;
      units: number;
    };
    DayItemDto: {
      catalogItemId: number;
      name: string;
      /** @enum {string} */
      kind: 'goods' | 'service_coupon';
      quantity: number;
      /** @example 40.00 */
      points: string;
    };
    CouponCountDto: {
      catalogItemId: number;
      count: number;
    };
    CouponsUsedDto: {
      count: number;
      items: components['schemas']['CouponCountDto'][];
    };
    DaySummaryDto: {
      /** @example 2026-06-15 */
      date: string;
      /** @example Asia/Shanghai */
      timeZone: string;
      /** @example 2026-06-14T16:00:00.000Z */
      from: string;
      /** @example 2026-06-15T16:00:00.000Z */
      to: string;
      redemptions: components['schemas']['CountPointsDto'];
      cancellations: components['schemas']['CountPointsDto'];
      returns: components['schemas']['ReturnsSummaryDto'];
      /** @example 100.00 */
      netPoints: string;
      items: components['schemas']['DayItemDto'][];
      couponsUsed: components['schemas']['CouponsUsedDto'];
    };
    MatchOwnerDto: {
      /** @enum {string} */
      type: 'member' | 'household';
      id: number;
      name: string;
    };
    PassbookMatchDto: {
      /** @example V7K2MQ9X */
      passbookNo: string;
      owner: components['schemas']['MatchOwnerDto'];
      /** @description always masked (138****5678) */
      phone: string | null;
      /** @description names of the member's teams */
      teams: string[];
      active: boolean;
    };
    PassbookMatchPageDto: {
      items: components['schemas']['PassbookMatchDto'][];
      /** @description pass as `cursor` for the next page; null on the last page */
      nextCursor: string | null;
    };
    OwnerDto: {
      /** @enum {string} */
      type: 'member' | 'household';
      id: number;
      name: string;
    };
    HoursDto: {
      /** @example 12.50 */
      thisYear: string;
      /** @example 40.00 */
      total: string;
    };
    HoursGradeDto: {
      /** @enum {string} */
      preset: 'national' | 'dalian';
      stars: number;
      /** @example 50.00 */
      nextAtHours: string | null;
    };
    StarsThisYearDto: {
      stars: number;
      /** @example 20.00 */
      nextAtPoints: string | null;
    };
    PassbookTransferDto: {
      /**
       * @description code of the community left
       * @example default
       */
      fromCommunity: string;
      /**
       * @description code of the community joined
       * @example b
       */
      toCommunity: string;
      /** @example V7K2MQ9X */
      fromPassbookNo: string;
      /** @example V3PQ8RTA */
      toPassbookNo: string;
      /**
       * @description verified service hours carried
       * @example 40.00
       */
      hours: string;
      /** @example 2026-06-15T02:00:00.000Z */
      date: string;
    };
    ReversedEntryDto: {
      /** Format: uuid */
      transactionId: string;
      /** @enum {string} */
      kind: 'earn' | 'redeem' | 'redeem_return' | 'donate' | 'receive' | 'reversal' | 'adjust';
      /**
       * @description the original amount on this passbook
       * @example +4.00
       */
      amount: string;
      /** @example 2026-06-01 */
      effectiveDate: string;
      /** @example 2026-06-15 */
      postedDate: string;
      /** @example 家电维修 2小时 */
      description: string;
    };
    ReversalOfDto: {
      /** Format: uuid */
      transactionId: string;
      /** @example 2026-06-20 */
      effectiveDate: string;
      /**
       * @description local date it was posted
       * @example 2026-06-20
       */
      postedDate: string;
      /** @example 2026-06-20T03:00:00.000Z */
      createdAt: string;
      /** @example 记错人了 */
      reason: string | null;
    };
    StatementEntryDto: {
      /** @description the ledger position (internal; pages do not show it) */
      seq: number;
      /** Format: uuid */
      transactionId: string;
      /** @enum {string} */
      kind: 'earn' | 'redeem' | 'redeem_return' | 'donate' | 'receive' | 'reversal' | 'adjust';
      /** @example +3.00 */
      amount: string;
      /** @example 3.00 */
      balanceAfter: string;
      /**
       * @description the date the points belong to (service date for earns)
       * @example 2026-06-01
       */
      effectiveDate: string;
      /** @example 2026-06-15T02:00:00.000Z */
      createdAt: string;
      /**
       * @description local date (COMMUNITY_TZ) the entry was posted: the statement's order
       * @example 2026-06-15
       */
      postedDate: string;
      /** @example 家电维修 2小时 */
      description: string;
      /** @description the reason given with a reversal or an adjustment; null for other entries */
      reason: string | null;
      /** @description on a reversal: the entry it reverses (wherever it stands in the history) */
      reversesEntry: components['schemas']['ReversedEntryDto'] | null;
      /** @description on an entry that was reversed: when and why */
      reversedBy: components['schemas']['ReversalOfDto'] | null;
    };
    PassbookViewDto: {
      /** @example V7K2MQ9X */
      passbookNo: string;
      owner: components['schemas']['OwnerDto'];
      /** @example 12.50 */
      balance: string;
      /** @example 20.00 */
      earnedThisYear: string;
      hours: components['schemas']['HoursDto'];
      hoursGrade: components['schemas']['HoursGradeDto'];
      starsThisYear: components['schemas']['StarsThisYearDto'];
      /** @description the owner's moves between communities, oldest first; hours.total includes their hours */
      transfers: components['schemas']['PassbookTransferDto'][];
      /** @description newest first */
      entries: components['schemas']['StatementEntryDto'][];
      nextCursor: string | null;
    };
    AdjustmentDto: {
      /** @example V7K2MQ9X */
      passbookNo: string;
      /**
       * @description signed points with at most two decimals; negative takes points off
       * @example +12.50
       */
      amount: string | number;
      /** @example 纸质存折结转 opening balance from the paper passbook */
      reason: string;
    };
    AdjustmentResultDto: {
      /** Format: uuid */
      transactionId: string;
      seq: number;
      /** @example V7K2MQ9X */
      passbookNo: string;
      /** @example +5.00 */
      amount: string;
      /** @example 17.50 */
      balanceAfter: string;
      /** @example 2026-06-15 */
      effectiveDate: string;
      reason: string;
    };
    StandardItemDto: {
      /** @example appliance_repair */
      code: string;
      /** @example 家电维修 */
      name: string;
      /** @enum {string} */
      unit: 'hour' | 'time';
      /** @example 2.00 */
      pointsPerUnit: string;
      /**
       * @description absent: no cap of its own
       * @example 8.00
       */
      maxUnitsPerDay?: string;
      /** @description present (true) when only an administrator awards it */
      adminOnly?: boolean;
      /**
       * @description per-time items: the service hours one time stands for (a fair morning 3.00); absent for hourly items and in versions written before it, whose per-time records count 0 hours
       * @example 3.00
       */
      hoursPerTime?: string;
    };
    StandardCategoryDto: {
      /** @example repair */
      code: string;
      /** @example 维修服务 */
      name: string;
      items: components['schemas']['StandardItemDto'][];
    };
    StandardViewDto: {
      version: number;
      /** @example 2026-01-01 */
      effectiveFrom: string;
      /** @description the last day in force; null while no later version is loaded */
      effectiveUntil: string | null;
      title: string | null;
      categories: components['schemas']['StandardCategoryDto'][];
    };
    StandardVersionSummaryDto: {
      version: number;
      /** @example 2026-01-01 */
      effectiveFrom: string;
      title: string | null;
      contentHash: string;
      loadedAt: string;
      /** @description number of categories */
      categories: number;
      /** @description number of items */
      items: number;
    };
    StandardVersionsDto: {
      /** @description newest first */
      items: components['schemas']['StandardVersionSummaryDto'][];
    };
    CreateServiceRecordDto: {
      /** @description An open objection to the published rating of the year this corrects (admin, during the notice period) */
      objectionId?: number;
      /** @description Correct a final year (admin, where config/star-rating.json sets closedYearCorrections: "restate") */
      restatement?: components['schemas']['RestatementDto'];
      /** @example 12 */
      memberId: number;
      /**
       * @description Item code of the scoring standard
       * @example appliance_repair
       */
      itemCode: string;
      /** @description Hours (for `hour` items) or times (for `time` items, whole numbers): a decimal string or number with at most two places */
      quantity: string | number;
      /**
       * @description Local date of the service, YYYY-MM-DD
       * @example 2026-06-14
       */
      serviceDate: string;
      note?: string;
      /** @description Team the service was done for; defaults to a team of the logging leader that the member belongs to */
      teamId?: number;
      /**
       * @description true to log it although the same member already has a record of the same item on the same day (409 CONFLICT, reason LIKELY_DUPLICATE, without it): a second real service, kept on record as confirmed
       * @example false
       */
      confirmDuplicate?: boolean;
    };
    ServiceRecordViewDto: {
      id: number;
      memberId: number;
      memberName: string | null;
      teamId: number | null;
      activityId: number | null;
      /** @example appliance_repair */
      itemCode: string;
      /** @example 家电维修 */
      itemName: string | null;
      /** @example repair */
      categoryCode: string;
      /** @enum {string} */
      unit: 'hour' | 'time';
      standardVersion: number;
      /** @example 2.00 */
      quantity: string;
      /** @example 2.00 */
      hours: string;
      /** @example 4.00 */
      points: string;
      /** @example 2026-06-14 */
      serviceDate: string;
      /** @enum {string} */
      status: 'posted' | 'pending' | 'rejected';
      /**
       * Format: uuid
       * @description the earn, once posted
       */
      transactionId: string | null;
      /** Format: uuid */
      reversalTransactionId: string | null;
      note: string | null;
      rejectReason: string | null;
      /** @example user:3 */
      createdBy: string;
      createdAt: string;
      decidedBy: string | null;
      decidedAt: string | null;
      /** @description the event it was closed from */
      eventId: number | null;
      /**
       * @description when the member started serving (check-in, within the event), for a timed record
       * @example 2026-12-13T00:30:00.000Z
       */
      startedAt: string | null;
      /**
       * @description when the member stopped serving (check-out, within the event), for a timed record
       * @example 2026-12-13T03:30:00.000Z
       */
      endedAt: string | null;
      /**
       * @description where the hours come from: the item (hours of an hourly item, times x hoursPerTime of a per-time item), the check-in and check-out times, or times corrected by hand (补录); null on records logged before events (their hours come from the item)
       * @enum {string|null}
       */
      hoursSource: 'item' | 'times' | 'corrected' | null;
      /** @description the record of the same member, item and day it was confirmed not to duplicate (confirmDuplicate) */
      confirmedDistinctFrom: number | null;
    };
    ServiceRecordViewPageDto: {
      items: components['schemas']['ServiceRecordViewDto'][];
      /** @description pass as `cursor` for the next page; null on the last page */
      nextCursor: string | null;
    };
    ServiceDatesDto: {
      /** @example 2026-06-08 */
      earliest: string;
      /** @example 2026-06-15 */
      latest: string;
    };
    ServiceRecordSettingsDto: {
      approvalRequired: boolean;
      backDatingDays: number;
      /** @example 12.00 */
      maxHoursPerDay: string;
      /** @description the dates that may be logged today */
      serviceDates: components['schemas']['ServiceDatesDto'];
    };
    DecideServiceRecordsDto: {
      /**
       * @example [
       *       41,
       *       42
       *     ]
       */
      ids: number[];
    };
    DecisionResultDto: {
      /** @description how many pending records were credited (approve) */
      approved?: number;
      /** @description how many pending records were rejected (reject) */
      rejected?: number;
      /** @description ids already decided before, left as they were */
      unchanged: number[];
      /** @description every record asked, as it is now */
      records: components['schemas']['ServiceRecordViewDto'][];
    };
    RejectServiceRecordsDto: {
      /**
       * @example [
       *       41,
       *       42
       *     ]
       */
      ids: number[];
      /** @description Why the records are not credited; kept with each */
      reason: string;
    };
    ClosedYearCorrectionDto: {
      /** @description An open objection to the published rating of the year this corrects (admin, during the notice period) */
      objectionId?: number;
      /** @description Correct a final year (admin, where config/star-rating.json sets closedYearCorrections: "restate") */
      restatement?: components['schemas']['RestatementDto'];
    };
    RejectServiceRecordDto: {
      /** @description Why the record is not credited; kept with it */
      reason: string;
    };
    RecordReversalDto: {
      /**
       * Format: uuid
       * @description the reversal transaction
       */
      transactionId: string;
      /**
       * Format: uuid
       * @description the earn it reverses
       */
      reverses: string;
      /** @description the record, as it was */
      record: components['schemas']['ServiceRecordViewDto'];
    };
    ParticipantDto: {
      /** @example 12 */
      memberId: number;
      /** @description Hours (for `hour` items) or times (for `time` items, whole numbers): a decimal string or number with at most two places */
      quantity: string | number;
      note?: string;
    };
    CreateActivityDto: {
      /** @example 3 */
      teamId: number;
      /** @example leifeng_fair */
      itemCode: string;
      /** @example 六月雷锋号便民大集 */
      title: string;
      /** @example 2026-06-14 */
      serviceDate: string;
      participants: components['schemas']['ParticipantDto'][];
      /**
       * @description true to log it although the same member already has a record of the same item on the same day (409 CONFLICT, reason LIKELY_DUPLICATE, without it): a second real service, kept on record as confirmed
       * @example false
       */
      confirmDuplicate?: boolean;
    };
    ActivityViewDto: {
      id: number;
      teamId: number;
      itemCode: string;
      itemName: string | null;
      /** @example 六月雷锋号便民大集 */
      title: string;
      /** @example 2026-06-14 */
      serviceDate: string;
      standardVersion: number;
      /** @description how many took part */
      participants: number;
      /** @example 40.00 */
      totalPoints: string;
      /** @example 20.00 */
      totalHours: string;
      createdBy: string;
      createdAt: string;
      records: components['schemas']['ServiceRecordViewDto'][];
    };
    EventSignupDto: {
      /**
       * @description who may sign up: the event's teams' members, or every volunteer of the community
       * @enum {string}
       */
      audience: 'teams' | 'community';
      /**
       * @description most volunteers who may sign up
       * @example 30
       */
      capacity?: number;
      /**
       * @description sign-up and withdrawal close at this instant (default: when the event starts)
       * @example 2026-12-12T18:00:00+08:00
       */
      deadline?: string;
    };
    CreateEventDto: {
      /** @example 十二月雷锋号便民大集 */
      title: string;
      /** @example 社区文化广场 */
      place: string;
      /**
       * @description local date of the event
       * @example 2026-12-13
       */
      date: string;
      /**
       * @description local start time, HH:MM
       * @example 08:30
       */
      startsAt: string;
      /**
       * @description local end time, HH:MM, after the start
       * @example 11:30
       */
      endsAt: string;
      /**
       * @description the teams running the event
       * @example [
       *       3,
       *       4
       *     ]
       */
      teamIds: number[];
      /**
       * @description items of the standard served at the event
       * @example [
       *       "leifeng_fair",
       *       "haircut",
       *       "appliance_repair"
       *     ]
       */
      itemCodes: string[];
      description?: string;
      /** @description publish for sign-up (报名) */
      signup?: components['schemas']['EventSignupDto'];
    };
    EventTeamRefDto: {
      id: number;
      /** @example 理发服务队 */
      name: string | null;
    };
    EventItemRefDto: {
      /** @example haircut */
      code: string;
      /** @example 义务理发 */
      name: string | null;
      /** @enum {string|null} */
      unit: 'hour' | 'time' | null;
      /** @example 2.00 */
      pointsPerUnit: string | null;
      /**
       * @description hours one time of a per-time item counts for; null for hourly items
       * @example 0.50
       */
      hoursPerTime: string | null;
    };
    EventSignupInfoDto: {
      /** @enum {string} */
      audience: 'teams' | 'community';
      /** @description null: no limit */
      capacity: number | null;
      /** @description sign-up and withdrawal close then */
      deadline: string | null;
      /** @description how many are signed up now */
      signedUp: number;
    };
    EventViewDto: {
      id: number;
      /** @example 十二月雷锋号便民大集 */
      title: string;
      /** @example 社区文化广场 */
      place: string;
      /** @example 2026-12-13 */
      date: string;
      /** @example 08:30 */
      startsAt: string;
      /** @example 11:30 */
      endsAt: string;
      /** @enum {string} */
      status: 'planned' | 'closed' | 'cancelled';
      description: string | null;
      teams: components['schemas']['EventTeamRefDto'][];
      items: components['schemas']['EventItemRefDto'][];
      /** @description null: no sign-up */
      signup: components['schemas']['EventSignupInfoDto'] | null;
      /** @example user:3 */
      createdBy: string;
      createdAt: string;
      /** @description who closed or cancelled it */
      closedBy: string | null;
      closedAt: string | null;
      cancelReason: string | null;
    };
    EventViewPageDto: {
      items: components['schemas']['EventViewDto'][];
      /** @description pass as `cursor` for the next page; null on the last page */
      nextCursor: string | null;
    };
    CancelEventDto: {
      /** @description Why the event does not take place; shown with it */
      reason: string;
    };
    EventSignupRowDto: {
      memberId: number;
      name: string;
      passbookNo: string;
      /** @enum {string} */
      status: 'signed_up' | 'withdrawn';
      signedUpAt: string;
      withdrawnAt: string | null;
    };
    EventSignupListDto: {
      items: components['schemas']['EventSignupRowDto'][];
    };
    MyAttendanceDto: {
      checkInAt: string | null;
      checkOutAt: string | null;
    };
    MyEventDto: {
      id: number;
      /** @example 十二月雷锋号便民大集 */
      title: string;
      /** @example 社区文化广场 */
      place: string;
      /** @example 2026-12-13 */
      date: string;
      /** @example 08:30 */
      startsAt: string;
      /** @example 11:30 */
      endsAt: string;
      /** @enum {string} */
      status: 'planned' | 'closed' | 'cancelled';
      description: string | null;
      teams: components['schemas']['EventTeamRefDto'][];
      items: components['schemas']['EventItemRefDto'][];
      /** @description null: no sign-up */
      signup: components['schemas']['EventSignupInfoDto'] | null;
      /** @example user:3 */
      createdBy: string;
      createdAt: string;
      /** @description who closed or cancelled it */
      closedBy: string | null;
      closedAt: string | null;
      cancelReason: string | null;
      /** @enum {string|null} */
      mySignup: 'signed_up' | 'withdrawn' | null;
      myAttendance: components['schemas']['MyAttendanceDto'] | null;
    };
    MyEventListDto: {
      items: components['schemas']['MyEventDto'][];
    };
    MySignupDto: {
      eventId: number;
      /** @enum {string} */
      status: 'signed_up';
      signedUpAt: string;
    };
    MyWithdrawalDto: {
      eventId: number;
      /** @enum {string} */
      status: 'withdrawn';
      withdrawnAt: string | null;
    };
    AttendanceCorrectionDto: {
      /** @example 手机没电，未能签到 */
      reason: string;
      /** @example user:3 */
      by: string;
      /** @example 2026-12-13T04:00:00.000Z */
      at: string;
    };
    AttendanceViewDto: {
      memberId: number;
      /** @example 张志愿 */
      name: string;
      /** @example V7K2MQ9X */
      passbookNo: string;
      /**
       * @description null until chosen when the event has several items
       * @example event_security
       */
      itemCode: string | null;
      /**
       * @description set by hand; null: from the times (hourly items) or one time (per-time items)
       * @example 3.00
       */
      quantity: string | null;
      /** @example 2026-12-13T00:40:00.000Z */
      checkInAt: string | null;
      /** @enum {string|null} */
      checkInMethod: 'scan' | 'name' | 'self' | 'corrected' | null;
      checkOutAt: string | null;
      /** @enum {string|null} */
      checkOutMethod: 'scan' | 'name' | 'self' | 'corrected' | null;
      /** @description 补录: the times were set by hand, why, by whom, when */
      correction: components['schemas']['AttendanceCorrectionDto'] | null;
      note: string | null;
      /**
       * @description the hours closing the event will count; null while that cannot be told yet
       * @example 2.25
       */
      hours: string | null;
    };
    AttendanceListDto: {
      items: components['schemas']['AttendanceViewDto'][];
    };
    CheckInDto: {
      /**
       * @description the scanned passbook number (or the address its QR code holds, ending in the number); or give memberId
       * @example V7K2MQ9X
       */
      passbookNo?: string;
      /**
       * @description the member tapped in the list of names
       * @example 12
       */
      memberId?: number;
      /**
       * @description the item they serve, one of the event's items (default: the event's only item; with several, chosen later)
       * @example haircut
       */
      itemCode?: string;
    };
    PutAttendanceDto: {
      /**
       * @description one of the event's items
       * @example haircut
       */
      itemCode?: string;
      /** @description hours (hourly items; default: the time between check-in and check-out) or whole times (per-time items; default 1); null clears it */
      quantity?: (string | number) | null;
      note?: string | null;
    };
    CorrectAttendanceDto: {
      /**
       * @description when they came, with its offset; on the event date
       * @example 2026-12-13T08:30:00+08:00
       */
      checkInAt?: string;
      /**
       * @description when they left, with its offset; on the event date, after checkInAt
       * @example 2026-12-13T11:30:00+08:00
       */
      checkOutAt?: string;
      /** @example 手机没电，未能签到 */
      reason: string;
    };
    CheckinCodeDto: {
      /** @example K7M2Q9XA */
      code: string;
      /** @example /me/check-in?event=12&code=K7M2Q9XA */
      path: string;
      /**
       * @description accepted until then
       * @example 2026-12-13T00:47:00.000Z
       */
      validUntil: string;
      /** @example 60 */
      rotatesEverySeconds: number;
    };
    SelfCheckInDto: {
      /** @example K7M2Q9XA */
      code: string;
    };
    UploadPhotoDto: {
      /**
       * @description the image type; it must be what the bytes are (read from their first bytes)
       * @enum {string}
       */
      contentType: 'image/jpeg' | 'image/png' | 'image/webp';
      /** @description the image, standard padded base64 without line breaks; at most 2097152 bytes decoded */
      data: string;
    };
    EventPhotoViewDto: {
      id: number;
      /**
       * @description the type its bytes were checked to be
       * @enum {string}
       */
      contentType: 'image/jpeg' | 'image/png' | 'image/webp';
      /**
       * @description bytes, decoded
       * @example 183204
       */
      size: number;
      /** @description hex sha256 of the bytes; the download’s ETag */
      sha256: string;
      /** @example user:2 */
      uploadedBy: string;
      /** @example 2026-06-15T02:00:00.000Z */
      uploadedAt: string;
    };
    EventPhotoListDto: {
      /** @description in the order they were uploaded */
      items: components['schemas']['EventPhotoViewDto'][];
    };
    CloseEventDto: {
      /**
       * @description true to log it although the same member already has a record of the same item on the same day (409 CONFLICT, reason LIKELY_DUPLICATE, without it): a second real service, kept on record as confirmed
       * @example false
       */
      confirmDuplicate?: boolean;
    };
    EventClosedDto: {
      /** @description the event, now closed (as GET /api/events/:id) */
      event: components['schemas']['EventViewDto'];
      records: components['schemas']['ServiceRecordViewDto'][];
    };
    DecideEventRecordsDto: {
      /** @description Some of the event's records only; without it, all of its pending records */
      recordIds?: number[];
    };
    RejectEventRecordsDto: {
      /** @description Some of the event's records only; without it, all of its pending records */
      recordIds?: number[];
      /** @description Why the records are not credited; kept with each */
      reason: string;
    };
    CreateMenuItemDto: {
      /**
       * @description the team that takes its orders
       * @example 3
       */
      teamId: number;
      /**
       * @description an item of the standard in force today
       * @example haircut
       */
      itemCode: string;
      /** @example 上门理发 */
      title: string;
      /** @example 为行动不便的老人上门理发 */
      description?: string;
      /** @example 每周六上午 */
      availability: string;
    };
    MenuItemViewDto: {
      id: number;
      teamId: number;
      /** @example 理发服务队 */
      teamName: string | null;
      /** @example haircut */
      itemCode: string;
      /** @example 理发 */
      itemName: string | null;
      /** @enum {string|null} */
      unit: 'hour' | 'time' | null;
      /** @example 上门理发 */
      title: string;
      description: string | null;
      /** @example 每周六上午 */
      availability: string;
      /** @enum {string} */
      status: 'active' | 'withdrawn';
      createdAt: string;
      updatedAt: string;
      withdrawnAt: string | null;
    };
    MenuListDto: {
      items: components['schemas']['MenuItemViewDto'][];
    };
    UpdateMenuItemDto: {
      /** @example haircut */
      itemCode?: string;
      title?: string;
      description?: string;
      availability?: string;
    };
    PublicCommunityRefDto: {
      /** @example lingnan */
      code: string;
      /** @example 岭南社区 */
      name: string | null;
    };
    PublicMenuItemDto: {
      id: number;
      title: string;
      description: string | null;
      availability: string;
      teamName: string | null;
      itemName: string | null;
      /** @enum {string|null} */
      unit: 'hour' | 'time' | null;
    };
    PublicMenuDto: {
      community: components['schemas']['PublicCommunityRefDto'];
      items: components['schemas']['PublicMenuItemDto'][];
    };
    HouseholdOrderDto: {
      /** @example 5 */
      menuItemId: number;
      /**
       * @description a local date-time or free text (周六上午)
       * @example 2026-06-20T09:00
       */
      preferredTime: string;
      /** @example 岭南小区3号楼2单元501 */
      place: string;
      note?: string;
      /**
       * @description the household ordered for
       * @example 2
       */
      householdId: number;
    };
    OrderedForDto: {
      /** @enum {string} */
      type: 'member' | 'household';
      id: number;
      /** @description masked (张*明) unless an admin or the volunteer themself */
      name: string;
    };
    OrderAssigneeDto: {
      memberId: number;
      /** @description masked to volunteers */
      name: string;
      /** @description the record logged when done */
      serviceRecordId: number | null;
    };
    OrderRatingDto: {
      stars: number;
      comment: string | null;
      ratedAt: string;
    };
    OrderViewDto: {
      id: number;
      menuItemId: number;
      /** @example 上门理发 */
      title: string;
      /** @example haircut */
      itemCode: string;
      itemName: string | null;
      /** @enum {string|null} */
      unit: 'hour' | 'time' | null;
      teamId: number;
      teamName: string | null;
      orderedFor: components['schemas']['OrderedForDto'];
      /** @example 周六上午 */
      preferredTime: string;
      /** @example 岭南小区3号楼2单元501 */
      place: string;
      note: string | null;
      /** @enum {string} */
      status: 'placed' | 'accepted' | 'declined' | 'done' | 'cancelled';
      createdAt: string;
      acceptedAt: string | null;
      assignees: components['schemas']['OrderAssigneeDto'][];
      declineReason: string | null;
      declinedAt: string | null;
      /** @description local date it was served on */
      serviceDate: string | null;
      doneAt: string | null;
      cancelledAt: string | null;
      rating: components['schemas']['OrderRatingDto'] | null;
    };
    OrderViewPageDto: {
      items: components['schemas']['OrderViewDto'][];
      /** @description pass as `cursor` for the next page; null on the last page */
      nextCursor: string | null;
    };
    AcceptOrderDto: {
      /**
       * @description the team's members sent
       * @example [
       *       12,
       *       13
       *     ]
       */
      memberIds: number[];
    };
    DeclineOrderDto: {
      /** @example 本周队员都不在社区 */
      reason: string;
    };
    ServedVolunteerDto: {
      /** @example 12 */
      memberId: number;
      /** @description hours for an hourly item, times for a per-time item (at most two places) */
      quantity: string | number;
    };
    OrderDoneDto: {
      /**
       * @description the service date (default today)
       * @example 2026-06-15
       */
      serviceDate?: string;
      volunteers: components['schemas']['ServedVolunteerDto'][];
      /** @description log although a volunteer has a record of the item that day */
      confirmDuplicate?: boolean;
    };
    OrderDoneViewDto: {
      id: number;
      menuItemId: number;
      /** @example 上门理发 */
      title: string;
      /** @example haircut */
      itemCode: string;
      itemName: string | null;
      /** @enum {string|null} */
      unit: 'hour' | 'time' | null;
      teamId: number;
      teamName: string | null;
      orderedFor: components['schemas']['OrderedForDto'];
      /** @example 周六上午 */
      preferredTime: string;
      /** @example 岭南小区3号楼2单元501 */
      place: string;
      note: string | null;
      /** @enum {string} */
      status: 'placed' | 'accepted' | 'declined' | 'done' | 'cancelled';
      createdAt: string;
      acceptedAt: string | null;
      assignees: components['schemas']['OrderAssigneeDto'][];
      declineReason: string | null;
      declinedAt: string | null;
      /** @description local date it was served on */
      serviceDate: string | null;
      doneAt: string | null;
      cancelledAt: string | null;
      rating: components['schemas']['OrderRatingDto'] | null;
      /** @description the records logged for the volunteers */
      records: components['schemas']['ServiceRecordViewDto'][];
    };
    RateOrderDto: {
      /** @example 5 */
      rating: number;
      /** @example 师傅手艺好，很耐心 */
      comment?: string;
    };
    MyOrderDto: {
      /** @example 5 */
      menuItemId: number;
      /**
       * @description a local date-time or free text (周六上午)
       * @example 2026-06-20T09:00
       */
      preferredTime: string;
      /** @example 岭南小区3号楼2单元501 */
      place: string;
      note?: string;
    };
    CreateDonationDto: {
      /**
       * @description The hardship household that receives the points
       * @example 3
       */
      householdId: number;
      /** @description Points to give: a decimal string or number with at most two decimal places */
      points: string | number;
      /**
       * @description The giver's passbook number: required when an administrator records a gift on a volunteer's behalf; a volunteer may leave it out (it must be their own)
       * @example V7K2MQ9X
       */
      passbookNo?: string;
      /**
       * @description The wish (微心愿) the gift is toward: its household must be `householdId`, and it must not be fulfilled yet
       * @example 4
       */
      wishId?: number;
    };
    DonationResultDto: {
      id: number;
      /** Format: uuid */
      transactionId: string;
      /**
       * @description the giver's passbook
       * @example V7K2MQ9X
       */
      passbookNo: string;
      householdId: number;
      /** @example 5.00 */
      points: string;
      /**
       * @description the giver's balance after the gift
       * @example 7.50
       */
      balanceAfter: string;
      createdAt: string;
    };
    DonationListItemDto: {
      id: number;
      /** Format: uuid */
      transactionId: string;
      passbookNo: string;
      memberName: string;
      householdId: number;
      /** @description masked for volunteers, in full for administrators */
      householdName: string;
      /** @example 5.00 */
      points: string;
      createdAt: string;
      reversed: boolean;
    };
    DonationListItemPageDto: {
      items: components['schemas']['DonationListItemDto'][];
      /** @description pass as `cursor` for the next page; null on the last page */
      nextCursor: string | null;
    };
    GiftHouseholdDto: {
      id: number;
      passbookNo: string;
      name: string;
      /** @enum {string} */
      hardship: 'elderly_alone' | 'disabled' | 'low_income' | 'other';
      verified: boolean;
      active: boolean;
    };
    GiftTotalsDto: {
      /** @example 30.00 */
      received: string;
      /** @example 20.00 */
      redeemed: string;
    };
    GiverDto: {
      memberId: number;
      passbookNo: string;
      name: string;
    };
    GiftEntryDto: {
      /** @description the ledger position (internal; pages do not show it) */
      seq: number;
      /** Format: uuid */
      transactionId: string;
      /** @enum {string} */
      kind: 'earn' | 'redeem' | 'redeem_return' | 'donate' | 'receive' | 'reversal' | 'adjust';
      /** @example +3.00 */
      amount: string;
      /** @example 3.00 */
      balanceAfter: string;
      /**
       * @description the date the points belong to (service date for earns)
       * @example 2026-06-01
       */
      effectiveDate: string;
      /** @example 2026-06-15T02:00:00.000Z */
      createdAt: string;
      /**
       * @description local date (COMMUNITY_TZ) the entry was posted: the statement's order
       * @example 2026-06-15
       */
      postedDate: string;
      /** @example 家电维修 2小时 */
      description: string;
      /** @description the reason given with a reversal or an adjustment; null for other entries */
      reason: string | null;
      /** @description on a reversal: the entry it reverses (wherever it stands in the history) */
      reversesEntry: components['schemas']['ReversedEntryDto'] | null;
      /** @description on an entry that was reversed: when and why */
      reversedBy: components['schemas']['ReversalOfDto'] | null;
      /** @description receive entries: the donation */
      donationId?: number;
      /** @description receive entries, administrators only */
      from?: components['schemas']['GiverDto'];
      /** @description this entry was later reversed */
      reversed: boolean;
      /**
       * Format: uuid
       * @description reversal entries: the transaction undone
       */
      reverses?: string;
    };
    HouseholdGiftsDto: {
      household: components['schemas']['GiftHouseholdDto'];
      /** @example 10.00 */
      balance: string;
      /** @description net of reversals */
      totals: components['schemas']['GiftTotalsDto'];
      /** @description newest first */
      entries: components['schemas']['GiftEntryDto'][];
      nextCursor: string | null;
    };
    HouseholdWishDto: {
      /** @example 一件过冬的棉衣 */
      title: string;
      /** @example 身高一米六，怕冷 */
      detail?: string;
      /**
       * @description 物品 goods, 出行 transport, 维修 repair, 陪伴 company, 其他 other
       * @enum {string}
       */
      category: 'goods' | 'transport' | 'repair' | 'company' | 'other';
      /**
       * @description Local date it is wished by, YYYY-MM-DD, not in the past
       * @example 2026-06-30
       */
      neededBy: string;
      /** @description Points it needs (goods from the shop): a decimal string or number, > 0 */
      points?: string | number;
      /**
       * @description The hardship household the wish is for
       * @example 3
       */
      householdId: number;
    };
    WisherDto: {
      /** @enum {string} */
      type: 'household' | 'member';
      /**
       * @description masked but for admins
       * @example 王*奶
       */
      name: string;
      /** @description the household, to donate toward it */
      householdId: number | null;
    };
    WishClaimDto: {
      /** @enum {string} */
      kind: 'member' | 'team';
      /** @description the volunteer's name (masked but for admins) or the team's name */
      name: string;
      teamId: number | null;
      /** @description the caller is the claimer (the volunteer, a leader of the team) */
      mine: boolean;
      claimedAt: string;
    };
    WishViewDto: {
      id: number;
      /** @enum {string} */
      status: 'open' | 'claimed' | 'fulfilled';
      /** @description open, nobody claimed it, and its date has passed */
      overdue: boolean;
      title: string;
      detail: string | null;
      /** @enum {string} */
      category: 'goods' | 'transport' | 'repair' | 'company' | 'other';
      /** @example 2026-06-30 */
      neededBy: string;
      wisher: components['schemas']['WisherDto'];
      /** @example 30.00 */
      pointsNeeded: string | null;
      /**
       * @description donations toward it, net of reversals
       * @example 12.00
       */
      pointsGiven: string;
      claim: components['schemas']['WishClaimDto'] | null;
      fulfilledOn: string | null;
      fulfilNote: string | null;
      createdAt: string;
    };
    OwnWishDto: {
      /** @example 一件过冬的棉衣 */
      title: string;
      /** @example 身高一米六，怕冷 */
      detail?: string;
      /**
       * @description 物品 goods, 出行 transport, 维修 repair, 陪伴 company, 其他 other
       * @enum {string}
       */
      category: 'goods' | 'transport' | 'repair' | 'company' | 'other';
      /**
       * @description Local date it is wished by, YYYY-MM-DD, not in the past
       * @example 2026-06-30
       */
      neededBy: string;
      /** @description Points it needs (goods from the shop): a decimal string or number, > 0 */
      points?: string | number;
    };
    WishPageDto: {
      items: components['schemas']['WishViewDto'][];
      nextCursor: string | null;
      /** @description the community's overdue wishes (open, date passed) */
      overdueCount: number;
    };
    TeamClaimDto: {
      /** @description The team (one the leader leads) that claims the wish */
      teamId: number;
    };
    FulfilWishDto: {
      /**
       * @description What staff saw done
       * @example 棉衣已送到
       */
      note: string;
      /** @description For a team claim: the members of the team who did it (required); for a volunteer claim leave it out */
      memberIds?: number[];
      /** @description Quantity for each volunteer under the wish item (default 1: once, or one hour) */
      quantity?: string | number;
      /** @description true after 409 LIKELY_DUPLICATE: a second real service */
      confirmDuplicate?: boolean;
    };
    WishFulfilmentDto: {
      wish: components['schemas']['WishViewDto'];
      records: components['schemas']['ServiceRecordViewDto'][];
    };
    WishWallCommunityDto: {
      code: string;
      name: string | null;
    };
    PublicWishDto: {
      id: number;
      /** @enum {string} */
      status: 'open' | 'claimed' | 'fulfilled';
      title: string;
      detail: string | null;
      /** @enum {string} */
      category: 'goods' | 'transport' | 'repair' | 'company' | 'other';
      neededBy: string;
      /**
       * @description masked
       * @example 王*奶
       */
      name: string;
      /** @description the team's or the masked volunteer's name */
      claimedBy: string | null;
      pointsNeeded: string | null;
      pointsGiven: string;
    };
    PublicWishPageDto: {
      community: components['schemas']['WishWallCommunityDto'];
      items: components['schemas']['PublicWishDto'][];
      nextCursor: string | null;
    };
    ThresholdDto: {
      /** @example 1 */
      stars: number;
      /**
       * @description points earned in the year for that many stars
       * @example 20.00
       */
      points: string;
    };
    NoticePeriodDto: {
      /** @description when the notice period (公示期) began */
      startsAt: string;
      /** @description when it ends; objections are filed before then */
      endsAt: string;
      /** @description the days it was set to run at publication or its latest restart */
      days: number;
    };
    RestatedDto: {
      /** @description corrections of the final year */
      count: number;
      /** @description when the latest was made */
      lastAt: string;
    };
    SummaryDto: {
      /** @description members rated (everyone with an earn dated in the year) */
      members: number;
      /**
       * @description how many got each number of stars
       * @example {
       *       "0": 3,
       *       "1": 10,
       *       "2": 4
       *     }
       */
      byStars: {
        [key: string]: number;
      };
    };
    RatingLineDto: {
      memberId: number;
      passbookNo: string;
      name: string;
      /** @example 45.00 */
      earned: string;
      stars: number;
    };
    RatingViewDto: {
      /** @example 2025 */
      year: number;
      /**
       * @description `published`: the notice period is open or over; `final`: stars granted
       * @enum {string}
       */
      status: 'draft' | 'published' | 'final';
      thresholds: components['schemas']['ThresholdDto'][];
      computedAt: string;
      publishedAt: string | null;
      publishedBy: string | null;
      /** @description null for a draft */
      notice: components['schemas']['NoticePeriodDto'] | null;
      finalizedAt: string | null;
      finalizedBy: string | null;
      /** @description null when never restated */
      restated: components['schemas']['RestatedDto'] | null;
      summary: components['schemas']['SummaryDto'];
      ratings: components['schemas']['RatingLineDto'][];
      /** @description only when a page was asked for with `limit` */
      nextCursor?: string | null;
    };
    PersonRefDto: {
      id: number;
      passbookNo: string;
      name: string;
    };
    ObjectionDto: {
      id: number;
      /** @example 2026 */
      year: number;
      /**
       * @description "self" or the ref of the entry objected to
       * @example self
       */
      about: string;
      reason: string;
      /** @enum {string} */
      status: 'open' | 'accepted' | 'rejected';
      createdAt: string;
      resolvedAt: string | null;
      /** @description the admin's answer */
      reply: string | null;
      /** @description who objects */
      member: components['schemas']['PersonRefDto'];
      /** @description whose entry it is about */
      aboutMember: components['schemas']['PersonRefDto'];
      resolvedBy: string | null;
    };
    ObjectionPageDto: {
      items: components['schemas']['ObjectionDto'][];
      /** @description pass as `cursor` for the next page; null on the last page */
      nextCursor: string | null;
    };
    ResolveObjectionDto: {
      /** @enum {string} */
      decision: 'accepted' | 'rejected';
      /** @description The answer the volunteer reads, in one line */
      reply: string;
    };
    NoticeCommunityDto: {
      /** @example lingnan */
      code: string;
      /** @example 岭南社区 */
      name: string | null;
      /** @example 岭南社区志愿服务站 */
      issuer: string | null;
    };
    NoticeObjectionsDto: {
      /** @description objections are taken now (the notice period is running) */
      open: boolean;
      /**
       * @description the page a volunteer logs in to, to object
       * @example /me
       */
      page: string;
    };
    PublicRatingDto: {
      /**
       * @description opaque, stable for the year; an objection about this entry names it
       * @example q3Zx8LmN0aBc
       */
      ref: string;
      name: string;
      stars: number;
    };
    PublicNoticeDto: {
      /** @description the community whose notice this is */
      community: components['schemas']['NoticeCommunityDto'];
      /** @example 2025 */
      year: number;
      /**
       * @description `published`: 公示 (objections during the period); `final`: 已公布
       * @enum {string}
       */
      status: 'published' | 'final';
      publishedAt: string;
      notice: components['schemas']['NoticePeriodDto'];
      finalizedAt: string | null;
      objections: components['schemas']['NoticeObjectionsDto'];
      /** @description 已更正: corrected after final */
      restated: components['schemas']['RestatedDto'] | null;
      thresholds: components['schemas']['ThresholdDto'][];
      /**
       * @description how many got each number of stars
       * @example {
       *       "0": 3,
       *       "1": 10,
       *       "2": 4
       *     }
       */
      counts: {
        [key: string]: number;
      };
      ratings: components['schemas']['PublicRatingDto'][];
    };
    FileObjectionDto: {
      /**
       * @description the year of the published rating objected to
       * @example 2026
       */
      year: number;
      /**
       * @description "self" for one's own entry, or the `ref` of an entry on the public notice
       * @example self
       */
      about: string;
      /** @description What is wrong, in one line */
      reason: string;
    };
    MyObjectionDto: {
      id: number;
      /** @example 2026 */
      year: number;
      /**
       * @description "self" or the ref of the entry objected to
       * @example self
       */
      about: string;
      reason: string;
      /** @enum {string} */
      status: 'open' | 'accepted' | 'rejected';
      createdAt: string;
      resolvedAt: string | null;
      /** @description the admin's answer */
      reply: string | null;
    };
    MyObjectionPageDto: {
      items: components['schemas']['MyObjectionDto'][];
      /** @description pass as `cursor` for the next page; null on the last page */
      nextCursor: string | null;
    };
    PeriodDto: {
      /** @example 2026 */
      year: number;
      /** @example 2 */
      quarter: number;
      /** @example 2026-04-01 */
      from: string;
      /** @example 2026-06-30 */
      to: string;
    };
    EarnedByCategoryDto: {
      /** @example 120.00 */
      points: string;
      /** @example 40.00 */
      hours: string;
      records: number;
      volunteers: number;
      /** @example repair */
      categoryCode: string;
      /** @description from the standard in force on the last day; null: not in it */
      categoryName: string | null;
    };
    EarnedByTeamDto: {
      /** @example 120.00 */
      points: string;
      /** @example 40.00 */
      hours: string;
      records: number;
      volunteers: number;
      teamId: number | null;
      teamName: string | null;
    };
    EarnedDto: {
      /**
       * @description earn entries in the quarter less reversals
       * @example 300.00
       */
      points: string;
      byCategory: components['schemas']['EarnedByCategoryDto'][];
      byTeam: components['schemas']['EarnedByTeamDto'][];
      /**
       * @description earned points not backed by a service record
       * @example 0.00
       */
      notFromServiceRecords: string;
    };
    RedeemedDto: {
      /** @example 80.00 */
      points: string;
      /** @example 60.00 */
      byMembers: string;
      /** @example 20.00 */
      byHouseholds: string;
      redemptions: number;
    };
    DonatedDto: {
      /** @example 20.00 */
      points: string;
      donations: number;
      donors: number;
      households: number;
    };
    StockLineDto: {
      catalogItemId: number;
      name: string;
      /** @enum {string} */
      kind: 'goods' | 'service_coupon';
      quantity: number;
      /** @example 40.00 */
      points: string;
    };
    MonthDto: {
      /** @example 2026-06 */
      month: string;
      /** @example 100.00 */
      earned: string;
      /** @example 30.00 */
      redeemed: string;
      /** @example 10.00 */
      donated: string;
    };
    OutstandingDto: {
      /** @example 500.00 */
      total: string;
      /** @example 450.00 */
      members: string;
      /** @example 50.00 */
      households: string;
      /** @example 2026-06-30 */
      asOf: string;
    };
    QuarterReportDto: {
      period: components['schemas']['PeriodDto'];
      /** @example 2026-07-01T02:00:00.000Z */
      generatedAt: string;
      earned: components['schemas']['EarnedDto'];
      redeemed: components['schemas']['RedeemedDto'];
      donated: components['schemas']['DonatedDto'];
      /** @description members with a verified service record in the quarter */
      activeVolunteers: number;
      /** @description members who joined in the quarter (their joinedOn) */
      newVolunteers: number;
      /** @description wishes (微心愿) confirmed fulfilled in the quarter */
      wishesFulfilled: number;
      /** @description service menu orders (点单) done in the quarter, by the date served */
      ordersServed: number;
      stockGivenOut: components['schemas']['StockLineDto'][];
      byMonth: components['schemas']['MonthDto'][];
      /** @description points held in passbooks at the end */
      outstandingPoints: components['schemas']['OutstandingDto'];
    };
    YearPeriodDto: {
      /** @example 2026 */
      year: number;
      /** @example 2026-01-01 */
      from: string;
      /** @example 2026-12-31 */
      to: string;
    };
    YearEarnedDto: {
      /**
       * @description earn entries in the quarter less reversals
       * @example 300.00
       */
      points: string;
      byCategory: components['schemas']['EarnedByCategoryDto'][];
      byTeam: components['schemas']['EarnedByTeamDto'][];
      /**
       * @description earned points not backed by a service record
       * @example 0.00
       */
      notFromServiceRecords: string;
      /**
       * @description verified service hours of the year
       * @example 120.00
       */
      hours: string;
    };
    YearMonthDto: {
      /** @example 2026-06 */
      month: string;
      /** @example 100.00 */
      earned: string;
      /** @example 30.00 */
      redeemed: string;
      /** @example 10.00 */
      donated: string;
      /**
       * @description verified service hours of the month
       * @example 24.00
       */
      hours: string;
    };
    YearStarsDto: {
      /**
       * @description members per number of stars in the published rating; null until it is published
       * @example {
       *       "0": 12,
       *       "1": 40,
       *       "2": 20,
       *       "3": 8,
       *       "4": 3,
       *       "5": 1
       *     }
       */
      byStars: {
        [key: string]: number;
      } | null;
      members: number | null;
      publishedAt: string | null;
      /**
       * @description why byStars is null: no rating of the year yet, or only a draft
       * @enum {string|null}
       */
      why: 'NO_RATING' | 'RATING_NOT_PUBLISHED' | null;
    };
    AnnualReportDto: {
      period: components['schemas']['YearPeriodDto'];
      /** @example 2027-01-05T02:00:00.000Z */
      generatedAt: string;
      earned: components['schemas']['YearEarnedDto'];
      redeemed: components['schemas']['RedeemedDto'];
      donated: components['schemas']['DonatedDto'];
      /** @description members with a verified service record in the year */
      activeVolunteers: number;
      /** @description members who joined in the year (their joinedOn) */
      newVolunteers: number;
      /** @description wishes (微心愿) confirmed fulfilled in the year */
      wishesFulfilled: number;
      /** @description service menu orders (点单) done in the year, by the date served */
      ordersServed: number;
      stockGivenOut: components['schemas']['StockLineDto'][];
      /** @description the twelve months */
      byMonth: components['schemas']['YearMonthDto'][];
      /** @description points held in passbooks at the end */
      outstandingPoints: components['schemas']['OutstandingDto'];
      stars: components['schemas']['YearStarsDto'];
    };
    GrowthMonthDto: {
      /** @example 2026-06 */
      month: string;
      /** @description joined on or before the last day, not deactivated by then */
      registered: number;
      /** @description with a credited service record in the month */
      active: number;
      /** @description joined in the month */
      joined: number;
      /** @description deactivated in the month */
      left: number;
    };
    GrowthReportDto: {
      /** @example 2025-07 */
      from: string;
      /** @example 2026-06 */
      to: string;
      /** @example 2026-07-01T02:00:00.000Z */
      generatedAt: string;
      months: components['schemas']['GrowthMonthDto'][];
    };
    CommunityContactDto: {
      /** @example 王建国 */
      personInCharge?: string | null;
      /** @example 0411-84561234 */
      contactPhone?: string | null;
      /** @example 大连市甘井子区泡崖街道岭南社区服务中心 */
      contactAddress?: string | null;
    };
    CommunityViewDto: {
      id: number;
      /** @example paoya */
      code: string;
      /** @example 泡崖社区 */
      name: string | null;
      /** @example 泡崖社区志愿服务站 */
      issuer: string | null;
      /** @example 2026-06-15T02:00:00.000Z */
      created: string;
      /** @description 负责人, on its certificates */
      personInCharge: string | null;
      contactPhone: string | null;
      contactAddress: string | null;
    };
    CommunityListDto: {
      items: components['schemas']['CommunityViewDto'][];
    };
    CreateCommunityDto: {
      /**
       * @description its folder under config/communities/ and its public pages (?community=)
       * @example paoya
       */
      code: string;
      /** @example 泡崖社区 */
      name: string;
      /**
       * @description default "<name>志愿服务站"
       * @example 泡崖社区志愿服务站
       */
      issuer?: string;
    };
    UpdateCommunityDto: {
      /** @example 王建国 */
      personInCharge?: string | null;
      /** @example 0411-84561234 */
      contactPhone?: string | null;
      /** @example 大连市甘井子区泡崖街道岭南社区服务中心 */
      contactAddress?: string | null;
      /** @example 泡崖社区 */
      name?: string;
      /** @example 泡崖社区志愿服务站 */
      issuer?: string;
    };
    CreateCommunityAdminDto: {
      username: string;
      password: string;
    };
    CommunityAdminDto: {
      id: number;
      username: string;
      /**
       * @example admin
       * @enum {string}
       */
      role: 'admin' | 'leader' | 'clerk' | 'office';
      communityId: number;
    };
    OverviewPeriodDto: {
      /** @example 2026 */
      year: number;
      /** @example 2 */
      quarter: number | null;
      /** @example 2026-04-01 */
      from: string;
      /** @example 2026-06-30 */
      to: string;
    };
    FiguresDto: {
      /** @description active members (registered volunteers) */
      volunteers: number;
      /** @description members with verified service in the period */
      servingVolunteers: number;
      teams: number;
      /**
       * @description verified service hours in the period
       * @example 120.00
       */
      hours: string;
      /**
       * @description earn entries dated in the period less reversals
       * @example 300.00
       */
      earned: string;
      /** @example 80.00 */
      redeemed: string;
      /** @example 20.00 */
      donated: string;
      /**
       * @description points held in passbooks at the period end
       * @example 500.00
       */
      outstanding: string;
    };
    VerifyStatusDto: {
      ok: boolean;
      transactions?: number;
      lastHash?: string;
      firstBadSeq?: number | null;
      reason?: string;
    };
    CommunityFiguresDto: {
      community: components['schemas']['CommunityViewDto'];
      figures: components['schemas']['FiguresDto'];
      verify: components['schemas']['VerifyStatusDto'];
    };
    OverviewDto: {
      period: components['schemas']['OverviewPeriodDto'];
      communities: components['schemas']['CommunityFiguresDto'][];
      /** @description the communities summed */
      total: components['schemas']['FiguresDto'];
      /** @description every community verifies */
      verifiedAll: boolean;
    };
    CommunityVerifyDto: {
      community: components['schemas']['CommunityViewDto'];
      verify: components['schemas']['VerifyStatusDto'];
    };
    OfficeVerifyDto: {
      /** @description every community verifies */
      ok: boolean;
      communities: components['schemas']['CommunityVerifyDto'][];
    };
    IssueCertificateDto: {
      memberId: number;
      /**
       * @description first service date the certificate covers
       * @example 2026-01-01
       */
      from: string;
      /**
       * @description last service date it covers (not after today)
       * @example 2026-06-30
       */
      to: string;
      /**
       * @description 经办人: who issues it
       * @example 李红
       */
      handler: string;
      /** @example 升学材料 */
      purpose?: string;
    };
    CertificateIdDocumentDto: {
      /** @enum {string} */
      type: 'resident_id' | 'hk_macao_permit' | 'taiwan_permit' | 'passport' | 'other';
      /**
       * @description always masked
       * @example 1101**********1233
       */
      number: string;
      /** @example 居民身份证 */
      typeName: string;
    };
    CertificateVolunteerDto: {
      /** @example 张三明 */
      name: string;
      /** @example V7K2MQ9X */
      passbookNo: string;
      idDocument: components['schemas']['CertificateIdDocumentDto'] | null;
    };
    CertificateItemLineDto: {
      /** @example B01 */
      itemCode: string;
      /** @example 入户助老 */
      itemName: string | null;
      /** @example 6.00 */
      hours: string;
      /** @description how many service records */
      records: number;
    };
    CertificateCategoryDto: {
      /** @example B */
      categoryCode: string;
      /** @example 助老服务 */
      categoryName: string | null;
      /** @example 6.00 */
      hours: string;
      items: components['schemas']['CertificateItemLineDto'][];
    };
    CertificateCommunityDto: {
      /** @example default */
      code: string;
      /** @example 岭南社区 */
      name: string | null;
      /** @example 岭南社区志愿服务站 */
      issuer: string | null;
      personInCharge: string | null;
      contactPhone: string | null;
      contactAddress: string | null;
    };
    RevocationDto: {
      revokedAt: string;
      /** @example user:1 */
      revokedBy: string;
      reason: string;
    };
    CertificateViewDto: {
      /** @example default-2026-000001 */
      number: string;
      /**
       * @description invalid: the stored content does not match its signature
       * @enum {string}
       */
      status: 'valid' | 'revoked' | 'invalid';
      /** @example 2026-06-15T02:00:00.000Z */
      issuedAt: string;
      /**
       * @description the date printed on it (local)
       * @example 2026-06-15
       */
      issuedOn: string;
      /** @example 2026-01-01 */
      from: string;
      /** @example 2026-06-30 */
      to: string;
      memberId: number;
      volunteer: components['schemas']['CertificateVolunteerDto'];
      /**
       * @description verified service hours in the period
       * @example 12.50
       */
      hours: string;
      service: components['schemas']['CertificateCategoryDto'][];
      community: components['schemas']['CertificateCommunityDto'];
      /** @example 李红 */
      handler: string;
      purpose: string | null;
      /** @description Ed25519 signature (base64) of the canonical payload */
      signature: string;
      revocation: components['schemas']['RevocationDto'] | null;
    };
    CertificateListItemDto: {
      /** @example default-2026-000001 */
      number: string;
      /** @enum {string} */
      status: 'valid' | 'revoked' | 'invalid';
      memberId: number;
      /** @example 张三明 */
      name: string;
      /** @example V7K2MQ9X */
      passbookNo: string;
      from: string;
      to: string;
      /** @example 12.50 */
      hours: string;
      issuedAt: string;
      /** @example user:1 */
      issuedBy: string;
      revokedAt: string | null;
    };
    CertificateListItemPageDto: {
      items: components['schemas']['CertificateListItemDto'][];
      /** @description pass as `cursor` for the next page; null on the last page */
      nextCursor: string | null;
    };
    RevokeCertificateDto: {
      /** @example 证明期间填写有误，已重新开具 */
      reason: string;
    };
    CertificateKeyDto: {
      /** @example Ed25519 */
      algorithm: string;
      /** @description SPKI PEM */
      publicKeyPem: string;
      /** @description SHA-256 of the DER public key, hex in groups of four */
      fingerprint: string;
    };
    PublicCommunityDto: {
      /** @example default */
      code: string;
      /** @example 岭南社区 */
      name: string | null;
      /** @example 岭南社区志愿服务站 */
      issuer: string | null;
    };
    CertificateCheckDto: {
      /** @example default-2026-000001 */
      number: string;
      /**
       * @description valid: signed content unchanged and not revoked; invalid: the other fields are null
       * @enum {string}
       */
      status: 'valid' | 'revoked' | 'invalid';
      issuedAt: string | null;
      /** @example 张*明 */
      name: string | null;
      /** @example 12.50 */
      hours: string | null;
      from: string | null;
      to: string | null;
      community: components['schemas']['PublicCommunityDto'] | null;
      /** @description when it was revoked */
      revokedAt: string | null;
    };
    ErrorBody: {
      /** @example 409 */
      statusCode: number;
      /**
       * @example CONFLICT
       * @enum {string}
       */
      code:
        | 'VALIDATION_FAILED'
        | 'IDEMPOTENCY_KEY_REQUIRED'
        | 'UNAUTHENTICATED'
        | 'FORBIDDEN'
        | 'NOT_FOUND'
        | 'PAYLOAD_TOO_LARGE'
        | 'UNSUPPORTED_MEDIA_TYPE'
        | 'REDEMPTION_WINDOW_CLOSED'
        | 'INSUFFICIENT_POINTS'
        | 'OUT_OF_STOCK'
        | 'ALREADY_REVERSED'
        | 'COUPON_ALREADY_USED'
        | 'PERIOD_CLOSED'
        | 'CONFLICT'
        | 'IDEMPOTENCY_KEY_REUSED'
        | 'CAP_EXCEEDED'
        | 'SERVICE_DATE_OUT_OF_RANGE'
        | 'HOUSEHOLD_NOT_ELIGIBLE'
        | 'UNKNOWN_ITEM'
        | 'ACCOUNT_LOCKED'
        | 'RATE_LIMITED'
        | 'SERVICE_UNAVAILABLE'
        | 'STORAGE_UNAVAILABLE'
        | 'INTERNAL_ERROR';
      /** @description English, for people; clients decide by code */
      message: string;
      details?: {
        /** @description The case of a code that has several meanings, named by every refusal of CONFLICT, FORBIDDEN, REDEMPTION_WINDOW_CLOSED, COUPON_ALREADY_USED, ALREADY_REVERSED, PERIOD_CLOSED, SERVICE_DATE_OUT_OF_RANGE, HOUSEHOLD_NOT_ELIGIBLE, UNKNOWN_ITEM: CONFLICT: DUPLICATE_NAME (another staff user, team or catalog item already has this name (`details.field`: username or name)); PASSBOOK_NO_TAKEN (the passbook number is already in use); ALREADY_EXISTS (a concurrent request created the same thing a moment earlier (a unique constraint lost the race)); SELF_DEACTIVATION (an admin cannot deactivate their own account); LAST_ADMIN (the last active admin cannot be deactivated or given another role); MEMBER_INACTIVE (the member (`details.memberId` or `memberIds`) no longer volunteers here); PASSBOOK_CLOSED (the passbook (`details.passbookNo`) is closed: its owner is deactivated); BALANCE_NOT_ZERO (a volunteer moves to another community only with a zero balance (`details.balance`): points stay in the community that issued them, so redeem or donate them first); RECORDS_PENDING (a volunteer moves only when none of their service records waits for approval (`details.pending`): approve or reject them first); LIKELY_DUPLICATE (the member already has a record of the same item on the same day (`details.duplicates`): send `confirmDuplicate: true` if it is a second real service); OVERLAPPING_SERVICE (the member is already in a timed record that overlaps this time (`details.overlaps` names the event): nobody serves in two places at once); EVENT_NOT_PLANNED (the event (`details.status`) is closed or cancelled: its attendance, sign-up and records no longer change); PHOTO_LIMIT_REACHED (the event already keeps its most photos (`details.limit`): delete one before adding another); NOT_EVENT_DAY (check-in and check-out happen on the event's date (`details.date`) in the community's zone, not on another day (`details.today`)); NOT_CHECKED_IN (the member (`details.memberId`) has not checked in to the event: check in first, or set the times by hand (补录)); EVENT_FULL (every place of the event is taken (`details.capacity`); a place frees when someone withdraws); SIGNUP_CLOSED (the sign-up deadline of the event has passed (`details.deadline`): signing up and withdrawing are closed); ATTENDANCE_OPEN (someone checked in to the event and not out (`details.memberIds`): check them out or correct the time before closing); EVENT_EMPTY (nobody attended the event: there is nothing to close; cancel it instead); RECORD_REJECTED (the service record was rejected and cannot be approved; log the service again); RECORD_ALREADY_POSTED (the service record is already credited and cannot be rejected; reverse it instead); RECORD_NOT_POSTED (the service record is pending or rejected: nothing was credited to reverse); REVERSAL_NOT_REVERSIBLE (a reversal cannot itself be reversed; post a new entry instead); RETURN_EXCEEDS_REMAINING (a return asks for more units of an item than are left to return (`details.remaining`, `requested`)); PARTLY_RETURNED (part of the redemption was returned, so it cannot be cancelled whole; return the rest instead); SHOP_RETURN (a shop return cannot be reversed: its items are back in stock); REDEMPTION_NEEDS_CANCEL (a shop redemption is undone by cancelling it (stock back, coupons void), not by a reversal); WINDOW_ALREADY_CLOSED (the redemption window already closed); COUPON_VOID (the coupon is void: its redemption was cancelled); COUPON_RETURNED (the coupon was given back in a return of part of its redemption); ITEM_INACTIVE (a catalog item (`details.items`) is no longer offered); RATING_ALREADY_PUBLISHED (the year's star rating is already published); YEAR_NOT_OVER (the year is not over; its rating can be published from 1 January of the next); DRAFT_OUTDATED (points earned in the year changed since the draft was computed (`details.changedMembers`); run it again); NOTICE_NOT_OPEN (the year's rating is not in its notice period now (`details.startsAt`, `endsAt`; null when not published): objections are filed during the period); NOTICE_NOT_OVER (the notice period runs until `details.endsAt`: the rating can be finalized after it ends); OBJECTIONS_OPEN (objections to the rating are still open (`details.count`): resolve them before finalizing); RATING_NOT_PUBLISHED (the year's rating is a draft: publish it (its notice period) first); RATING_ALREADY_FINAL (the year's rating is final already (`details.finalizedAt`)); OBJECTION_RESOLVED (the objection was resolved already (`details.status`)); WISH_CLAIMED (the wish is claimed by someone else (`details.claim` names who): one claim at a time; it is free again when they release it); WISH_NOT_OPEN (the wish was fulfilled already (`details.status`): it no longer changes); WISH_NOT_CLAIMED (nobody has claimed the wish (`details.status`: open): claim it first, or there is no claim to release); NO_RECORDED_SERVICE (the volunteer has no verified service in the period (`details.from`, `to`): there is nothing to certify); CERTIFICATE_REVOKED (the certificate was revoked already (`details.revokedAt`)); MENU_ITEM_WITHDRAWN (the menu item was withdrawn from the service menu: it can no longer be ordered or edited); ORDER_NOT_PLACED (the order (`details.status`) is no longer waiting for a team: only a placed order is accepted or declined); ORDER_NOT_ACCEPTED (the order (`details.status`) was not accepted by the team: only an accepted order is confirmed done); ORDER_CLOSED (the order (`details.status`) is done, declined or cancelled already: it can no longer be cancelled); ORDER_NOT_DONE (the order (`details.status`) is not done yet: the service is rated after the team confirms it done); ORDER_ALREADY_RATED (the order was rated already (`details.ratedAt`): a rating is given once). FORBIDDEN: NOT_WISH_CLAIMER (the wish is claimed by another volunteer or team (`details.claim`): only the claimer (or an admin) may release it); ROLE_NOT_ALLOWED (the caller's role may not do this); NOT_TEAM_LEADER (the leader does not lead this team (`details.teamId` when named)); NOT_IN_TEAM (a member (`details.memberIds`) is not in the team the service is logged under); ADMIN_ONLY_ITEM (the scoring item (`details.itemCode`) is awarded by an admin only); OWN_PASSBOOK_ONLY (a volunteer gives only from their own passbook); EVENT_PHOTO_KEPT (the event (`details.status`) is no longer planned: its photos are evidence of what was recorded, and only an admin may delete one); NOT_TAKING_PART (the member (`details.memberId`) is in none of the event's teams and did not sign up, and the event is not open to the whole community); NOT_TEAM_MEMBER (an assignee (`details.memberIds`) is not a member of the menu item's team: a team sends its own members); CHECKIN_CODE_INVALID (the self check-in code is wrong or stale: scan the code on the leader's screen again (it changes every minute)). REDEMPTION_WINDOW_CLOSED: WINDOW_NOT_OPEN (no redemption window is open now (`details.next`: the next one, or null)); CANCEL_WINDOW_PASSED (the redemption's window has closed; only an admin may cancel it now (`details.redemptionId`)); RETURN_WINDOW_PASSED (the redemption's window has closed; only an admin may take a return now (`details.redemptionId`)). COUPON_ALREADY_USED: COUPON_USED (the coupon was used already (`details.usedAt`)); REDEMPTION_COUPON_USED (a coupon of the redemption was used, so it cannot be cancelled (`details.coupons`)); RETURN_COUPON_USED (coupons of the line to return were used; used units cannot come back (`details.returnable`)). ALREADY_REVERSED: TRANSACTION_REVERSED (the transaction was reversed already (`details.reversalId`)); REDEMPTION_CANCELLED (the redemption was cancelled already (`details.cancelledAt`)). PERIOD_CLOSED: YEAR_CLOSED (the service date's year (or the year of the earn being reversed) is closed by its published star rating (`details.year`, `serviceDate`)); RATING_PUBLISHED (the star rating is published and can no longer be recomputed). SERVICE_DATE_OUT_OF_RANGE: DATE_IN_FUTURE (the service date is after today (`details.latest`)); DATE_TOO_OLD (the service date is before the back-dating limit (`details.earliest`)); NO_STANDARD (no scoring standard was in force on the service date). HOUSEHOLD_NOT_ELIGIBLE: HOUSEHOLD_NOT_VERIFIED (the household is not verified yet); HOUSEHOLD_INACTIVE (the household is no longer active). UNKNOWN_ITEM: NOT_IN_STANDARD (the item code is not in the scoring standard in force (`details.itemCode`)); NOT_IN_CATALOG (the catalog has no such item (`details.catalogItemIds`)); NOT_AN_EVENT_ITEM (the item (`details.itemCode`) is not one of the event's items (`details.itemCodes`)). (VALIDATION_FAILED, ACCOUNT_LOCKED and STORAGE_UNAVAILABLE carry reasons of their own, see the README.) */
        reason?: string;
      } & {
        [key: string]: unknown;
      };
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  HealthController_health: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HealthDto'];
        };
      };
    };
  };
  AuthController_login: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoginDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LoginResponseDto'];
        };
      };
    };
  };
  AuthController_passbookLogin: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PassbookLoginDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PassbookLoginResponseDto'];
        };
      };
    };
  };
  AuthController_logout: {
    parameters: {
      query?: never;
      header: {
        authorization: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuthController_changePassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangePasswordDto'];
      };
    };
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  MeController_me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MeResponseDto'];
        };
      };
    };
  };
  MeController_changePin: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangePinDto'];
      };
    };
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  UsersController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        role?: 'admin' | 'leader' | 'clerk' | 'office';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserViewPageDto'];
        };
      };
    };
  };
  UsersController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateUserDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserViewDto'];
        };
      };
    };
  };
  UsersController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserViewDto'];
        };
      };
    };
  };
  UsersController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateUserDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserViewDto'];
        };
      };
    };
  };
  UsersController_deactivate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserViewDto'];
        };
      };
    };
  };
  UsersController_activate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserViewDto'];
        };
      };
    };
  };
  LedgerController_verify: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VerifyResultDto'];
        };
      };
    };
  };
  LedgerController_trialBalance: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TrialBalanceDto'];
        };
      };
    };
  };
  LedgerController_reverse: {
    parameters: {
      query?: never;
      header: {
        'Idempotency-Key': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReversalDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReversalResultDto'];
        };
      };
    };
  };
  MembersController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        /** @description part of a name, a passbook number, or (admins) a phone */
        q?: string;
        /** @description only members of this team */
        teamId?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MemberViewPageDto'];
        };
      };
    };
  };
  MembersController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateMemberDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedMemberDto'];
        };
      };
    };
  };
  MembersController_import: {
    parameters: {
      query?: {
        /** @description true: check and report, write nothing */
        dryRun?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ImportMembersDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportReportDto'];
        };
      };
    };
  };
  MembersController_export: {
    parameters: {
      query?: {
        format?: 'xlsx' | 'csv';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the spreadsheet file */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          'text/csv; charset=utf-8': string;
        };
      };
    };
  };
  MembersController_duplicates: {
    parameters: {
      query: {
        name: string;
        /** @description as typed; compared as a mainland mobile number */
        phone?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SameNamedMembersDto'];
        };
      };
    };
  };
  MembersController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MemberViewDto'];
        };
      };
    };
  };
  MembersController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateMemberDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MemberViewDto'];
        };
      };
    };
  };
  MembersController_resetPin: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ResetPinDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PinResetDto'];
        };
      };
    };
  };
  TeamsController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TeamViewPageDto'];
        };
      };
    };
  };
  TeamsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateTeamDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedTeamDto'];
        };
      };
    };
  };
  TeamsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TeamViewDto'];
        };
      };
    };
  };
  TeamsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateTeamDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TeamViewDto'];
        };
      };
    };
  };
  TeamsController_addMember: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AddTeamMemberDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TeamMembershipDto'];
        };
      };
    };
  };
  TeamsController_removeMember: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
        memberId: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  HouseholdsController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        /** @description part of a name or a passbook number (staff only) */
        q?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HouseholdListItemPageDto'];
        };
      };
    };
  };
  HouseholdsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateHouseholdDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedHouseholdDto'];
        };
      };
    };
  };
  HouseholdsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HouseholdViewDto'];
        };
      };
    };
  };
  HouseholdsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateHouseholdDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HouseholdViewDto'];
        };
      };
    };
  };
  TransfersController_transfer: {
    parameters: {
      query?: never;
      header: {
        'Idempotency-Key': string;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TransferMemberDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TransferViewDto'];
        };
      };
    };
  };
  TransfersController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TransferListDto'];
        };
      };
    };
  };
  CatalogController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        kind?: 'goods' | 'service_coupon';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CatalogItemViewPageDto'];
        };
      };
    };
  };
  CatalogController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateCatalogItemDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CatalogItemViewDto'];
        };
      };
    };
  };
  CatalogController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CatalogItemViewDto'];
        };
      };
    };
  };
  CatalogController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateCatalogItemDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CatalogItemViewDto'];
        };
      };
    };
  };
  CatalogController_restock: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RestockDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StockChangeResultDto'];
        };
      };
    };
  };
  CatalogController_adjust: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['StockAdjustmentDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StockChangeResultDto'];
        };
      };
    };
  };
  CatalogController_movements: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
      };
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StockMovementViewPageDto'];
        };
      };
    };
  };
  RedemptionWindowsController_current: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CurrentWindowDto'];
        };
      };
    };
  };
  RedemptionWindowsController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WindowViewPageDto'];
        };
      };
    };
  };
  RedemptionWindowsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateWindowDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WindowViewDto'];
        };
      };
    };
  };
  RedemptionWindowsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WindowWithEventsDto'];
        };
      };
    };
  };
  RedemptionWindowsController_close: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CloseWindowDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WindowViewDto'];
        };
      };
    };
  };
  RedemptionsController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        passbookNo?: string;
        windowId?: number;
        /** @description only redemptions made on this local date (COMMUNITY_TZ) */
        date?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RedemptionViewPageDto'];
        };
      };
    };
  };
  RedemptionsController_redeem: {
    parameters: {
      query?: never;
      header: {
        'Idempotency-Key': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RedeemDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RedemptionViewDto'];
        };
      };
    };
  };
  RedemptionsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RedemptionViewDto'];
        };
      };
    };
  };
  RedemptionsController_cancel: {
    parameters: {
      query?: never;
      header: {
        'Idempotency-Key': string;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CancelRedemptionDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RedemptionViewDto'];
        };
      };
    };
  };
  RedemptionsController_returnPart: {
    parameters: {
      query?: never;
      header: {
        'Idempotency-Key': string;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReturnRedemptionDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReturnResultDto'];
        };
      };
    };
  };
  CouponsController_use: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UseCouponDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CouponUsedDto'];
        };
      };
    };
  };
  CouponsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CouponViewDto'];
        };
      };
    };
  };
  CouponsController_forPassbook: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        status?: 'issued' | 'used' | 'void';
      };
      header?: never;
      path: {
        passbookNo: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CouponViewPageDto'];
        };
      };
    };
  };
  CouponsController_mine: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        status?: 'issued' | 'used' | 'void';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CouponViewPageDto'];
        };
      };
    };
  };
  CounterController_daySummary: {
    parameters: {
      query?: {
        /** @description local date (default today) */
        date?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DaySummaryDto'];
        };
      };
    };
  };
  PassbooksController_search: {
    parameters: {
      query: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        /** @description part of a name, a passbook number, or the last four digits of a phone */
        q: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PassbookMatchPageDto'];
        };
      };
    };
  };
  PassbooksController_get: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
      };
      header?: never;
      path: {
        passbookNo: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PassbookViewDto'];
        };
      };
    };
  };
  PassbooksController_mine: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PassbookViewDto'];
        };
      };
    };
  };
  PassbooksController_adjust: {
    parameters: {
      query?: never;
      header: {
        'Idempotency-Key': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AdjustmentDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdjustmentResultDto'];
        };
      };
    };
  };
  StandardController_inForce: {
    parameters: {
      query?: {
        /** @description Local date YYYY-MM-DD (default today) */
        date?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StandardViewDto'];
        };
      };
    };
  };
  StandardController_versions: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StandardVersionsDto'];
        };
      };
    };
  };
  ServiceRecordsController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        memberId?: number;
        teamId?: number;
        activityId?: number;
        /** @description Records an event was closed into */
        eventId?: number;
        status?: 'posted' | 'pending' | 'rejected';
        /** @description First service date, YYYY-MM-DD */
        from?: string;
        /** @description Last service date, YYYY-MM-DD */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServiceRecordViewPageDto'];
        };
      };
    };
  };
  ServiceRecordsController_create: {
    parameters: {
      query?: never;
      header: {
        'Idempotency-Key': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateServiceRecordDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServiceRecordViewDto'];
        };
      };
    };
  };
  ServiceRecordsController_settings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServiceRecordSettingsDto'];
        };
      };
    };
  };
  ServiceRecordsController_approveMany: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DecideServiceRecordsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DecisionResultDto'];
        };
      };
    };
  };
  ServiceRecordsController_rejectMany: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RejectServiceRecordsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DecisionResultDto'];
        };
      };
    };
  };
  ServiceRecordsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServiceRecordViewDto'];
        };
      };
    };
  };
  ServiceRecordsController_approve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ClosedYearCorrectionDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServiceRecordViewDto'];
        };
      };
    };
  };
  ServiceRecordsController_reject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RejectServiceRecordDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServiceRecordViewDto'];
        };
      };
    };
  };
  ServiceRecordsController_reverse: {
    parameters: {
      query?: never;
      header: {
        'Idempotency-Key': string;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReversalDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecordReversalDto'];
        };
      };
    };
  };
  ActivitiesController_create: {
    parameters: {
      query?: never;
      header: {
        'Idempotency-Key': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateActivityDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ActivityViewDto'];
        };
      };
    };
  };
  ActivitiesController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ActivityViewDto'];
        };
      };
    };
  };
  EventsController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        status?: 'planned' | 'closed' | 'cancelled';
        /** @description First event date, YYYY-MM-DD */
        from?: string;
        /** @description Last event date, YYYY-MM-DD */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EventViewPageDto'];
        };
      };
    };
  };
  EventsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateEventDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EventViewDto'];
        };
      };
    };
  };
  EventsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EventViewDto'];
        };
      };
    };
  };
  EventsController_cancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CancelEventDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EventViewDto'];
        };
      };
    };
  };
  EventsController_signups: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EventSignupListDto'];
        };
      };
    };
  };
  MeEventsController_mine: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MyEventListDto'];
        };
      };
    };
  };
  MeEventsController_signUp: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MySignupDto'];
        };
      };
    };
  };
  MeEventsController_withdraw: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MyWithdrawalDto'];
        };
      };
    };
  };
  AttendanceController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AttendanceListDto'];
        };
      };
    };
  };
  AttendanceController_checkIn: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CheckInDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AttendanceViewDto'];
        };
      };
    };
  };
  AttendanceController_checkOut: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CheckInDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AttendanceViewDto'];
        };
      };
    };
  };
  AttendanceController_put: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
        memberId: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PutAttendanceDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AttendanceViewDto'];
        };
      };
    };
  };
  AttendanceController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
        memberId: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AttendanceController_correct: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
        memberId: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CorrectAttendanceDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AttendanceViewDto'];
        };
      };
    };
  };
  AttendanceController_code: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CheckinCodeDto'];
        };
      };
    };
  };
  MyAttendanceController_checkIn: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SelfCheckInDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AttendanceViewDto'];
        };
      };
    };
  };
  MyAttendanceController_checkOut: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SelfCheckInDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AttendanceViewDto'];
        };
      };
    };
  };
  EventPhotosController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EventPhotoListDto'];
        };
      };
    };
  };
  EventPhotosController_upload: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UploadPhotoDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EventPhotoViewDto'];
        };
      };
    };
  };
  EventPhotosController_download: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
        photoId: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the image as uploaded; ETag is its sha256 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'image/jpeg': string;
          'image/png': string;
          'image/webp': string;
        };
      };
    };
  };
  EventPhotosController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
        photoId: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  EventCloseController_closeEvent: {
    parameters: {
      query?: never;
      header: {
        'Idempotency-Key': string;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CloseEventDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EventClosedDto'];
        };
      };
    };
  };
  EventCloseController_approve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DecideEventRecordsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DecisionResultDto'];
        };
      };
    };
  };
  EventCloseController_reject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RejectEventRecordsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DecisionResultDto'];
        };
      };
    };
  };
  MenuController_list: {
    parameters: {
      query?: {
        /** @description staff: also withdrawn items */
        includeWithdrawn?: boolean;
        teamId?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MenuListDto'];
        };
      };
    };
  };
  MenuController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateMenuItemDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MenuItemViewDto'];
        };
      };
    };
  };
  MenuController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateMenuItemDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MenuItemViewDto'];
        };
      };
    };
  };
  MenuController_withdraw: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MenuItemViewDto'];
        };
      };
    };
  };
  PublicMenuController_menuOf: {
    parameters: {
      query?: {
        /** @description The community's code; without it the installation's first community */
        community?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PublicMenuDto'];
        };
      };
    };
  };
  OrdersController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        status?: 'placed' | 'accepted' | 'declined' | 'done' | 'cancelled';
        householdId?: number;
        teamId?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrderViewPageDto'];
        };
      };
    };
  };
  OrdersController_place: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['HouseholdOrderDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrderViewDto'];
        };
      };
    };
  };
  OrdersController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrderViewDto'];
        };
      };
    };
  };
  OrdersController_accept: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AcceptOrderDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrderViewDto'];
        };
      };
    };
  };
  OrdersController_decline: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DeclineOrderDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrderViewDto'];
        };
      };
    };
  };
  OrdersController_done: {
    parameters: {
      query?: never;
      header: {
        'Idempotency-Key': string;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OrderDoneDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrderDoneViewDto'];
        };
      };
    };
  };
  OrdersController_cancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrderViewDto'];
        };
      };
    };
  };
  OrdersController_rate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RateOrderDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrderViewDto'];
        };
      };
    };
  };
  MyOrdersController_mine: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrderViewPageDto'];
        };
      };
    };
  };
  MyOrdersController_place: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MyOrderDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrderViewDto'];
        };
      };
    };
  };
  MyOrdersController_cancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrderViewDto'];
        };
      };
    };
  };
  MyOrdersController_rate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RateOrderDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrderViewDto'];
        };
      };
    };
  };
  DonationsController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        /** @description Only gifts to this household (administrators) */
        householdId?: number;
        /** @description Only gifts from this volunteer's passbook (administrators) */
        passbookNo?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DonationListItemPageDto'];
        };
      };
    };
  };
  DonationsController_donate: {
    parameters: {
      query?: never;
      header: {
        'Idempotency-Key': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateDonationDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DonationResultDto'];
        };
      };
    };
  };
  DonationsController_householdGifts: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
      };
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HouseholdGiftsDto'];
        };
      };
    };
  };
  WishesController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        status?: 'open' | 'claimed' | 'fulfilled';
        /** @description true: only open wishes whose date has passed with nobody claiming them */
        overdue?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WishPageDto'];
        };
      };
    };
  };
  WishesController_post: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['HouseholdWishDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WishViewDto'];
        };
      };
    };
  };
  WishesController_postOwn: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OwnWishDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WishViewDto'];
        };
      };
    };
  };
  WishesController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WishViewDto'];
        };
      };
    };
  };
  WishesController_claimOwn: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WishViewDto'];
        };
      };
    };
  };
  WishesController_claimForTeam: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TeamClaimDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WishViewDto'];
        };
      };
    };
  };
  WishesController_releaseOwn: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WishViewDto'];
        };
      };
    };
  };
  WishesController_release: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WishViewDto'];
        };
      };
    };
  };
  WishesController_fulfil: {
    parameters: {
      query?: never;
      header: {
        'Idempotency-Key': string;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['FulfilWishDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WishFulfilmentDto'];
        };
      };
    };
  };
  PublicWishesController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        /** @description The community's code; without it the first community */
        community?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PublicWishPageDto'];
        };
      };
    };
  };
  StarRatingsController_run: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        year: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RatingViewDto'];
        };
      };
    };
  };
  StarRatingsController_publish: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        year: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RatingViewDto'];
        };
      };
    };
  };
  StarRatingsController_finalize: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        year: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RatingViewDto'];
        };
      };
    };
  };
  StarRatingsController_listObjections: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        status?: 'open' | 'accepted' | 'rejected';
        /** @description A street-office user names one of their communities by code; others read their own */
        community?: string;
      };
      header?: never;
      path: {
        year: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ObjectionPageDto'];
        };
      };
    };
  };
  StarRatingsController_resolve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        year: number;
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ResolveObjectionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ObjectionDto'];
        };
      };
    };
  };
  StarRatingsController_get: {
    parameters: {
      query?: {
        /** @description Page size; without it the whole rating sheet is returned */
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        /** @description The community's code (or id): a street-office user names one of their communities; community staff read their own (another answers 404) */
        community?: string;
      };
      header?: never;
      path: {
        year: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RatingViewDto'];
        };
      };
    };
  };
  PublicStarRatingsController_notice: {
    parameters: {
      query?: {
        /** @description The community's code; without it the installation's first community */
        community?: string;
      };
      header?: never;
      path: {
        year: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PublicNoticeDto'];
        };
      };
    };
  };
  MyObjectionsController_mine: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MyObjectionPageDto'];
        };
      };
    };
  };
  MyObjectionsController_file: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['FileObjectionDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MyObjectionDto'];
        };
      };
    };
  };
  ReportsController_quarter: {
    parameters: {
      query?: {
        format?: 'json' | 'csv';
        /** @description CSV only: en (default, as before) is the machine-readable table with English codes; zh has Chinese headers and row names, to hand to the street office as it is (the report page downloads this one) */
        lang?: 'zh' | 'en';
        /** @description The community's code (or id): a street-office user names one of their communities; community staff read their own (another answers 404) */
        community?: string;
      };
      header?: never;
      path: {
        year: number;
        quarter: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the report as JSON, or with ?format=csv as a CSV file */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['QuarterReportDto'];
          'text/csv': string;
        };
      };
    };
  };
  ReportsController_year: {
    parameters: {
      query?: {
        format?: 'json' | 'csv';
        /** @description CSV only: en (default, as before) is the machine-readable table with English codes; zh has Chinese headers and row names, to hand to the street office as it is (the report page downloads this one) */
        lang?: 'zh' | 'en';
        /** @description The community's code (or id): a street-office user names one of their communities; community staff read their own (another answers 404) */
        community?: string;
      };
      header?: never;
      path: {
        year: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the report as JSON, or with ?format=csv as a CSV file */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AnnualReportDto'];
          'text/csv': string;
        };
      };
    };
  };
  ReportsController_growth: {
    parameters: {
      query: {
        /** @description the first month, YYYY-MM */
        from: string;
        /** @description the last month, YYYY-MM (at most 120 months) */
        to: string;
        /** @description The community's code (or id): a street-office user names one of their communities */
        community?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GrowthReportDto'];
        };
      };
    };
  };
  CommunityController_community: {
    parameters: {
      query?: {
        community?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
    };
  };
  MyCommunityController_mine: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
    };
  };
  MyCommunityController_updateContact: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CommunityContactDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommunityViewDto'];
        };
      };
    };
  };
  OfficeController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommunityListDto'];
        };
      };
    };
  };
  OfficeController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateCommunityDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommunityViewDto'];
        };
      };
    };
  };
  OfficeController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateCommunityDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommunityViewDto'];
        };
      };
    };
  };
  OfficeController_addAdmin: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateCommunityAdminDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommunityAdminDto'];
        };
      };
    };
  };
  OfficeController_overview: {
    parameters: {
      query: {
        year: number;
        /** @description 1-4; without it, the whole year */
        quarter?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OverviewDto'];
        };
      };
    };
  };
  OfficeController_verify: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OfficeVerifyDto'];
        };
      };
    };
  };
  CertificatesController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        /** @description only this volunteer’s certificates */
        memberId?: number;
        /** @description periods ending on or after this date */
        from?: string;
        /** @description periods starting on or before it */
        to?: string;
        /** @description street-office users: the community (code or id) whose register to read */
        community?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CertificateListItemPageDto'];
        };
      };
    };
  };
  CertificatesController_issue: {
    parameters: {
      query?: never;
      header: {
        'Idempotency-Key': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['IssueCertificateDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CertificateViewDto'];
        };
      };
    };
  };
  CertificatesController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        number: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CertificateViewDto'];
        };
      };
    };
  };
  CertificatesController_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        number: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RevokeCertificateDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CertificateViewDto'];
        };
      };
    };
  };
  PublicCertificatesController_key: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CertificateKeyDto'];
        };
      };
    };
  };
  PublicCertificatesController_check: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        number: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CertificateCheckDto'];
        };
      };
    };
  };
  ExportsController_xlsx: {
    parameters: {
      query: {
        from: string;
        to: string;
        /** @description street-office users: the community (code or id) to export */
        community?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the spreadsheet */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
    };
  };
  ExportsController_csv: {
    parameters: {
      query: {
        from: string;
        to: string;
        /** @description street-office users: the community (code or id) to export */
        community?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the CSV file */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv; charset=utf-8': string;
        };
      };
    };
  };
}
