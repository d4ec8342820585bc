// One jest run covers every package. TypeScript is compiled by SWC (about twice ts-jest's speed).
// PGlite's CJS build loads its WASM through dynamic import(), hence --experimental-vm-modules in
// the test script. light-my-request is held at 6.6 (root pnpm.overrides): 6.8 requires the ESM-only
// cookie@2, which jest's CommonJS runtime cannot load.
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] };

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60000,
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
    },
    {
      displayName: 'miniapp',
      rootDir: '<rootDir>/miniapp',
      testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/scripts/**/*.test.ts'],
      transform,
    },
  ],
};
