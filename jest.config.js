/**
 * NestJS 12 ships as ES modules, so Jest runs in its ESM mode (see "test" in package.json) and
 * ts-jest compiles the TypeScript to ES modules with full type information (type-only imports elided,
 * decorator metadata emitted for Nest's dependency injection).
 * @type {import('jest').Config}
 */
module.exports = {
  rootDir: '.',
  testRegex: ['src/.*\\.spec\\.ts$', 'test/.*\\.e2e-spec\\.ts$'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    'node_modules/@nestjs/throttler/.+\\.js$': '<rootDir>/jest.esm-bridge.js',
    '^.+\\.ts$': [
      'ts-jest',
      {
        useESM: true,
        diagnostics: false,
        tsconfig: {
          module: 'ESNext',
          target: 'ES2022',
          emitDecoratorMetadata: true,
          experimentalDecorators: true,
          esModuleInterop: true,
          strict: true,
          skipLibCheck: true,
          resolveJsonModule: true,
        },
      },
    ],
  },
  // test/pg/ holds what only a server database can show (several instances on one store) and runs in
  // `npm run test:pg` only; test/sqlite/ holds what is SQLite's own (online file backup).
  testPathIgnorePatterns: [
    '/node_modules/',
    process.env.DATABASE_URL ? '<rootDir>/test/sqlite/' : '<rootDir>/test/pg/',
  ],

  // @nestjs/throttler is CommonJS on top of ESM NestJS: see jest.esm-bridge.js.
  transformIgnorePatterns: ['/node_modules/(?!@nestjs/throttler/)'],
  setupFilesAfterEnv: ['<rootDir>/test/support/esm-bridge.setup.ts'],
  testEnvironment: 'node',
  // One file at a time (\`--maxWorkers=1\` in the scripts), in a worker that is replaced once it holds
  // more than this after a file: Jest's ESM mode keeps each file's module graph alive, and run in band
  // the whole suite outgrew the default heap (OOM after ~90 files, 2026-12-02).
  workerIdleMemoryLimit: '1GB',
  testTimeout: 60000,
};
