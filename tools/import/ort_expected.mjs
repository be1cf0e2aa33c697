// Runs every ONNX test file with ONNX Runtime (CPU, 1 thread) on the input in its .expected.json and stores
// ONNX Runtime's output there, so the ONNX tests compare against the ONNX framework itself. For files torch exported,
// prints how far PyTorch's output (already stored) is from ONNX Runtime's.
//
// usage: node ort_expected.mjs DATA_DIR
import ort from 'onnxruntime-node';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.expected.json') && f.startsWith('onnx_'))) {
  const path = join(dir, file);
  const expected = JSON.parse(readFileSync(path, 'utf8'));
  const model = join(dir, file.replace('.expected.json', '.onnx'));
  const session = await ort.InferenceSession.create(model, { intraOpNumThreads: 1, interOpNumThreads: 1, executionProviders: ['cpu'] });
  const input = new ort.Tensor('float32', Float32Array.from(expected.input), expected.dims);
  const result = await session.run({ [session.inputNames[0]]: input });
  const output = Array.from(result[session.outputNames[0]].data);
  if (expected.output) {
    const diff = Math.max(...output.map((v, i) => Math.abs(v - expected.output[i])));
    console.log(`${file}: |PyTorch - ONNX Runtime| max ${diff.toExponential(2)}`);
  }
  expected.output = output;
  expected.source = `ONNX Runtime ${ort.env.versions.common ?? ''}`.trim();
  writeFileSync(path, JSON.stringify(expected));
}
