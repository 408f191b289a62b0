import { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule, AppOptions } from './app.module';
import { addApiHeaders, fastifyServerOptions, limitConnections } from './common/http-edge';
import { SafeConsoleLogger } from './common/log-safe';
import { createValidationPipe, refuseHostileText } from './common/validation';
import { CONTENT_SECURITY_POLICY, registerWebPages } from './web/web-pages';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/** Builds the whole application; main.ts listens on it, tests drive it with supertest. */
export async function createApp(
  options: AppOptions & { logger?: false },
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: 1024 * 1024,
    trustProxy: options.config.trustProxy,
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
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  await registerWebPages(app, options.config.webDir);

  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
