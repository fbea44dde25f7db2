'use client';

import { useEffect, useState } from 'react';
import type { TUploadProgressResponse } from '@/lib/schemas/api-v1-uploads';

/** Polls GET /api/v1/uploads/{id}/progress every `intervalMs` while `uploadId` is set (the POST is running). */
export function useUploadProgress(uploadId: string | null, intervalMs = 500): TUploadProgressResponse | null {
  const [progress, setProgress] = useState<TUploadProgressResponse | null>(null);
  useEffect(() => {
    setProgress(null);
    if (!uploadId) {
      return;
    }
    let stopped = false;
    const poll = async () => {
      try {
        const response = await fetch(`/api/v1/uploads/${uploadId}/progress`, { cache: 'no-store' });
        if (!stopped && response.ok) {
          setProgress((await response.json()) as TUploadProgressResponse);
        }
      } catch {
        // A missed poll is harmless; the next one retries.
      }
    };
    const timer = setInterval(poll, intervalMs);
    void poll();
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [uploadId, intervalMs]);
  return progress;
}
