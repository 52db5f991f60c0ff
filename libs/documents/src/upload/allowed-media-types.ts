/**
 * What families may upload, judged by the file's bytes (api.md): PDF, JPEG, PNG, TIFF, HEIC.
 * HEIF is the container HEIC photos use; file-type names some iPhone photos by it.
 */
export const ALLOWED_MEDIA_TYPES: ReadonlySet<string> = new Set([
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/tiff',
  'image/heic',
  'image/heif',
]);
