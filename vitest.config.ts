import { defineConfig } from 'vitest/config';

/**
 * Four projects: pure unit tests; integration and isolation against the real local stack (DynamoDB Local,
 * cognito-local, s3rver, SES sink, front door); infra (CDK synth); e2e in Debian Chromium.
 */
export default defineConfig({
  test: {
    // Node 20 here, 24 on Lambda: the SDK's notice about it is noise in test output.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/global-stack.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // One stack per project; files share it, so they run one after another.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          testTimeout: 300_000,
          // Synthesis bundles one function per route with esbuild: tens of seconds on two busy cores.
          hookTimeout: 300_000,
          env: { CDK_VALIDATION: 'false' },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/global-stack.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      // iam:begin — each function's policy against the SDK calls recorded by the suites above (decision 0022). It runs
      // after them, in a step of its own (scripts/test.ts, `npm run test:iam`), never alongside them.
      ...(process.env.MCR_IAM_CHECK === '1'
        ? [
            {
              extends: true as const,
              test: { name: 'iam', include: ['test/iam/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 300_000, env: { CDK_VALIDATION: 'false' } },
            },
          ]
        : []),
      // iam:end
    ],
  },
});
