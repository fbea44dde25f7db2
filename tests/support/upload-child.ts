import { userActor } from '@/lib/auth/actor';
import { ingestUpload } from '@/lib/server/usage/uploads/uploads';
import { HEADER, row } from './hostile-corpus';
import { manyRowsCsv, slowChunks } from './slow-upload';

// Child process of upload-faults.test.ts: starts a slow upload and never finishes it on its own; the test
// kills it with SIGKILL while the data transaction is open. Args: orgId userId rows.
const [orgId, userId, rows] = process.argv.slice(2);
const text = manyRowsCsv(HEADER, row, Number(rows), 'killed');
await ingestUpload(
  { orgId: orgId as string, actor: userActor(userId as string) },
  {
    fileName: 'killed.csv',
    chunks: slowChunks(text, {
      chunkBytes: 2048,
      pauseMs: 200,
      onChunk: (i) => {
        if (i === 3) {
          process.stdout.write('STREAMING\n');
        }
      },
    }),
    parse: {},
  },
);
process.stdout.write('DONE\n');
