import { setLocale, getLocale } from '../src/index.js';

// The interface language switcher changes the viewer's strings (lit-localize) only; the
// transcript language is chosen in the viewer's own "Translation" menu.
const select = document.querySelector<HTMLSelectElement>('#ui-lang')!;
select.value = getLocale();
select.addEventListener('change', () => void setLocale(select.value));

// Publish the claims and their verdicts as schema.org ClaimReview JSON-LD for search engines,
// once the viewer has loaded and linked its annotations.
const transcript = document.querySelector('annotated-transcript')!;
let tries = 0;
const publish = () => {
  const reviews = transcript.claimReview({ pageUrl: location.href.split('#')[0], publisherName: 'annotated-transcript demo (fiction)' });
  if (!reviews.length) {
    if (++tries < 20) setTimeout(publish, 500);
    return;
  }
  const script = document.createElement('script');
  script.type = 'application/ld+json';
  script.textContent = JSON.stringify(reviews);
  document.head.append(script);
};
void customElements.whenDefined('annotated-transcript').then(publish);
