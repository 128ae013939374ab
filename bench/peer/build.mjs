#!/usr/bin/env node
// Builds the peer baseline pages into peer/public/:
//   full.html              ECharts prebuilt dist/echarts.min.js + our widget code
//   lean.html              tree-shaken ECharts (esbuild) + our widget code, one bundle
//   payments-echarts.html  payments chart only, tree-shaken ECharts
//   payments-chartjs.html  payments chart only, tree-shaken Chart.js
// Geography: $PEER_GEO, else the project's data/geo/demo-zone.geojson when it exists, else
// src/placeholder-zone.geojson (three hand-made placeholder polygons).
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const SRC = path.join(HERE, 'src');
// PEER_OUT: where the pages go (cargo xtask bench: target/bench/peer), never into the sources.
const OUT = process.env.PEER_OUT ? path.resolve(process.env.PEER_OUT) : path.join(HERE, 'public');
const SHARED_GEO = process.env.PEER_GEO || path.resolve(HERE, '../../data/geo/demo-zone.geojson');
const pkgVersion = (name) => JSON.parse(fs.readFileSync(path.resolve(HERE, '../node_modules', name, 'package.json'), 'utf8')).version;
const ECHARTS_VERSION = pkgVersion('echarts');
const CHARTJS_VERSION = pkgVersion('chart.js');

fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(path.join(OUT, 'assets'), { recursive: true });
fs.mkdirSync(path.join(OUT, 'vendor'), { recursive: true });
fs.mkdirSync(path.join(OUT, 'data'), { recursive: true });

// ---------------------------------------------------------------- geo
function ringCentroid(ring) {
  let a = 0, cx = 0, cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j], [x1, y1] = ring[i];
    const f = x0 * y1 - x1 * y0;
    a += f; cx += (x0 + x1) * f; cy += (y0 + y1) * f;
  }
  return a ? { a: a / 2, x: cx / (3 * a), y: cy / (3 * a) } : { a: 0, x: ring[0][0], y: ring[0][1] };
}
function centroid(geom) {
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.type === 'MultiPolygon' ? geom.coordinates : [];
  let A = 0, X = 0, Y = 0;
  for (const p of polys) {
    const c = ringCentroid(p[0]);
    A += Math.abs(c.a); X += c.x * Math.abs(c.a); Y += c.y * Math.abs(c.a);
  }
  return A ? [+(X / A).toFixed(5), +(Y / A).toFixed(5)] : null;
}
const NAME_KEYS = ['name', 'name_zh', 'NAME_ZH', 'name:zh', 'NAME', 'Name', 'NAME_CHN', 'NL_NAME_2', 'NL_NAME_3', 'NAME_2', 'NAME_3', 'district'];
const nameOf = (p, i) => { for (const k of NAME_KEYS) if (p && typeof p[k] === 'string' && p[k]) return p[k]; return `区域${i + 1}`; };

let geoSource;
let geojson;
if (fs.existsSync(SHARED_GEO)) {
  geojson = JSON.parse(fs.readFileSync(SHARED_GEO, 'utf8'));
  geoSource = 'shared';
} else {
  geojson = JSON.parse(fs.readFileSync(path.join(SRC, 'placeholder-zone.geojson'), 'utf8'));
  geoSource = 'placeholder';
}
// The shared file also carries provinces, lakes, borders and place points:
// keep the district polygons (kind=district) when it marks them, else every polygon.
const polys = geojson.features.filter((f) => f.geometry && /Polygon/.test(f.geometry.type));
const districts = polys.some((f) => f.properties?.kind === 'district') ? polys.filter((f) => f.properties.kind === 'district') : polys;
// Link end points (properties.anchor; not 'cp', which ECharts takes as the label position): the district seat when the file has one (role=district_seat), else the area centroid.
const seats = Object.fromEntries(geojson.features
  .filter((f) => f.geometry?.type === 'Point' && f.properties?.role === 'district_seat' && f.properties.in_district)
  .map((f) => [f.properties.in_district, f.geometry.coordinates]));
