/**
 * Jest transformer for @nestjs/throttler only.
 *
 * @nestjs/throttler 6 is CommonJS and require()s @nestjs/common and @nestjs/core, which are ES
 * modules since NestJS 12. Node (>= 20.19) loads that natively (require(esm)), so the built app runs
 * unchanged; Jest 29's module runtime cannot require an ES module. Under Jest those two require()
 * calls are pointed at the ES module instances that test/support/esm-bridge.setup.ts puts on
 * globalThis: the very instances the app imports, so DI tokens and `instanceof` still match.
 */
const { createHash } = require('node:crypto');

const BRIDGED = ['@nestjs/common', '@nestjs/core'];
const VERSION = '1';

module.exports = {
  process(source) {
    let code = source;
    for (const name of BRIDGED) {
      code = code
        .split(`require("${name}")`)
        .join(`globalThis[Symbol.for('jest.esmBridge')][${JSON.stringify(name)}]`);
    }
    return { code };
  },
  getCacheKey(source, path) {
    return createHash('sha256').update(VERSION).update(path).update(source).digest('hex');
  },
};
