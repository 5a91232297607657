import 'annotated-transcript';

const log = document.querySelector('#log');
document.querySelector('annotated-transcript').addEventListener('transcript-seek', (e) => {
  log.textContent = `seek ${e.detail.time.toFixed(3)} ${e.detail.cueId}`;
});
