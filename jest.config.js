/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // .mjs: the plain modules build.mjs shares with the tools (tools/release/changelog.mjs).
  transform: { '^.+\\.(ts|mjs)$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
};
