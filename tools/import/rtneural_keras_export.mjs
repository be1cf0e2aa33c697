// Builds small Keras-semantics models in TensorFlow.js (pure-JS CPU backend), sets seeded weights, runs them, and
//  1. writes RTNeural JSON files the way RTNeural's Keras exporter (python/model_utils.py, save_model) writes them,
//     re-implemented here from its behaviour (no code copied):
//       json.dump({"in_shape": model.input_shape,
//                  "layers": [{"type", "activation", "shape": layer.output_shape, "weights": layer.get_weights()}
//                             for each layer but InputLayer]}, indent=4)
//     type: TimeDistributed → "time-distributed-dense", GRU → "gru", LSTM → "lstm", Dense → "dense",
//           Activation → "activation", anything else "unknown" (checked in that order);
//     activation: the layer's activation (a TimeDistributed's: its inner layer's) if it is tanh, relu, sigmoid,
//           softmax or elu, else "" (linear; layers without one). LSTM and GRU layers have tanh → "tanh".
//     Python writes the float32 weights as Python floats (repr of the float64 value) and None as null; pyDumps
//     below writes exactly what Python's json.dump(indent=4) writes (keras_from_tfjs.py checks this by re-dumping).
//  2. writes WORK_DIR/tfjs_cases.json: per case the input, TF.js's output (model.predict, float32) and, for the Keras
//     cases, model.toJSON() and every layer's getWeights() (= Keras get_weights()), for keras_from_tfjs.py to write
//     the .h5 / .keras files and all the .expected.json files.
//
// usage: node rtneural_keras_export.mjs DATA_DIR WORK_DIR
import * as tf from '@tensorflow/tfjs';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

// ---- deterministic numbers: FNV-1a of the case name seeds a mulberry32 generator
function rngFor(name) {
  let h = 0x811c9dc5;
  for (const ch of name) { h ^= ch.charCodeAt(0); h = Math.imul(h, 0x01000193) >>> 0; }
  let a = h;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const uniform = (rng, bound) => (2 * rng() - 1) * bound;

// ---- Python's json.dump(obj, f, indent=4), for objects whose "weights" hold floats and everything else ints/strings/null
function pyFloat(x) {
  // float.__repr__: the shortest digits that round-trip (as JS finds them), written in fixed notation when the
  // decimal exponent is in [-4, 16), else as d.ddde±XX; a whole number gets ".0".
  if (!Number.isFinite(x)) throw new Error(`not finite: ${x}`);
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa, exponent] = x.toExponential().split('e');
  const e = parseInt(exponent, 10);
  const sign = mantissa.startsWith('-') ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '');
  if (e < -4 || e >= 16) {
    return `${sign}${digits[0]}${digits.length > 1 ? '.' + digits.slice(1) : ''}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  if (digits.length <= e + 1) return `${sign}${digits}${'0'.repeat(e + 1 - digits.length)}.0`;
  return `${sign}${digits.slice(0, e + 1)}.${digits.slice(e + 1)}`;
}

function pyDumps(value, level = 0, floats = false) {
  const pad = (n) => ' '.repeat(4 * n);
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return JSON.stringify(value); // ASCII only here, escaped as Python does
  if (typeof value === 'number') {
    if (floats) return pyFloat(value);
    if (!Number.isInteger(value)) throw new Error(`expected an int, got ${value}`);
    return String(value);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => pad(level + 1) + pyDumps(v, level + 1, floats)).join(',\n')}\n${pad(level)}]`;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return '{}';
  return `{\n${keys.map((k) => `${pad(level + 1)}${JSON.stringify(k)}: ${pyDumps(value[k], level + 1, floats || k === 'weights')}`).join(',\n')}\n${pad(level)}}`;
}

// ---- models: Keras auto-names (a class's snake_case name, then _1, _2 …; a wrapped layer is created, so named, first)
function namer() {
  const used = {};
  return (base) => {
    const n = used[base] ?? 0;
    used[base] = n + 1;
    return n === 0 ? base : `${base}_${n}`;
  };
}

