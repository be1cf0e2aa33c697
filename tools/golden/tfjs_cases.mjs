// Runs the keras_ golden cases in TensorFlow.js (pure-JS CPU backend), which implements Keras
// layer semantics. Input: JOB.json from `keras_cases.py prepare`. Output: RESULT.json with, per
// case, the weights as getWeights() returns them (Keras order) and, per run, the model output
// (time-major, batch 1) and every recurrent layer's final states (return_state).
//
// usage: node tfjs_cases.mjs JOB.json RESULT.json
import * as tf from '@tensorflow/tfjs';
import { readFileSync, writeFileSync } from 'node:fs';

const ACT = { Linear: 'linear', Tanh: 'tanh', Sigmoid: 'sigmoid', HardSigmoid: 'hardSigmoid', Relu: 'relu', Softmax: 'softmax', Elu: 'elu' };
const MERGE = { Concat: 'concat', Sum: 'sum', Multiply: 'mul', Average: 'ave' };

function act(name) {
  if (!(name in ACT)) throw new Error(`tfjs has no activation ${name}`);
  return ACT[name];
}

function makeLayer(l, defaultInit, seed) {
  if (l.kind === 'Activation') {
    // Keras's standalone layers: LeakyReLU(alpha), ELU (tfjs takes only alpha = 1), Activation(name)
    if (l.activation === 'LeakyRelu') return tf.layers.leakyReLU({ alpha: l.alpha });
    if (l.activation === 'Elu') {
      if ((l.alpha ?? 1) !== 1) throw new Error('tfjs ELU layers only take alpha = 1');
      return tf.layers.elu();
    }
    return tf.layers.activation({ activation: act(l.activation) });
  }
  if (l.kind === 'Dense') {
    const cfg = { units: l.units, activation: act(l.activation), useBias: l.useBias };
    cfg.kernelInitializer = defaultInit ? tf.initializers.glorotUniform({ seed }) : 'zeros';
    return tf.layers.dense(cfg);
  }
  const cfg = {
    units: l.units, activation: act(l.activation), useBias: l.useBias,
    returnSequences: l.returnSequences, returnState: true,
    goBackwards: l.direction === 'Backward',
  };
  if (l.kind !== 'SimpleRnn') cfg.recurrentActivation = act(l.recurrentActivation); // tfjs default is hardSigmoid!
  if (l.kind === 'Gru') {
    if (l.resetAfter) throw new Error('tfjs GRU cannot do resetAfter=true');
    cfg.resetAfter = false;
  }
  if (defaultInit) {
    // Keras defaults, but seeded so the data is reproducible
    cfg.kernelInitializer = tf.initializers.glorotUniform({ seed });
    cfg.recurrentInitializer = tf.initializers.orthogonal({ seed: seed + 1 });
    cfg.biasInitializer = 'zeros';
  } else {
    // weights come from the job via setWeights(); skip the (slow, unseeded) default init
    cfg.kernelInitializer = 'zeros';
    cfg.recurrentInitializer = 'zeros';
    cfg.biasInitializer = 'zeros';
  }
  const ctor = { SimpleRnn: tf.layers.simpleRNN, Lstm: tf.layers.lstm, Gru: tf.layers.gru }[l.kind];
  if (l.direction === 'Bidirectional') {
    return tf.layers.bidirectional({ layer: ctor(cfg), mergeMode: MERGE[l.mergeMode] });
  }
  return ctor(cfg);
}

// Runs the layer stack on x [1, T, in]; returns { output, finalStates } as plain arrays.
function runStack(layers, specs, x, initialStates) {
  const finals = [];
  let y = x;
  specs.forEach((l, li) => {
    if (l.kind === 'Dense' || l.kind === 'Activation') { y = layers[li].apply(y); return; }
    const init = initialStates.filter((s) => s.layer === li)
      .map((s) => tf.tensor2d(s.values, [1, s.values.length]));
    // order in the JSON is per direction hidden[, cell] = Keras' [h, c] / [fh, fc, bh, bc]
    const res = init.length ? layers[li].apply(y, { initialState: init }) : layers[li].apply(y);
    y = res[0];
    const perDir = l.kind === 'Lstm' ? 2 : 1;
    const nDir = l.direction === 'Bidirectional' ? 2 : 1;
    if (res.length !== 1 + perDir * nDir) throw new Error(`unexpected state count ${res.length}`);
    for (let d = 0; d < nDir; d++) {
      for (let k = 0; k < perDir; k++) {
        finals.push({ layer: li, direction: d, kind: k === 0 ? 'hidden' : 'cell',
          values: Array.from(res[1 + d * perDir + k].dataSync()) });
      }
    }
  });
  return { outputs: Array.from(y.dataSync()), finalStates: finals };
}

async function main() {
  const [jobPath, outPath] = process.argv.slice(2);
  await tf.setBackend('cpu');
  const job = JSON.parse(readFileSync(jobPath, 'utf8'));
  const out = { version: tf.version.tfjs, backend: tf.getBackend(), cases: {} };
  for (const entry of job) {
    const c = entry.case;
    const defaultInit = c.init === 'keras_default';
    const layers = c.layers.map((l, i) => makeLayer(l, defaultInit, entry.seed + 10 * i));
    // build every layer with a dummy pass, then install the weights
    runStack(layers, c.layers, tf.zeros([1, 1, c.inputSize]), []);
    const all = layers.flatMap((l) => l.getWeights());
    if (entry.weights) {
      if (all.length !== entry.weights.length) throw new Error(`${c.name}: ${all.length} weight tensors, job has ${entry.weights.length}`);
      let k = 0;
      for (const layer of layers) {
        const n = layer.getWeights().length;
        layer.setWeights(entry.weights.slice(k, k + n).map((w, j) => tf.tensor(w, all[k + j].shape)));
        k += n;
      }
    }
    const weights = layers.flatMap((l) => l.getWeights());
    const res = {
      weightShapes: weights.map((w) => w.shape),
      weights: weights.map((w) => Array.from(w.dataSync())),
      runs: entry.runs.map((r) => tf.tidy(() => {
        const x = tf.tensor3d(r.inputs, [1, r.timeSteps, c.inputSize]);
        return runStack(layers, c.layers, x, r.initialStates);
      })),
    };
    out.cases[c.name] = res;
    console.log(`${c.name}: ${res.runs.length} run(s)`);
  }
  writeFileSync(outPath, JSON.stringify(out));
}

main().catch((e) => { console.error(e); process.exit(1); });
