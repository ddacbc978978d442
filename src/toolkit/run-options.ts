import { checkOptions, OptionError, START_OPTIONS } from '../option-check.js'
import type { StartOptions } from '../server.js'

/**
 * Checks the options given to a test runner's set-up (`mockCloudSetup`, `mockCloudFixtures`) when
 * the set-up is made, before the runner starts anything: those `startMockCloud` takes, and none
 * that contradicts the per-file app keys (docs/toolkit.md "Options").
 *
 * @param caller - the set-up function, e.g. `mockCloudSetup`.
 * @param runner - whose test files get keys `RUNNER:<path of the file>`.
 * @throws OptionError naming the option: what `startMockCloud` refuses, and `appKeys` with any
 *   key, since the server would answer every test file's key 401 `Invalid app key`.
 */
export function checkRunOptions(caller: string, runner: 'vitest' | 'jest' | 'mocha', options: StartOptions): void {
  checkOptions(caller, START_OPTIONS, options)
  if (options.appKeys !== undefined && options.appKeys.length > 0) {
    throw new OptionError(
      `${caller}: appKeys cannot be used here: each test file gets its own app key (${runner}:<path of the file>, cloud.key in the file), which a server limited to ${JSON.stringify(options.appKeys)} would refuse with 401 Invalid app key; leave appKeys out`,
      'appKeys',
    )
  }
}