// spec: [kind, options] with kind dense | td (TimeDistributed(Dense)) | lstm | gru | activation | leaky
function build(spec, batchInputShape) {
  const name = namer();
  const model = tf.sequential({ name: 'sequential' });
  spec.forEach(([kind, o], i) => {
    const first = i === 0 ? { batchInputShape } : {};
    const zeros = { kernelInitializer: 'zeros', biasInitializer: 'zeros' }; // weights are set below (setWeights)
    let layer;
    if (kind === 'dense' || kind === 'td') {
      const dense = tf.layers.dense({ units: o.units, activation: o.activation ?? 'linear', useBias: o.useBias ?? true, ...zeros, name: name('dense'), ...(kind === 'dense' ? first : {}) });
      layer = kind === 'dense' ? dense : tf.layers.timeDistributed({ layer: dense, name: name('time_distributed'), ...first });
    } else if (kind === 'lstm' || kind === 'gru') {
      // TF.js defaults recurrentActivation to hardSigmoid; Keras to sigmoid. TF.js's GRU is reset_after=false only.
      const cfg = { units: o.units, returnSequences: o.returnSequences, activation: 'tanh', recurrentActivation: 'sigmoid', ...zeros, recurrentInitializer: 'zeros', name: name(kind), ...first };
      layer = kind === 'lstm' ? tf.layers.lstm(cfg) : tf.layers.gru({ ...cfg, resetAfter: false });
    } else if (kind === 'activation') {
      layer = tf.layers.activation({ activation: o.activation, name: name('activation'), ...first });
    } else if (kind === 'leaky') {
      layer = tf.layers.leakyReLU({ alpha: o.alpha, name: name('leaky_re_lu'), ...first });
    } else {
      throw new Error(kind);
    }
    model.add(layer);
  });
  return model;
}

// Seeded weights in getWeights() shapes: Dense kernels uniform ±sqrt(6 / (in + out)) (Glorot's bound), recurrent
// layers uniform ±1/sqrt(units) (PyTorch's default bound) but the input kernel ±2.5/sqrt(units), so the small models
// respond visibly to their input; every bias non-zero (uniform ±0.3 / ±1/sqrt(units)).
function seedWeights(model, rng) {
  for (const layer of model.layers) {
    const cls = layer.getClassName();
    const weights = layer.getWeights();
    if (weights.length === 0) continue;
    const values = weights.map((w, i) => {
      let bound;
      if (cls === 'LSTM' || cls === 'GRU') bound = (i === 0 ? 2.5 : 1) / Math.sqrt(layer.getConfig().units);
      else bound = i === 0 ? Math.sqrt(6 / (w.shape[0] + w.shape[1])) : 0.3;
      return tf.tensor(Float32Array.from({ length: w.size }, () => uniform(rng, bound)), w.shape);
    });
    layer.setWeights(values);
  }
}

// ---- RTNeural's Keras exporter (see the top of this file)
const RT_TYPE = { TimeDistributed: 'time-distributed-dense', GRU: 'gru', LSTM: 'lstm', Dense: 'dense', Activation: 'activation' };
const RT_ACTIVATION = new Set(['tanh', 'relu', 'sigmoid', 'softmax', 'elu']);

function rtActivation(layer) {
  if (layer.getClassName() === 'TimeDistributed') return rtActivation(layer.layer);
  const a = layer.getConfig().activation; // the serialized name; undefined for layers without an activation
  return RT_ACTIVATION.has(a) ? a : '';
}

function rtneuralJson(model) {
  return {
    in_shape: model.inputs[0].shape,
    layers: model.layers.map((layer) => ({
      type: RT_TYPE[layer.getClassName()] ?? 'unknown',
      activation: rtActivation(layer),
      shape: layer.outputShape,
      weights: layer.getWeights().map((w) => w.arraySync()),
    })),
  };
}

// ---- inputs
function audio(rng, T) { // two sines and a little noise
  return Array.from({ length: T }, (_, t) => Math.fround(0.5 * Math.sin(2 * Math.PI * 0.043 * t + 0.4) + 0.3 * Math.sin(2 * Math.PI * 0.137 * t) + 0.02 * uniform(rng, 1)));
}
const noise = (rng, n) => Array.from({ length: n }, () => Math.fround(uniform(rng, 1)));

