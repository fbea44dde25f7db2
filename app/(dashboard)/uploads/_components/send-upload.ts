/** Sends a file as the raw body of POST /api/v1/uploads with XMLHttpRequest, which reports upload progress. */
export function sendUpload(
  file: File,
  params: Record<string, string>,
  onProgress: (sentBytes: number, totalBytes: number) => void,
  signal?: AbortSignal,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.onabort = () => reject(new Error('The upload was cancelled; nothing was stored.'));
    const query = new URLSearchParams({ ...params, fileName: file.name });
    xhr.open('POST', `/api/v1/uploads?${query.toString()}`);
    xhr.setRequestHeader('content-type', 'text/csv');
    xhr.upload.onprogress = (event) =>
      onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = { error: { message: xhr.responseText || `HTTP ${xhr.status}` } };
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new Error('The upload was interrupted (network error).'));
    xhr.send(file);
  });
}
