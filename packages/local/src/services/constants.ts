/** Region every local client uses; only affects request signing (no local service checks it). */
export const LOCAL_REGION = 'ap-northeast-1';

/**
 * One dummy key pair that all four stand-ins accept. It has to be S3RVER/S3RVER: s3rver looks the
 * access key up in a hard-coded registry (and rejects others with InvalidAccessKeyId, even for
 * presigned URLs); DynamoDB Local only wants alphanumerics; cognito-local and SES ignore it.
 */
export const LOCAL_AWS_CREDENTIALS: { readonly accessKeyId: string; readonly secretAccessKey: string } = {
  accessKeyId: 'S3RVER',
  secretAccessKey: 'S3RVER',
};

/** A fresh copy per SDK client: the SDK tags the object it is given, a frozen one makes it throw. */
export function localCredentials(): { accessKeyId: string; secretAccessKey: string } {
  return { ...LOCAL_AWS_CREDENTIALS };
}

export const DEFAULT_PORTS = Object.freeze({
  dynamodb: 8000,
  cognito: 9229,
  s3: 4569,
  ses: 8005,
});

export const DEFAULT_BUCKET = 'mcr-local-uploads';

/** The local SPA (served by `npm start`). */
export const DEFAULT_SPA_ORIGIN = 'http://localhost:8080';

export const USER_POOL_NAME = 'mcr-local';
export const USER_POOL_CLIENT_NAME = 'mcr-local-spa';
