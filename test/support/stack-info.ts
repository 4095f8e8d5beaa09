import { inject } from 'vitest';

export interface DemoLoginInfo {
  email: string;
  password: string;
  totpSecret: string;
  role: string;
  tenant: string;
  organisation: string;
  userId: string;
}

export interface RunningStackInfo {
  url: string;
  pid: number;
  tableName: string;
  services: {
    dynamodbEndpoint: string;
    cognitoEndpoint: string;
    userPoolId: string;
    userPoolClientId: string;
    issuer: string;
    jwksUri: string;
    s3Endpoint: string;
    bucket: string;
    sesEndpoint: string;
  };
  logins: DemoLoginInfo[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: RunningStackInfo;
  }
}

export function stackInfo(): RunningStackInfo {
  return inject('stack');
}
