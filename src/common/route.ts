import { applyDecorators, Type } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { Idempotent } from './idempotency/idempotency.interceptor';
import { Role, Roles } from './principal';

/** A response body in the OpenAPI document: a DTO class, or a list of one. */
export type AnswerBody = Type<unknown> | [Type<unknown>];

/** What one route says about itself: who calls it, what it does, what it answers. */
export interface RouteOptions {
  /** The roles the guard lets through (`Roles`); none named: any signed-in principal. */
  roles?: readonly Role[];
  /** The OpenAPI operation's summary (and description). */
  summary?: string;
  description?: string;
  /** The body of a 200 answer. */
  ok?: AnswerBody;
  /** The body of a 201 answer. */
  created?: AnswerBody;
  /**
   * A POST that moves points: it needs an Idempotency-Key (documented as a required header) and
   * runs in one write transaction (`Idempotent`).
   */
  idempotent?: boolean;
}

/**
 * The decorator stack every route repeats, in one: `Roles`, `Idempotent` with its
 * `Idempotency-Key` header, `ApiOperation`, and `ApiOkResponse`/`ApiCreatedResponse`. The HTTP
 * method, `HttpCode`, `Public` and any other response stay beside it.
 */
export function Route(options: RouteOptions): MethodDecorator {
  const decorators: MethodDecorator[] = [];
  if (options.roles) {
    decorators.push(Roles(...options.roles));
  }
  if (options.idempotent) {
    decorators.push(Idempotent(), ApiHeader({ name: 'Idempotency-Key', required: true }));
  }
  if (options.summary !== undefined || options.description !== undefined) {
    const { summary, description } = options;
    decorators.push(
      ApiOperation({
        ...(summary === undefined ? {} : { summary }),
        ...(description === undefined ? {} : { description }),
      }),
    );
  }
  if (options.ok !== undefined) {
    decorators.push(ApiOkResponse({ type: options.ok }));
  }
  if (options.created !== undefined) {
    decorators.push(ApiCreatedResponse({ type: options.created }));
  }
  return applyDecorators(...decorators);
}
