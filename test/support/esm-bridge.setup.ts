import * as common from '@nestjs/common';
import * as core from '@nestjs/core';

// The ES module instances handed to CommonJS packages under Jest (see jest.esm-bridge.js).
(globalThis as Record<symbol, unknown>)[Symbol.for('jest.esmBridge')] = {
  '@nestjs/common': common,
  '@nestjs/core': core,
};
