import { setLocale, getLocale } from '../src/index.js';
import '../src/editor.js';

// The editor page: the viewer with the demo's recording, transcript, article and annotations, and
// <at-annotation-editor for="transcript"> below them (see the guide on the page).
const select = document.querySelector<HTMLSelectElement>('#ui-lang')!;
select.value = getLocale();
select.addEventListener('change', () => void setLocale(select.value));
