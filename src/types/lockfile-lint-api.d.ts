/** The part of lockfile-lint-api (CommonJS, untyped) that the lockfile checks use. */
declare module "lockfile-lint-api" {
  /** Entries keyed `name@version…`; `resolved` and `integrity` as the lockfile writes them. */
  export type LockfilePackages = Record<string, { resolved?: string; integrity?: string; version?: string }>;
  export interface ValidationResult {
    type: "success" | "error";
    errors: { message: string; package: string }[];
  }
  export class ParseLockfile {
    constructor(options: { lockfileText: string; lockfileType: "npm" | "yarn" });
    parseSync(): { type: string; object: LockfilePackages };
  }
  export class ValidateHost {
    constructor(options: { packages: LockfilePackages });
    validate(hosts: string[], options?: { emptyHostname?: boolean }): ValidationResult;
  }
  export class ValidatePackageNames {
    constructor(options: { packages: LockfilePackages });
    validate(aliases?: string[]): ValidationResult;
  }
  export class ValidateIntegrity {
    constructor(options: { packages: LockfilePackages });
    validate(options?: { integrityExclude?: string[] }): ValidationResult;
  }
}
