// One jest run covers every package. TypeScript is compiled by SWC (about twice ts-jest's speed).
// PGlite's CJS build loads its WASM through dynamic import(), hence --experimental-vm-modules in
// the test script; light-my-request needs the ESM-only cookie@2, hence the transform exception.
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] };
const transformIgnorePatterns = ['/node_modules/(?!\\.pnpm/cookie@|cookie/)'];

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'shared',
      rootDir: '<rootDir>/shared',
      testMatch: ['<rootDir>/src/**/*.test.ts'],
      transform,
    },
    {
      displayName: 'bff',
      rootDir: '<rootDir>/bff',
      testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
      transform,
      transformIgnorePatterns,
      testTimeout: 60000,
    },
  ],
};
