// Runs the .onnx graphs written by `onnx_build.py build` with onnxruntime-node (CPU, 1 thread)
// and dumps every graph output of every run. No semantics here: onnx_build.py finish converts.
//
// usage: node ort_run.mjs JOB.json RESULT.json
import ort from 'onnxruntime-node';
import { readFileSync, writeFileSync } from 'node:fs';

async function main() {
  const [jobPath, outPath] = process.argv.slice(2);
  const job = JSON.parse(readFileSync(jobPath, 'utf8'));
  const out = { version: ort.env.versions.node, cases: {} };
  for (const c of job) {
    const session = await ort.InferenceSession.create(c.model, {
      intraOpNumThreads: 1, interOpNumThreads: 1, executionProviders: ['cpu'],
    });
    const runs = [];
    for (const r of c.runs) {
      const feeds = {};
      for (const [name, t] of Object.entries(r.feeds)) {
        feeds[name] = new ort.Tensor('float32', Float32Array.from(t.data), t.dims);
      }
      const res = await session.run(feeds);
      const o = {};
      for (const name of session.outputNames) o[name] = { dims: res[name].dims, data: Array.from(res[name].data) };
      runs.push(o);
    }
    out.cases[c.name] = { runs };
    console.log(`${c.name}: ${runs.length} run(s)`);
  }
  writeFileSync(outPath, JSON.stringify(out));
}

main().catch((e) => { console.error(e); process.exit(1); });
