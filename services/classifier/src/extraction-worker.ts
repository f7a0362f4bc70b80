// A worker thread of the classifier's extraction pool (see extraction.ts): one chunk of a batch in,
// its extractions out. Bundled as dist/extraction-worker.js beside the classifier's main.js.
import { extractAll, type ExtractionTask } from './extraction-task.ts';

export default function run(task: ExtractionTask) {
  return extractAll(task);
}
