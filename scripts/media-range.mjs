// Koa middleware for @web/dev-server: answers HTTP Range requests for media files (the wtr server
// does not, and without Range a <video> cannot seek), and serves ../shared/corpus under /__corpus/.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';

const types = {
  '.webm': 'video/webm', '.mp4': 'video/mp4', '.m4a': 'audio/mp4', '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg', '.opus': 'audio/ogg', '.wav': 'audio/wav',
};
const textTypes = {
  '.vtt': 'text/vtt; charset=utf-8', '.srt': 'application/x-subrip', '.json': 'application/json',
  '.html': 'text/html; charset=utf-8', '': 'application/octet-stream',
};

function inside(root, path) {
  return path === root || path.startsWith(root + sep);
}

export function mediaRange({ rootDir = process.cwd(), corpusDir } = {}) {
  const root = resolve(rootDir);
  const corpus = corpusDir ? resolve(corpusDir) : null;
  return async (ctx, next) => {
    const url = decodeURIComponent(ctx.path);
    if (corpus && url.startsWith('/__corpus/')) {
      const file = resolve(corpus, '.' + url.slice('/__corpus'.length));
      if (!inside(corpus, file) || !existsSync(file) || !statSync(file).isFile()) {
        ctx.status = 404;
        return;
      }
      ctx.type = textTypes[extname(file)] ?? 'application/octet-stream';
      ctx.body = createReadStream(file);
      return;
    }
    const type = types[extname(url).toLowerCase()];
    if (!type) return next();
    const file = resolve(root, '.' + url);
    if (!inside(root, file) || !existsSync(file)) return next();
    const size = statSync(file).size;
    ctx.set('Accept-Ranges', 'bytes');
    ctx.type = type;
    const m = /^bytes=(\d*)-(\d*)$/.exec(ctx.get('range') ?? '');
    if (!m) {
      ctx.length = size;
      ctx.body = createReadStream(file);
      return;
    }
    let start = m[1] === '' ? size - Number(m[2]) : Number(m[1]);
    let end = m[1] !== '' && m[2] !== '' ? Number(m[2]) : size - 1;
    start = Math.max(0, start);
    end = Math.min(end, size - 1);
    if (start > end || start >= size) {
      ctx.status = 416;
      ctx.set('Content-Range', `bytes */${size}`);
      return;
    }
    ctx.status = 206;
    ctx.set('Content-Range', `bytes ${start}-${end}/${size}`);
    ctx.length = end - start + 1;
    ctx.body = createReadStream(file, { start, end });
  };
}
