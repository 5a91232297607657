export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/generated/**', 'src/model/**'],
  outdir: '.',
  litelement: true,
  packagejson: false,
};
