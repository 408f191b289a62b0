/**
 * Browser tests of the web pages (`npm run test:web`): the built app on a temp SQLite file, driven
 * in Debian's Chromium through playwright-core. Kept out of `npm test`, which needs no browser.
 * @type {import('jest').Config}
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testRegex: ['test/browser/.*\\.browser-spec\\.ts$'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 60000,
};
