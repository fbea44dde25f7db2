'use client';

import { useRouter } from 'next/navigation';
import { type DragEvent, useEffect, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { buildUploadPreview, PREVIEW_BYTES, type UploadPreview } from '@/lib/ingest/build-upload-preview';
import type { TColumnMapping } from '@/lib/schemas/column-mapping';
import type { TColumnMappingPresetDto } from '@/lib/server/usage/uploads/column-mapping-presets';
import { MappingEditor } from './mapping-editor';
import { NamesReview, type TNameTargetOptions, type TReviewState } from './names-review';
import { ProcessingProgress } from './processing-progress';
import { sendUpload } from './send-upload';
import { UploadOptions } from './upload-options';
import { UploadPreviewTable } from './upload-preview-table';
import { type TUploadResponse, UploadResult } from './upload-result';
import { useUploadProgress } from './use-upload-progress';

type TPhase = { kind: 'idle' } | { kind: 'sending'; sent: number; total: number } | { kind: 'processing' };
type TRunning = { id: string; abort: AbortController; cancelling: boolean };

/** Choose or drop a file → preview (same parser as the server) → options/mapping → upload with progress. */
export function UploadPanel({
  presets,
  defaultTimeZone,
  nameOptions,
}: {
  presets: TColumnMappingPresetDto[];
  defaultTimeZone: string;
  nameOptions: TNameTargetOptions;
}) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [head, setHead] = useState<Uint8Array | null>(null);
  const [mapping, setMapping] = useState<TColumnMapping>({});
  const [options, setOptions] = useState<Record<string, string>>({ timeZone: defaultTimeZone });
  const [phase, setPhase] = useState<TPhase>({ kind: 'idle' });
  const [result, setResult] = useState<{ body: TUploadResponse; repeated: boolean } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [running, setRunning] = useState<TRunning | null>(null);
  const [review, setReview] = useState<TReviewState>({ kind: 'checking' });
  const serverProgress = useUploadProgress(running?.id ?? null);

  useEffect(() => {
    if (!file) {
      return;
    }
    let cancelled = false;
    file
      .slice(0, PREVIEW_BYTES)
      .arrayBuffer()
      .then((buffer) => !cancelled && setHead(new Uint8Array(buffer)));
    return () => {
      cancelled = true;
    };
  }, [file]);

  const unknownHeader =
    head && file
      ? buildUploadPreview(head, file.size > PREVIEW_BYTES, { fileName: file.name }).needsMapping
      : false;
  const preview: UploadPreview | null =
    head && file
      ? buildUploadPreview(
          head,
          file.size > PREVIEW_BYTES,
          {
            fileName: file.name,
            // An emptied field uploads without timeZone, which the server reads as the organisation's zone.
            timeZone: options.timeZone || defaultTimeZone,
            now: new Date(),
            ...(unknownHeader ? { mapping } : {}),
            defaults: options.phase ? { phase: options.phase as 'training' } : {},
          },
          nameOptions.instanceTypes,
        )
      : null;

  const choose = (chosen: File | null | undefined) => {
    setFile(chosen ?? null);
    setHead(null);
    setMapping({});
    setResult(null);
    setFailure(null);
  };
  const onDrop = (event: DragEvent<HTMLLabelElement>) => {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files[0]);
  };
  const submit = async () => {
    if (!file) {
      return;
    }
    setResult(null);
    setFailure(null);
    setPhase({ kind: 'sending', sent: 0, total: file.size });
    const params = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== ''));
    if (unknownHeader) {
      params.mapping = JSON.stringify(mapping);
    }
    // Our own id for the upload, so its server-side progress can be polled while the request runs.
    const id = crypto.randomUUID();
    params.uploadId = id;
    const abort = new AbortController();
    setRunning({ id, abort, cancelling: false });
    try {
      const response = await sendUpload(
        file,
        params,
        (sent, total) => setPhase(sent >= total ? { kind: 'processing' } : { kind: 'sending', sent, total }),
        abort.signal,
      );
      const body = response.body as TUploadResponse;
      if (response.status === 200 || response.status === 201 || response.status === 422) {
        setResult({ body, repeated: response.status === 200 });
      } else {
        setFailure(body.error?.message ?? `Upload failed (HTTP ${response.status}).`);
      }
      router.refresh();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : 'Upload failed.');
    } finally {
      setPhase({ kind: 'idle' });
      setRunning(null);
    }
  };
  // Cancel: DELETE asks the server to stop (it rolls back and stores nothing); before the server has the upload
  // (404), or if it does not answer, the request itself is aborted.
  const cancel = async () => {
    if (!running) {
      return;
    }
    setRunning({ ...running, cancelling: true });
    const response = await fetch(`/api/v1/uploads/${running.id}`, { method: 'DELETE' }).catch(() => null);
    if (!response?.ok) {
      running.abort.abort();
    }
  };

  const busy = phase.kind !== 'idle';
  const hasNames = Boolean(
    preview &&
      (preview.names.accelerators.length > 0 ||
        preview.names.regions.length > 0 ||
        Boolean(preview.names.instanceTypes?.length) ||
        Boolean(preview.names.models?.length)),
  );
  // Unknown names would make the upload fail (row errors); the button waits until each is mapped.
  const blockedBy = hasNames && review.kind === 'done' ? review.blocking : 0;
  const checking = hasNames && review.kind === 'checking';
  return (
    <div className="flex flex-col gap-4">
      <label
        htmlFor="upload-file"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`flex cursor-pointer flex-col items-center gap-1 rounded-lg border-2 border-dashed px-6 py-8 text-center text-sm ${dragging ? 'border-brand-600 bg-brand-50' : 'border-slate-300'}`}
      >
        <span className="font-medium">Drop a CSV or JSON file here, or choose one</span>
        <span className="text-slate-500">
          Generic template v1.1 (v1 files too), CodeCarbon emissions.csv, nvidia-smi log, any CSV you map, or
          an AI service usage export (OpenAI, Anthropic, Bedrock, Azure OpenAI, Vertex, FOCUS)
        </span>
        <input
          id="upload-file"
          type="file"
          accept=".csv,.tsv,.txt,.json,.jsonl,text/csv,application/json"
          className="sr-only"
          onChange={(e) => choose(e.target.files?.[0])}
        />
      </label>
      {file && preview ? (
        <>
          <UploadPreviewTable
            file={file}
            preview={preview}
            mapped={!unknownHeader ? 'no' : Object.keys(mapping).length > 0 ? 'mapped' : 'unmapped'}
          />
          {unknownHeader ? (
            <MappingEditor
              headers={preview.headers}
              mapping={mapping}
              presets={presets}
              onChange={setMapping}
            />
          ) : null}
          <NamesReview names={preview.names} options={nameOptions} onState={setReview} />
          <UploadOptions values={options} onChange={setOptions} format={preview.format} />
          <div className="flex flex-col gap-1">
            <div>
              <Button
                type="button"
                onClick={submit}
                disabled={busy || blockedBy > 0 || checking}
                aria-describedby={blockedBy > 0 ? 'upload-blocked-reason' : undefined}
              >
                Upload {file.name}
              </Button>
            </div>
            {blockedBy > 0 ? (
              <p id="upload-blocked-reason" className="text-sm text-red-700 dark:text-red-400">
                {blockedBy === 1 ? 'One name is' : `${blockedBy} names are`} not recognised: map{' '}
                {blockedBy === 1 ? 'it' : 'them'} above first, or those rows would be rejected.
              </p>
            ) : null}
          </div>
        </>
      ) : null}
      {phase.kind === 'sending' ? (
        <div className="flex flex-col gap-1">
          <span className="text-sm" id="upload-progress-label">
            Sending… {Math.round((phase.sent / Math.max(phase.total, 1)) * 100)} %
          </span>
          <progress
            aria-labelledby="upload-progress-label"
            className="h-2 w-full"
            value={phase.sent}
            max={phase.total}
          />
        </div>
      ) : null}
      {busy && file ? (
        <ProcessingProgress
          progress={serverProgress?.id === running?.id ? serverProgress : null}
          fileBytes={file.size}
          onCancel={cancel}
          cancelling={running?.cancelling ?? false}
        />
      ) : null}
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {result ? <UploadResult result={result.body} repeated={result.repeated} /> : null}
    </div>
  );
}
