import { ScrollRegion } from '@/components/ui/scroll-region';
import type { UploadPreview } from '@/lib/ingest/build-upload-preview';

const FORMAT_LABELS: Record<string, string> = {
  generic: 'Generic template v1.1',
  codecarbon: 'CodeCarbon emissions.csv',
  'nvidia-smi': 'nvidia-smi log',
  'ai-usage': 'AI-service usage export (tokens by model)',
  unknown: 'Unknown header — map the columns below',
};

/** Detected format and the first rows of the chosen file, parsed in the browser with the server's parser. */
export function UploadPreviewTable({
  file,
  preview,
  mapped,
}: {
  file: File;
  preview: UploadPreview;
  /** 'unmapped': unknown header, no column mapped yet; 'mapped': unknown header with a mapping. */
  mapped: 'no' | 'unmapped' | 'mapped';
}) {
  return (
    <section aria-label="Preview" className="flex flex-col gap-2">
      <p className="text-sm">
        <span className="font-medium">{file.name}</span> ({Math.ceil(file.size / 1024)} KB) · Detected format:{' '}
        <strong data-testid="detected-format">
          {mapped === 'unmapped'
            ? FORMAT_LABELS.unknown
            : mapped === 'mapped'
              ? 'Mapped columns'
              : FORMAT_LABELS[preview.format]}
        </strong>
      </p>
      {preview.headers.length > 0 ? (
        <ScrollRegion label="Preview of the file" className="rounded border border-slate-200">
          <table className="text-xs">
            <thead className="bg-slate-50">
              <tr>
                {preview.headers.map((h, i) => (
                  <th
                    // biome-ignore lint/suspicious/noArrayIndexKey: header names may repeat; never reordered
                    key={`${h}-${i}`}
                    className="whitespace-nowrap px-2 py-1 text-left font-mono font-medium"
                  >
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row, r) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: static preview/error rows, never reordered
                <tr key={r} className="border-t border-slate-100">
                  {row.map((cell, c) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: static preview/error rows, never reordered
                    <td key={c} className="whitespace-nowrap px-2 py-1">
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      {preview.errors.length > 0 && mapped !== 'unmapped' ? (
        <ul className="list-disc pl-5 text-xs text-red-700" aria-label="Problems in the preview">
          {preview.errors.slice(0, 5).map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: static preview/error rows, never reordered
            <li key={i}>
              Line {e.line}
              {e.column ? `, ${e.column}` : ''}: {e.message}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-xs text-slate-500">{preview.records} record(s) read from the start of the file.</p>
      )}
    </section>
  );
}