const features = districts.map((f, i) => {
  const name = nameOf(f.properties, i);
  return { type: 'Feature', properties: { name, anchor: seats[name] || centroid(f.geometry) }, geometry: f.geometry };
});
fs.writeFileSync(path.join(OUT, 'data', 'zone.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));

// Links: the three 10 kV interconnections of the story when the three districts
// are found by name, otherwise every pair among the first three features.
const find = (keys) => features.find((f) => keys.some((k) => f.properties.name.toLowerCase().includes(k)))?.properties.name;
const wj = find(['吴江', 'wujiang']), qp = find(['青浦', 'qingpu']), js = find(['嘉善', 'jiashan']);
let links;
if (wj && qp && js) {
  links = [[wj, qp, '吴江—青浦 10千伏互联（2019年9月）'], [qp, js, '青浦—嘉善 10千伏互联（2019年9月）'], [wj, js, '吴江—嘉善 10千伏互联（2020年6月）']];
} else {
  const n = features.slice(0, 3).map((f) => f.properties.name);
  links = [[n[0], n[1], `${n[0]}—${n[1]}`], [n[1], n[2], `${n[1]}—${n[2]}`], [n[0], n[2], `${n[0]}—${n[2]}`]].filter((l) => l[0] && l[1]);
}
const attrEsc = (s) => s.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/</g, '&lt;');
const GEO_NOTE = geoSource === 'placeholder' ? '（区界为示意占位多边形，非真实边界。）' : '';
const GEO_SOURCE = geoSource === 'placeholder' ? '地图区界为占位示意图形。'
  : `地图数据：${(geojson.attribution || 'shared/data/geo/demo-zone.geojson').replace(/&/g, '&amp;').replace(/</g, '&lt;')}`;

// --------------------------------------------------------------- bundles
const common = {
  bundle: true, minify: true, format: 'iife', target: ['es2019'], legalComments: 'none',
  absWorkingDir: HERE, nodePaths: [path.resolve(HERE, '../node_modules')], logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' }, metafile: true,
};
const bundles = {
  'app-full.js': 'src/entry-full.js',
  'app-lean.js': 'src/entry-lean.js',
  'payments-echarts.js': 'src/entry-payments-echarts.js',
  'payments-chartjs.js': 'src/entry-payments-chartjs.js',
};
for (const [out, entry] of Object.entries(bundles)) {
  await esbuild.build({ ...common, entryPoints: [entry], outfile: path.join(OUT, 'assets', out) });
}
fs.copyFileSync(require.resolve('echarts/dist/echarts.min.js'), path.join(OUT, 'vendor', 'echarts.min.js'));
fs.copyFileSync(path.join(SRC, 'style.css'), path.join(OUT, 'assets', 'style.css'));

// ----------------------------------------------------------------- pages
const fill = (tpl, vars) => tpl.replace(/\{\{(\w+)\}\}/g, (_, k) => (k in vars ? vars[k] : ''));
const article = fs.readFileSync(path.join(SRC, 'article.html'), 'utf8');
const paymentsTpl = fs.readFileSync(path.join(SRC, 'payments.html'), 'utf8');
const linksAttr = attrEsc(JSON.stringify(links));
const pages = {
  'full.html': fill(article, {
    TITLE: '同业基线（ECharts 完整包）', VARIANT: 'dist/echarts.min.js 完整包', ECHARTS_VERSION, LINKS: linksAttr, GEO_NOTE, GEO_SOURCE,
    SCRIPTS: '<script src="vendor/echarts.min.js" defer></script>\n<script src="assets/app-full.js" defer></script>',
  }),
  'lean.html': fill(article, {
    TITLE: '同业基线（ECharts 按需打包）', VARIANT: 'esbuild 按需打包', ECHARTS_VERSION, LINKS: linksAttr, GEO_NOTE, GEO_SOURCE,
    SCRIPTS: '<script src="assets/app-lean.js" defer></script>',
  }),
  'payments-echarts.html': fill(paymentsTpl, {
    TITLE: '支付图（ECharts 按需）', VARIANT: `ECharts ${ECHARTS_VERSION} 按需打包`,
    SCRIPTS: '<script src="assets/payments-echarts.js" defer></script>',
  }),
  'payments-chartjs.html': fill(paymentsTpl, {
    TITLE: '支付图（Chart.js 按需）', VARIANT: `Chart.js ${CHARTJS_VERSION} 按需打包`,
    SCRIPTS: '<script src="assets/payments-chartjs.js" defer></script>',
  }),
};
for (const [f, html] of Object.entries(pages)) fs.writeFileSync(path.join(OUT, f), html);
fs.writeFileSync(path.join(OUT, 'index.html'), `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>peer baseline</title></head><body><ul>${
  Object.keys(pages).map((p) => `<li><a href="${p}">${p}</a></li>`).join('')}</ul></body></html>\n`);

// ---------------------------------------------------------------- sizes
const sizes = {};
for (const f of ['vendor/echarts.min.js', ...Object.keys(bundles).map((b) => `assets/${b}`), 'assets/style.css', 'data/zone.geojson', ...Object.keys(pages)]) {
  const buf = fs.readFileSync(path.join(OUT, f));
  sizes[f] = {
    raw: buf.length,
    gzip9: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}
const geoFileBuf = fs.readFileSync(geoSource === 'shared' ? SHARED_GEO : path.join(SRC, 'placeholder-zone.geojson'));
const meta = { geoSha256: (await import('node:crypto')).createHash('sha256').update(geoFileBuf).digest('hex'), echarts: ECHARTS_VERSION, chartjs: CHARTJS_VERSION, esbuild: esbuild.version, geoSource, geoFile: geoSource === 'shared' ? SHARED_GEO : 'src/placeholder-zone.geojson', links, sizes };
fs.writeFileSync(path.join(OUT, 'build-meta.json'), JSON.stringify(meta, null, 2));
console.log(`built ${OUT} (geo: ${geoSource})`);
for (const [f, s] of Object.entries(sizes)) console.log(`  ${f.padEnd(28)} ${String(s.raw).padStart(8)} raw ${String(s.gzip9).padStart(7)} gz9 ${String(s.brotli).padStart(7)} br`);
