import { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule, AppOptions } from './app.module';
import { DomainError, ErrorCode, RETRY_AFTER_SECONDS } from './common/errors';
import { errorBodySchema, toErrorBody } from './common/http-exception.filter';
import {
  addApiHeaders,
  fastifyServerOptions,
  limitConnections,
  routeBodyLimits,
} from './common/http-edge';
import { APP_BODY_BYTES_MAX } from './common/limits';
import { SafeConsoleLogger } from './common/log-safe';
import { createValidationPipe, refuseHostileText } from './common/validation';
import { CONTENT_SECURITY_POLICY, registerWebPages } from './web/web-pages';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/** Builds the whole application; main.ts listens on it, tests drive it with supertest. */
export async function createApp(
  options: AppOptions & { logger?: false },
): Promise<NestFastifyApplication> {
  // Fastify's own 503 while closing has no `code`: the hook below answers it in the contract's shape.
  const adapter = new FastifyAdapter({
    bodyLimit: APP_BODY_BYTES_MAX,
    trustProxy: options.config.trustProxy,
    return503OnClosing: false,
    ...fastifyServerOptions(options.config.http),
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(options),
    adapter,
    {
      logger:
        options.logger === false
          ? false
          : new SafeConsoleLogger({
              logLevels: LEVELS.slice(0, LEVELS.indexOf(options.config.logLevel) + 1),
            }),
    },
  );
  limitConnections(app.getHttpServer(), options.config.http);
  addApiHeaders(app.getHttpAdapter().getInstance(), CONTENT_SECURITY_POLICY);
  routeBodyLimits(app.getHttpAdapter().getInstance());
  refuseHostileText(app.getHttpAdapter().getInstance());
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Love passbook (爱心存折) API')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ErrorBody: errorBodySchema() },
  };
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  await registerWebPages(app, options.config.webDir);
  answerCodedWhileClosing(app);

  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/** Requests still arriving on open connections during shutdown: 503 SERVICE_UNAVAILABLE, coded. */
function answerCodedWhileClosing(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  fastify.addHook('onRequest', (_req, reply, done) => {
    if (!closing) {
      done();
      return;
    }
    const body = toErrorBody(
      new DomainError(
        ErrorCode.SERVICE_UNAVAILABLE,
        'the service is shutting down; nothing was changed, try again in a moment',
      ),
    );
    void reply
      .code(body.statusCode)
      .header('connection', 'close')
      .header('retry-after', String(RETRY_AFTER_SECONDS))
      .header('content-type', 'application/json; charset=utf-8')
      .send(body);
  });
}