const CASES = [
  { name: 'rtneural_td_dense_lstm', kind: 'rtneural', shape: [null, null, 1], T: 32,
    spec: [['td', { units: 8 }], ['lstm', { units: 16, returnSequences: true }], ['dense', { units: 1 }]] },
  { name: 'rtneural_td_dense_gru', kind: 'rtneural', shape: [null, null, 1], T: 32,
    spec: [['td', { units: 8, activation: 'tanh' }], ['gru', { units: 12, returnSequences: true }], ['dense', { units: 1 }]] },
  { name: 'rtneural_dense_stack', kind: 'rtneural', shape: [null, 1], T: 32,
    spec: [['dense', { units: 8, activation: 'tanh' }], ['dense', { units: 8, useBias: false }], ['activation', { activation: 'relu' }],
      ['dense', { units: 8, activation: 'elu' }], ['dense', { units: 6 }], ['activation', { activation: 'elu' }],
      ['dense', { units: 6, activation: 'relu', useBias: false }], ['dense', { units: 6 }], ['activation', { activation: 'tanh' }],
      ['dense', { units: 4, activation: 'elu' }], ['dense', { units: 3, activation: 'softmax' }]] },
  { name: 'rtneural_lstm_activation', kind: 'rtneural', shape: [null, null, 2], T: 24,
    spec: [['lstm', { units: 6, returnSequences: true }], ['activation', { activation: 'sigmoid' }], ['dense', { units: 2, activation: 'elu' }]] },
  { name: 'keras2_activations', kind: 'keras2', shape: [null, null, 3], T: 20,
    spec: [['td', { units: 6 }], ['activation', { activation: 'elu' }], ['lstm', { units: 8, returnSequences: true }],
      ['activation', { activation: 'relu' }], ['dense', { units: 4 }], ['leaky', { alpha: 0.3 }], ['dense', { units: 2 }],
      ['activation', { activation: 'softmax' }]] },
  { name: 'keras3_activations', kind: 'keras3', shape: [null, null, 2], T: 16,
    spec: [['td', { units: 5, activation: 'elu' }], ['gru', { units: 6, returnSequences: false }], ['dense', { units: 4 }],
      ['leaky', { alpha: 0.2 }], ['dense', { units: 3 }], ['activation', { activation: 'softmax' }]] },
];

async function main() {
  const [dataDir, workDir] = process.argv.slice(2);
  if (!dataDir || !workDir) throw new Error('usage: node rtneural_keras_export.mjs DATA_DIR WORK_DIR');
  await tf.setBackend('cpu');
  mkdirSync(workDir, { recursive: true });
  const out = { tfjs: tf.version.tfjs, backend: tf.getBackend(), cases: [] };
  for (const c of CASES) {
    const rng = rngFor(c.name);
    const model = build(c.spec, c.shape);
    seedWeights(model, rng);
    const inputSize = c.shape[c.shape.length - 1];
    const input = inputSize === 1 && c.shape.length === 3 ? audio(rng, c.T) : noise(rng, c.T * inputSize);
    const dims = c.shape.length === 3 ? [1, c.T, inputSize] : [c.T, inputSize];
    const output = tf.tidy(() => Array.from(model.predict(tf.tensor(input, dims)).dataSync()));
    const entry = { name: c.name, kind: c.kind, timeSteps: c.T, input, output };
    if (c.kind === 'rtneural') {
      writeFileSync(join(dataDir, `${c.name}.json`), pyDumps(rtneuralJson(model)));
    } else {
      entry.modelJson = model.toJSON(null, false);
      entry.layers = model.layers.map((layer) => ({
        name: layer.name, className: layer.getClassName(), inputShape: layer.input.shape,
        inner: layer.getClassName() === 'TimeDistributed' ? { name: layer.layer.name, className: layer.layer.getClassName() } : null,
        weights: layer.getWeights().map((w) => ({ shape: w.shape, values: Array.from(w.dataSync()) })),
      }));
    }
    out.cases.push(entry);
    console.log(`${c.name}: T=${c.T}, ${input.length / c.T} in, ${output.length} outputs`);
  }
  writeFileSync(join(workDir, 'tfjs_cases.json'), JSON.stringify(out));
}

main().catch((e) => { console.error(e); process.exit(1); });
